"""What an apply did, and what it could not do and why.

When a change fails for good, apply stops. The report then names what was applied, the change
that failed and the reason, and what was skipped; among the skipped changes, those that need
the failed one (they name the object it creates, or order a list it changes) are marked, so a
user sees which parts of the plan are blocked by the failure and which merely were not reached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from provisioner.plan.dependencies import names_in
from provisioner.plan.model import Change
from provisioner.provider import Provider


@dataclass
class ApplyReport:
    """+ applied: changes this run made. + previously_applied: changes an interrupted run had
    made already (``apply --resume``). + failed / error: the change that stopped the run, and
    why. + also_failed: other changes sent alongside it that failed too (with their reasons; a
    parallel apply only). + unclear: True when it may have landed anyway (no clear answer came).
    + passing: True when the failure looks temporary (no answer, 429, 5xx: the service was
      down or overloaded past the retry budget), so resuming later should work.
    + skipped: changes not attempted after the failure; + blocked: those of them that need the
    failed change. + created_ids: kind -> natural key -> new id."""

    applied: list[Change] = field(default_factory=list)
    previously_applied: list[Change] = field(default_factory=list)
    failed: Change | None = None
    error: str = ""
    also_failed: list[tuple[Change, str]] = field(default_factory=list)
    unclear: bool = False
    passing: bool = False
    skipped: list[Change] = field(default_factory=list)
    blocked: list[Change] = field(default_factory=list)
    created_ids: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.failed is None


def named_objects(change: Change, provider: Provider) -> set[tuple[str, str]]:
    """(kind, key) of every object ``change`` refers to, or orders."""
    found = set(names_in(change.after, provider.kind(change.kind)))
    if change.action == "reorder":
        found |= {(change.kind, key) for key in change.order or ()}
    return found


def blocked_by(failed: Change, later: list[Change], provider: Provider) -> list[Change]:
    """The changes in ``later`` that need ``failed``, directly or through another blocked one.

    A change needs another when it names an object that change creates, replaces or deletes,
    or when it orders a list that change adds to or removes from.
    """
    missing = {(failed.kind, failed.key)} if failed.action != "reorder" else set()
    blocked: list[Change] = []
    for change in later:
        reorders_it = change.action == "reorder" and any(kind == change.kind for kind, _ in missing)
        if reorders_it or named_objects(change, provider) & missing:
            blocked.append(change)
            if change.action != "reorder":
                missing.add((change.kind, change.key))
    return blocked
