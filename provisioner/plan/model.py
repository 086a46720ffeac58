"""The plan: the reviewed list of changes that ``apply`` executes, and nothing else.

Saved as JSON (``--out FILE``, ``--json``). ``format_version`` is bumped on any incompatible
change; docs/plan-format.md documents every field. Apply never re-diffs: it executes
``changes`` in order, using ``id_map`` for references to objects that already exist and the ids
of objects it creates for the rest.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, Field

PLAN_FORMAT = 1

Action = Literal["create", "update", "delete", "replace", "reorder"]
SYMBOLS: dict[str, str] = {"create": "+", "update": "~", "delete": "-", "replace": "-/+", "reorder": "↕"}


class Change(BaseModel):
    """One step of a plan.

    + action: create | update | delete | replace (delete then create) | reorder.
    + kind / key / block: what it touches, by natural key; block 1-9 of the build.
    + id: the live id (``None`` for a create: "known after apply").
    + before: the live object in desired-state terms (natural keys), or None for a create.
    + after: the desired object as written in YAML, or None for a delete.
    + fields: top-level fields an update changes.
    + order / before_order: reorder only: natural keys in the new and the old order.
    + fingerprint: the live object (or order) as planned; apply refuses when it has moved.
    + note: what the change really does when the API differs ("archive instead of delete").
    """

    action: Action
    kind: str
    key: str
    block: int
    id: Any = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    fields: list[str] = Field(default_factory=list)
    order: list[str] | None = None
    # reorder only: the live id of each entry of ``order`` (None for objects this plan creates),
    # so objects pinned with ``match_id`` that share a natural key reorder correctly.
    order_ids: list[Any] | None = None
    before_order: list[str] | None = None
    trailing_ids: list[Any] = Field(default_factory=list)
    fingerprint: str | None = None
    note: str = ""

    @property
    def address(self) -> str:
        return f"{self.kind}[{self.key!r}]" if self.action != "reorder" else f"{self.kind} order"


class Diagnostic(BaseModel):
    """A finding of a validator or the planner; ``error`` makes a plan unappliable."""

    severity: Literal["error", "warning"]
    rule: str
    kind: str = ""
    key: str = ""
    summary: str
    detail: str = ""


class Unmanaged(BaseModel):
    kind: str
    key: str
    id: Any = None


class Plan(BaseModel):
    format_version: int = PLAN_FORMAT
    tool_version: str
    provider: str
    account: str
    desired_digest: str
    blocks: list[int] | None = None
    changes: list[Change] = Field(default_factory=list)
    unmanaged: list[Unmanaged] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    id_map: dict[str, dict[str, Any]] = Field(default_factory=dict)
    checksum: str = ""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def applyable(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        counts = {action: 0 for action in SYMBOLS}
        for change in self.changes:
            counts[change.action] += 1
        return counts

    def content_checksum(self) -> str:
        """Digest of everything but the checksum itself: a tampered or truncated file is refused."""
        body = self.model_dump(mode="json", exclude={"checksum"})
        return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()

    def sealed(self) -> "Plan":
        return self.model_copy(update={"checksum": self.content_checksum()})
