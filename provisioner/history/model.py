"""What the history keeps of one apply: its record and its snapshot (JSON, one file each).

The record is small and rewritten as each change finishes, so that an apply killed half way
still says what it did. The snapshot holds account data (object contents, ids), is written once
before the first change and completed once after the last, and is what rollback restores from.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

HISTORY_FORMAT = 1
ROLLBACK_DIGEST_PREFIX = "rollback:"
"""A rollback plan's ``desired_digest`` is ``rollback:<first apply id>..<last apply id>``: the
plan was made from the history, not from YAML, and the record of its apply says what it undid."""

ChangeStatus = Literal["done", "failed", "started", "not attempted"]
Outcome = Literal["in progress", "complete", "failed", "interrupted"]
TOUCHING = frozenset({"done", "failed", "started"})
"""Statuses of a change that may have written to the account (a failed replace may have deleted)."""


class ChangeOutcome(BaseModel):
    """One change of the applied plan and what became of it.

    + id: the live id before the change (``None`` for a create); new_id: the id it created.
    """

    action: str
    kind: str
    key: str
    id: Any = None
    new_id: Any = None
    status: ChangeStatus = "not attempted"
    error: str = ""


class ApplyRecord(BaseModel):
    """One apply: when, against what, from which plan, and what came of each change."""

    format_version: int = HISTORY_FORMAT
    id: str
    started_at: str
    finished_at: str | None = None
    provider: str
    account: str
    tool_version: str
    plan_checksum: str
    desired_digest: str
    outcome: Outcome = "in progress"
    error: str = ""
    changes: list[ChangeOutcome] = Field(default_factory=list)

    @property
    def undoes(self) -> str | None:
        """For the apply of a rollback plan: the range of applies it undid (``A..B``)."""
        if self.desired_digest.startswith(ROLLBACK_DIGEST_PREFIX):
            return self.desired_digest[len(ROLLBACK_DIGEST_PREFIX):]
        return None

    def counts(self, status: str = "done") -> dict[str, int]:
        """Changes per action with the given status (``done`` by default)."""
        counts: dict[str, int] = {}
        for change in self.changes:
            if change.status == status:
                counts[change.action] = counts.get(change.action, 0) + 1
        return counts

    def may_have_written(self, change: ChangeOutcome) -> bool:
        """Done, failed or cut short; for an apply that never finished (killed), any change: its
        record is saved now and then, the journal is the exact account of it."""
        return change.status in TOUCHING or self.outcome == "in progress"

    def touched(self) -> list[tuple[str, str]]:
        """(kind, key) of every object a change may have written, in plan order."""
        return list(dict.fromkeys((c.kind, c.key) for c in self.changes
                                  if self.may_have_written(c) and c.action != "reorder"))

    def touched_kinds(self) -> set[str]:
        return {c.kind for c in self.changes if self.may_have_written(c)}


class ObjectState(BaseModel):
    """One live object at one moment.

    + doc: in desired-state terms (server-owned fields dropped, ids rewritten to natural keys).
    + raw: the object as the API returned it, secret fields removed (before-states only: it is
      what tells rollback which server-kept data a re-created object loses).
    + fingerprint: as ``provisioner.live.fingerprint``; equal fingerprints mean "not changed".
    """

    kind: str
    key: str
    id: Any
    doc: dict[str, Any]
    fingerprint: str
    raw: dict[str, Any] | None = None


class StateCapture(BaseModel):
    """The watched objects and orders at one moment (before or after the apply).

    + objects: every watched object that existed then; a watched (kind, key) missing here did
      not exist.
    + orders: for ordered kinds the apply touches, every live object's key in live order.
    """

    taken_at: str
    objects: list[ObjectState] = Field(default_factory=list)
    orders: dict[str, list[str]] = Field(default_factory=dict)

    def find(self, kind: str, key: str) -> ObjectState | None:
        for obj in self.objects:
            if obj.kind == kind and obj.key == key:
                return obj
        return None


class Snapshot(BaseModel):
    """Prior (and resulting) state of everything one apply touches.

    + watched: (kind, key) of the objects the plan changes, plus objects that refer to an object
      the plan deletes (deleting a ticket field takes it off forms: the form changes too).
    + before: captured just before the first change; after: just after the last (``None`` when
      the apply was killed before it could be taken).
    """

    format_version: int = HISTORY_FORMAT
    apply_id: str
    provider: str
    account: str
    watched: list[tuple[str, str]] = Field(default_factory=list)
    before: StateCapture
    after: StateCapture | None = None
