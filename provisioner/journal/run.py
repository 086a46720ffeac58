"""A fresh apply and ``apply --resume``: each under the account lock, each journaled.

Fresh apply: take the lock, read the account once (for the stale check and, when the apply is
recorded, the history's before-state: ``BeforeState``), refuse a stale plan, then mark earlier
unfinished journals of the account as superseded (this plan was made against the account as
they left it, so a fresh plan and apply converges) and apply with a new journal. Re-running the very plan an interrupted
apply was executing is refused with a pointer to ``--resume``, since the plan is stale by then.

Resume: take the lock, load the interrupted apply's plan copy, skip the changes its journal
confirms, settle the ones that were in flight (``settle``), check the rest for staleness (against
the same one read) and carry on in the same journal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Protocol

from provisioner import secrets
from provisioner.apply import Observer, Persistence, apply_plan, check_fresh, check_target
from provisioner.apply_report import ApplyReport
from provisioner.errors import ProvisionerError, UserError
from provisioner.journal.journal import Journal, unfinished
from provisioner.journal.lock import AccountLock, current_command
from provisioner.kind import Doc, Kind
from provisioner.live import LiveState, build_live, read_raw
from provisioner.plan.model import Plan
from provisioner.provider import Adapter, Provider

Notify = Callable[[str], None]
Resolve = Callable[[Any], Any]  # ${env:NAME} -> value, at apply time (provisioner.interpolation)


def _ignore(message: str) -> None:
    return None


class BeforeState(Protocol):
    """Needs the account as it is before the first write (the rollback history's before-state,
    ``history.recorder``); ``kinds`` are the kinds it needs read."""

    kinds: list[Kind]

    def take_before(self, live: LiveState, raw: dict[str, list[Doc]]) -> None: ...


def _read_before(plan: Plan, provider: Provider, adapter: Adapter, before: BeforeState | None) -> LiveState | None:
    """Under the lock, one read serves ``before`` and the stale check: it covers ``before.kinds``
    and the plan's kinds (reading them twice cost a read of every changed kind per apply).
    Without ``before``, nothing is read here and the stale check reads for itself."""
    if before is None:
        return None
    check_target(plan, provider, adapter)
    changed = [provider.kind(name) for name in dict.fromkeys(c.kind for c in plan.changes)]
    kinds = list({kind.name: kind for kind in [*before.kinds, *changed]}.values())
    raw = read_raw(adapter, kinds)
    live = build_live(adapter.account, kinds, raw)
    before.take_before(live, raw)
    return live


def apply_journaled(plan: Plan, provider: Provider, adapter: Adapter, workdir: Path, *,
                    observer: Observer | None = None, notify: Notify = _ignore,
                    persistence: Persistence = Persistence(), resolve_value: Resolve | None = None,
                    parallelism: int = 1, before: BeforeState | None = None) -> ApplyReport:
    """Apply ``plan`` under the account lock with a new journal (``resolve_value``: ``${env:...}``;
    ``parallelism``: how many independent changes may be sent at once; ``before``: shown the
    account before anything is written)."""
    with AccountLock(workdir, provider.name, adapter.account, secrets.redact(current_command())) as lock:
        if lock.note:
            notify(lock.note)
        earlier = unfinished(workdir, plan.provider, plan.account)
        for journal in earlier:
            if journal.summary().changes and journal.plan_path.exists() and _same_plan(journal, plan):
                raise UserError("this plan was being applied when that apply was interrupted; "
                                "finish it with 'provisioner apply --resume' (or plan again)")
        check_fresh(plan, provider, adapter, live=_read_before(plan, provider, adapter, before))
        journal = Journal.create(workdir, plan)
        for old in earlier:
            old.end("superseded", by=journal.folder.name)
            notify(f"an earlier interrupted apply ({old.folder.name}) is superseded by this one")
        return _run(journal, plan, provider, adapter, observer, persistence, resume=False, resolve_value=resolve_value,
                    parallelism=parallelism)


def resume_journaled(journal: Journal, provider: Provider, adapter: Adapter, workdir: Path, *,
                     observer: Observer | None = None, notify: Notify = _ignore,
                     persistence: Persistence = Persistence(), resolve_value: Resolve | None = None,
                     parallelism: int = 1, before: BeforeState | None = None) -> ApplyReport:
    """Finish the apply ``journal`` recorded, under the account lock."""
    plan = journal.plan()
    if plan.account != adapter.account:
        raise UserError(f"the interrupted apply was against {plan.account}, but the connection is to "
                        f"{adapter.account}; point the tool at {plan.account} to resume it")
    with AccountLock(workdir, provider.name, adapter.account, secrets.redact(current_command())) as lock:
        if lock.note:
            notify(lock.note)
        summary = journal.summary()
        if summary.finished:
            raise UserError(f"the apply in {journal.folder} is already {summary.status}; nothing to resume")
        journal.record("resume", done=len(summary.prior.done), in_doubt=sorted(summary.prior.in_doubt))
        return _run(journal, plan, provider, adapter, observer, persistence, resume=True, prior=summary.prior,
                    resolve_value=resolve_value, parallelism=parallelism,
                    live=_read_before(plan, provider, adapter, before))


def _run(journal: Journal, plan: Plan, provider: Provider, adapter: Adapter, observer: Observer | None,
         persistence: Persistence, *, resume: bool, prior=None,  # type: ignore[no-untyped-def]
         resolve_value: Resolve | None = None, parallelism: int = 1, live: LiveState | None = None) -> ApplyReport:
    try:
        report = apply_plan(plan, provider, adapter, observer=observer, journal=journal, prior=prior,
                            check=resume, persistence=persistence, resolve_value=resolve_value,
                            parallelism=parallelism, live=live)
    except ProvisionerError as exc:
        journal.end("refused" if not resume else "stopped", error=str(exc))
        raise
    journal.end("complete" if report.ok else "stopped", applied=len(report.applied),
                skipped=len(report.skipped))
    return report


def _same_plan(journal: Journal, plan: Plan) -> bool:
    try:
        return journal.plan().checksum == plan.checksum
    except ProvisionerError:
        return False


def find_resumable(workdir: Path, plan: Plan | None = None) -> Journal:
    """The one interrupted apply to resume: of ``plan`` when given, else the only one there is."""
    candidates = unfinished(workdir)
    if plan is not None:
        candidates = [j for j in candidates if _same_plan(j, plan)]
        if not candidates:
            raise UserError("no interrupted apply of this plan to resume; apply it without --resume")
        return candidates[-1]
    if not candidates:
        raise UserError("no interrupted apply to resume in this folder (see .provisioner/journal/)")
    accounts = {j.folder.parent.name for j in candidates}
    if len(accounts) > 1:
        raise UserError("interrupted applies against several accounts (" + ", ".join(sorted(accounts))
                        + "); name the one to resume: 'provisioner apply PLANFILE --resume' with its plan "
                          "(a copy is in its journal folder)")
    return candidates[-1]
