"""Record an apply as it runs: the apply's observer writes the history.

``recording(...)`` wraps one call of ``apply_plan``:

1. under the account lock, before anything is written, apply shows the recorder its read of
   the account (``take_before``: the kinds ``capture.Watch`` names, which the stale check then
   uses too) and the watched objects' before-state is kept in memory;
2. at the first change's "start" event, before anything is written to the account, the
   snapshot's before-state and the record are saved: an apply refused as stale leaves nothing;
3. the small record is rewritten on a failure and at most every ``SAVE_EVERY`` seconds
   otherwise, so ``history`` shows a running apply's progress without one more synced write per
   change (the journal already keeps the exact per-change account; rollback treats every change
   of a record that never finished as possibly written);
4. afterwards (also after a failure or an exception) the watched objects are read again for the
   snapshot's after-state, which is what rollback compares against to notice later edits.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from typing import Any, Iterator

from provisioner import __version__
from provisioner.apply import Observer
from provisioner.errors import ProvisionerError
from provisioner.history.capture import Resolve, Watch
from provisioner.history.model import ApplyRecord, ChangeOutcome, Snapshot
from provisioner.history.store import HistoryStore, now_iso
from provisioner.kind import Doc, Kind
from provisioner.live import LiveState
from provisioner.plan.model import Change, Plan
from provisioner.provider import Adapter, Provider

log = logging.getLogger(__name__)
SAVE_EVERY = 1.0


class ApplyRecorder:
    def __init__(self, plan: Plan, provider: Provider, adapter: Adapter, store: HistoryStore,
                 resolve: Resolve | None = None) -> None:
        self.plan, self.provider, self.adapter, self.store, self.resolve = plan, provider, adapter, store, resolve
        self.watch = Watch.for_plan(plan, provider)
        self.kinds: list[Kind] = self.watch.kinds
        self.watched: list[tuple[str, str]] = []
        self.snapshot: Snapshot | None = None
        apply_id = store.new_id()
        self.record = ApplyRecord(
            id=apply_id, started_at=now_iso(), provider=provider.name, account=adapter.account,
            tool_version=__version__, plan_checksum=plan.checksum, desired_digest=plan.desired_digest,
            changes=[ChangeOutcome(action=c.action, kind=c.kind, key=c.key, id=c.id) for c in plan.changes])
        self.saved = False
        self._last_save = 0.0
        self._position = {id(change): index for index, change in enumerate(plan.changes)}

    @property
    def apply_id(self) -> str:
        return self.record.id

    def take_before(self, live: LiveState, raw: dict[str, list[Doc]]) -> None:
        """Keep the watched objects as ``live`` shows them: a read of (at least) ``self.kinds``
        made before the first write (``journal.run.BeforeState``)."""
        self.watched = self.watch.watched(live)
        self.snapshot = Snapshot(apply_id=self.apply_id, provider=self.provider.name, account=self.adapter.account,
                                 watched=self.watched,
                                 before=self.watch.capture(live, raw, self.watched, keep_raw=True, resolve=self.resolve))

    def observe(self, inner: Observer | None) -> Observer:
        """An observer that records each event, then passes it on to ``inner``."""

        def observer(event: str, change: Change, detail: Any) -> None:
            self.on_event(event, change, detail)
            if inner is not None:
                inner(event, change, detail)

        return observer

    def on_event(self, event: str, change: Change, detail: Any) -> None:
        outcome = self._outcome_of(change)
        if outcome is None:
            return
        if event == "start":
            outcome.status = "started"
            if not self.saved:  # before the first write: the snapshot, and a record saying so
                if self.snapshot is None:
                    raise RuntimeError("a write began before the history saw the account "
                                       "(the apply was not given this recorder as its before=)")
                self.store.save_snapshot(self.snapshot)
                self._save_record()
                self.saved = True
        elif event == "done":
            outcome.status, outcome.new_id = "done", detail
        elif event == "failed":
            outcome.status, outcome.error = "failed", str(detail)
        else:
            return
        if event == "failed" or time.monotonic() - self._last_save >= SAVE_EVERY:
            self._save_record()

    def _save_record(self) -> None:
        self.store.save_record(self.record)
        self._last_save = time.monotonic()

    def _outcome_of(self, change: Change) -> ChangeOutcome | None:
        index = self._position.get(id(change))
        if index is None:  # a copy of the change (a resumed apply): find it by what it touches
            index = next((i for i, c in enumerate(self.plan.changes)
                          if (c.action, c.kind, c.key) == (change.action, change.kind, change.key)), None)
        return None if index is None else self.record.changes[index]

    def finish(self, error: BaseException | None) -> None:
        """Take the after-state and close the record; nothing to do when no change started."""
        if not self.saved:
            return
        statuses = {c.status for c in self.record.changes}
        if error is not None or "started" in statuses:
            self.record.outcome = "interrupted"
            self.record.error = str(error) if error is not None else "a change started but never finished"
        elif "failed" in statuses:
            self.record.outcome = "failed"
            self.record.error = next(c.error for c in self.record.changes if c.status == "failed")
        else:
            self.record.outcome = "complete"
        assert self.snapshot is not None  # saved implies taken
        try:
            live, raw = self.watch.read(self.adapter)
            self.snapshot.after = self.watch.capture(live, raw, self.watched, keep_raw=False, resolve=self.resolve)
            self.store.save_snapshot(self.snapshot)
        except ProvisionerError as exc:  # the apply's outcome matters more than the after-state
            log.warning("could not read the account after apply %s: %s", self.apply_id, exc)
        self.record.finished_at = now_iso()
        self._save_record()


@contextmanager
def recording(plan: Plan, provider: Provider, adapter: Adapter, store: HistoryStore,
              resolve: Resolve | None = None) -> Iterator[ApplyRecorder]:
    """Record the apply run inside the ``with`` block (pass ``recorder.observe(...)`` to it as its
    observer and the recorder as its ``before``); ``resolve`` is apply's ``${env:...}`` resolver,
    so the snapshot keeps references, not values."""
    recorder = ApplyRecorder(plan, provider, adapter, store, resolve)
    try:
        yield recorder
    except BaseException as exc:
        recorder.finish(exc)
        raise
    recorder.finish(None)
