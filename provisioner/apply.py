"""Execute a saved plan: exactly its changes, in order, feeding new ids forward.

Apply does not re-diff or re-resolve. Before writing, it re-reads the kinds the plan touches
and refuses a stale plan (an object changed, vanished or appeared since planning). On a change
that fails, it stops and reports what was applied, what failed and what was not attempted.

Never twice, never lost: each change is written to the journal (``provisioner.journal``)
before it is sent and after it is confirmed. When a write gets no clear answer
(``OutcomeUnknown``), apply looks at the account (``journal.settle``) before sending it again:
a create is looked up by natural key, and updates, deletes and reorders are safe to repeat.
A resumed apply (``prior``) skips what was confirmed and settles what was in flight.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Protocol

from provisioner.apply_batches import batches
from provisioner.apply_report import ApplyReport, blocked_by, named_objects
from provisioner.errors import ApiError, OutcomeUnknown, ProvisionerError, StalePlanError, UserError
from provisioner.journal.settle import landed
from provisioner.kind import Doc, Kind
from provisioner.live import LiveObject, LiveState, read_live
from provisioner.plan.diff import order_fingerprint
from provisioner.plan.model import Change, Plan
from provisioner.provider import Adapter, Provider
from provisioner.references import KeyTable, keys_to_ids, rewrite

Observer = Callable[[str, Change, Any], None]
"""Called as ``observer(event, change, detail)`` with event "start", "done" (detail: new id or
None) or "failed" (detail: the reason). Also, between "start" and "done": "unclear" (detail:
the error) when a write got no clear answer and the account is being checked, and "found"
(detail: the id) when that check shows the change had landed. Ignore events you do not know."""


class ChangeLog(Protocol):
    """Where apply records each change before and after sending it (``journal.Journal``)."""

    def started(self, index: int, change: Change) -> None: ...

    def done(self, index: int, change: Change, new_id: Any) -> None: ...

    def failed(self, index: int, change: Change, error: str, unclear: bool) -> None: ...


@dataclass
class Prior:
    """What an interrupted apply of the same plan got through: ``done`` maps change index to
    the new id (None for non-creates); ``in_doubt`` are changes sent but never confirmed."""

    done: dict[int, Any] = field(default_factory=dict)
    in_doubt: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Persistence:
    """How hard apply tries one change whose writes get no clear answer: how many sends in all,
    and how long to let the account settle before looking whether the last one landed."""

    sends: int = 8
    settle_seconds: float = 0.25
    sleep: Callable[[float], None] = time.sleep


def payload(kind: Kind, doc: Doc, table: KeyTable, resolve_value: Callable[[Any], Any] | None = None) -> Doc:
    """The request body for a desired doc: natural keys to ids, then the kind's own shape."""
    # ${env:...} first: a key written with an escaped "$${" is looked up as the text it stands for.
    body = resolve_value(doc) if resolve_value is not None else doc
    body = rewrite(body, kind.references, keys_to_ids(table))
    return kind.to_payload(body) if kind.to_payload else body


def check_target(plan: Plan, provider: Provider, adapter: Adapter) -> None:
    """A plan applies only to the provider and account it was made for."""
    if plan.provider != provider.name:
        raise UserError(f"plan is for provider {plan.provider!r}, not {provider.name!r}")
    if plan.account != adapter.account:
        raise UserError(f"plan was made for account {plan.account}, not {adapter.account}; plan again for this account")


def check_fresh(plan: Plan, provider: Provider, adapter: Adapter, only: list[Change] | None = None,
                live: LiveState | None = None) -> None:
    """Raise ``StalePlanError`` naming the first object that moved since the plan was made.

    ``only`` limits the check to some changes (a resumed apply checks those not yet sent).
    ``live`` is a read the caller has just made under the account lock, covering at least the
    changed kinds (the history's before-state read); without it the changed kinds are read here."""
    check_target(plan, provider, adapter)
    changes = plan.changes if only is None else only
    if live is None:
        live = read_live(adapter, [provider.kind(name) for name in dict.fromkeys(c.kind for c in changes)])
    by_id: dict[str, dict[str, LiveObject]] = {}
    for change in changes:
        if change.kind not in by_id:
            by_id[change.kind] = {str(o.id): o for o in live.of(change.kind)}
        current = by_id[change.kind]
        if change.action == "create":
            if live.matching(change.kind, change.key):
                raise StalePlanError(f"plan is stale: {change.kind} {change.key!r} was created since the plan was made; plan again")
        elif change.action == "reorder":
            if order_fingerprint([o.id for o in live.of(change.kind)]) != change.fingerprint:
                raise StalePlanError(f"plan is stale: the order of {change.kind} changed since the plan was made; plan again")
        else:
            obj = current.get(str(change.id))
            if obj is None:
                raise StalePlanError(f"plan is stale: {change.kind} {change.key!r} (id {change.id}) no longer exists; plan again")
            if obj.fingerprint != change.fingerprint:
                raise StalePlanError(f"plan is stale: {change.kind} {change.key!r} (id {change.id}) changed since the plan was made; plan again")


def execute(change: Change, kind: Kind, adapter: Adapter, table: KeyTable,
            resolve_value: Callable[[Any], Any] | None = None) -> Any:
    """Perform one change; returns the new id for creates and replaces."""
    if change.action in {"delete", "replace"}:
        adapter.delete(kind, change.id)
        if change.action == "delete":
            return None
    if change.action in {"create", "replace"}:
        assert change.after is not None
        created = adapter.create(kind, payload(kind, change.after, table, resolve_value))
        new_id = created[kind.id_field]
        table.add(kind.name, change.key, new_id)
        return new_id
    if change.action == "update":
        assert change.after is not None and change.before is not None
        wanted = {**kind.defaults, **change.after}
        fields = {name: wanted[name] for name in change.fields}
        adapter.update(kind, change.id, payload(kind, fields, table, resolve_value), change.before)
        return None
    if change.action == "reorder":
        assert change.order is not None
        known = change.order_ids or [None] * len(change.order)  # ids of pinned duplicates
        ids = [obj_id if obj_id is not None else table.id_for(kind.name, key)
               for key, obj_id in zip(change.order, known)] + list(change.trailing_ids)
        adapter.reorder(kind, ids)
        return None
    raise ProvisionerError(f"unknown action {change.action}")


def still_to_check(plan: Plan, prior: Prior) -> list[Change] | None:
    """The changes a (resumed) apply checks for staleness: all of them on a first run; on a
    resume, those never sent, except reorders (the creates already made moved the order)."""
    if not prior.done and not prior.in_doubt:
        return None
    return [c for i, c in enumerate(plan.changes)
            if i not in prior.done and i not in prior.in_doubt and c.action != "reorder"]


def perform(change: Change, kind: Kind, adapter: Adapter, table: KeyTable, *, in_doubt: bool = False,
            resolve_value: Callable[[Any], Any] | None = None, persistence: Persistence = Persistence(),
            observer: Observer | None = None) -> Any:
    """Make one change happen exactly once; returns the new id for creates and replaces.

    ``in_doubt``: an earlier run sent it without hearing back, so look at the account first.
    A write without a clear answer is settled the same way before it is sent again.
    """
    if in_doubt:
        done, new_id = landed(change, kind, adapter, table)
        if done:
            if observer:
                observer("found", change, new_id)
            return new_id
    for send in range(1, persistence.sends + 1):
        try:
            return execute(change, kind, adapter, table, resolve_value)
        except OutcomeUnknown as exc:
            if exc.exhausted or send == persistence.sends:
                raise
            if observer:
                observer("unclear", change, str(exc))
            persistence.sleep(persistence.settle_seconds)
            done, new_id = landed(change, kind, adapter, table)
            if done:
                if observer:
                    observer("found", change, new_id)
                return new_id
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


NOT_STARTED = object()  # a change of a batch that was not begun because another failed


class _Writer:
    """Performs changes for ``apply_plan``, from its own thread or from a pool's.

    Journal and observer calls are serialised (one journal line at a time, progress lines
    whole); once a change fails, changes not yet begun are left alone (``NOT_STARTED``)."""

    def __init__(self, provider: Provider, adapter: Adapter, table: KeyTable, *, journal: ChangeLog | None,
                 observer: Observer | None, resolve_value: Callable[[Any], Any] | None,
                 persistence: Persistence, in_doubt: set[int]) -> None:
        self.provider, self.adapter, self.table = provider, adapter, table
        self.journal, self.observer = journal, observer
        self.resolve_value, self.persistence, self.in_doubt = resolve_value, persistence, in_doubt
        self.stopped = threading.Event()
        self._serial = threading.Lock()

    def notify(self, event: str, change: Change, detail: Any) -> None:
        if self.observer is not None:
            with self._serial:
                self.observer(event, change, detail)

    def write(self, index: int, change: Change) -> Any:
        """The new id (None for non-creates), the ``ProvisionerError`` it failed with, or
        ``NOT_STARTED``."""
        if self.stopped.is_set():
            return NOT_STARTED
        kind = self.provider.kind(change.kind)
        if self.journal:
            with self._serial:
                self.journal.started(index, change)
        self.notify("start", change, None)
        try:
            new_id = perform(change, kind, self.adapter, self.table, in_doubt=index in self.in_doubt,
                             resolve_value=self.resolve_value, persistence=self.persistence, observer=self.notify)
        except ProvisionerError as exc:
            self.stopped.set()
            if self.journal:
                with self._serial:
                    self.journal.failed(index, change, str(exc), isinstance(exc, OutcomeUnknown))
            self.notify("failed", change, str(exc))
            return exc
        if self.journal:
            with self._serial:
                self.journal.done(index, change, new_id)
        self.notify("done", change, new_id)
        return new_id

    def write_all(self, batch: list[tuple[int, Change]], pool: ThreadPoolExecutor | None) -> list[Any]:
        if pool is None or len(batch) == 1:
            return [self.write(index, change) for index, change in batch]
        try:
            return list(pool.map(lambda item: self.write(*item), batch))
        except BaseException:
            self.stopped.set()  # Ctrl-C: let the writes in flight finish, begin no more
            raise


def apply_plan(plan: Plan, provider: Provider, adapter: Adapter, *, observer: Observer | None = None,
               resolve_value: Callable[[Any], Any] | None = None, check: bool = True,
               journal: ChangeLog | None = None, prior: Prior | None = None,
               persistence: Persistence = Persistence(), parallelism: int = 1,
               live: LiveState | None = None) -> ApplyReport:
    """Apply ``plan``; ``parallelism`` > 1 sends up to that many independent changes at once
    (``provisioner.apply_batches`` says which may go together), 1 sends them one by one.
    ``live``: the account as the caller just read it, for the stale check (see ``check_fresh``)."""
    if not plan.applyable:
        raise UserError(f"plan has {len(plan.errors)} error(s) and cannot be applied: {plan.errors[0].summary}")
    if parallelism < 1:
        raise UserError(f"parallelism must be at least 1, not {parallelism}")
    prior = prior or Prior()
    if check:
        check_fresh(plan, provider, adapter, only=still_to_check(plan, prior), live=live)
    table = KeyTable.from_json(plan.id_map)
    report = ApplyReport()
    for index, new_id in sorted(prior.done.items()):
        change = plan.changes[index]
        if new_id is not None:
            table.add(change.kind, change.key, new_id)
            report.created_ids.setdefault(change.kind, {})[change.key] = new_id
        report.previously_applied.append(change)
    pending = [(index, change) for index, change in enumerate(plan.changes) if index not in prior.done]
    writer = _Writer(provider, adapter, table, journal=journal, observer=observer, resolve_value=resolve_value,
                     persistence=persistence, in_doubt=prior.in_doubt)
    if parallelism == 1:
        groups: Iterable[list[tuple[int, Change]]] = ([item] for item in pending)
    else:
        groups = batches(pending, provider.kind, adapter, lambda change: named_objects(change, provider))
    attempted: set[int] = set()
    with ThreadPoolExecutor(max_workers=parallelism) if parallelism > 1 else nullcontext() as pool:
        for batch in groups:
            failures: list[tuple[Change, ProvisionerError]] = []
            for (index, change), outcome in zip(batch, writer.write_all(batch, pool)):
                if outcome is NOT_STARTED:
                    continue
                attempted.add(index)
                if isinstance(outcome, ProvisionerError):
                    failures.append((change, outcome))
                    continue
                if outcome is not None:
                    report.created_ids.setdefault(change.kind, {})[change.key] = outcome
                report.applied.append(change)
            if failures:
                return _stopped(report, failures, [c for i, c in pending if i not in attempted], provider)
    return report


def _stopped(report: ApplyReport, failures: list[tuple[Change, ProvisionerError]], skipped: list[Change],
             provider: Provider) -> ApplyReport:
    """The report of an apply that a failure stopped: the first failure in plan order, any
    others of the same batch, and what was not attempted (and which of that needs a failure)."""
    (change, exc), *others = failures
    report.failed, report.error = change, str(exc)
    report.unclear = isinstance(exc, OutcomeUnknown)
    report.passing = report.unclear or (isinstance(exc, ApiError) and (exc.status in (0, 408, 429) or exc.status >= 500))
    report.also_failed = [(other, str(error)) for other, error in others]
    report.skipped = skipped
    blocked = {id(c): c for failed, _ in failures for c in blocked_by(failed, skipped, provider)}
    report.blocked = [c for c in skipped if id(c) in blocked]
    return report
