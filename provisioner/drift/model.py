"""The drift report: a versioned JSON document (``schema_version``; docs/drift.md is its reference).

Bump ``DRIFT_SCHEMA_VERSION`` on any incompatible change (a field removed, renamed or changing
meaning); adding a field is compatible. Values compare the YAML (``desired``) with the account
(``live``): "before → after" reads as "what was reviewed → what someone made it".
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from provisioner.plan.model import Diagnostic

DRIFT_SCHEMA_VERSION = 1

DriftType = Literal["modified", "missing", "unmanaged", "order_changed", "duplicate"]
DRIFT_TYPES: tuple[str, ...] = ("modified", "missing", "unmanaged", "order_changed", "duplicate")
ObjectState = Literal["in_sync", "modified", "missing", "duplicate"]


class FieldDrift(BaseModel):
    """One difference inside an object.

    + path: dotted path with list indexes (``actions[0].value``).
    + change: ``changed`` (both sides have a value), ``removed`` (the YAML has it, the account
      does not), ``added`` (the account has an item the YAML does not).
    """

    path: str
    change: Literal["changed", "added", "removed"]
    desired: Any = None
    live: Any = None


class DriftItem(BaseModel):
    """One drifted object (or one kind's order).

    + type: modified | missing | unmanaged | order_changed | duplicate.
    + id / ids: the live id (several for a duplicate); None for a missing object.
    + active: the live object's ``active`` flag (None when the kind has none): inactive objects
      are reported like any other, never hidden.
    + source: ``file:line`` of the declaration in the YAML (None for unmanaged objects and order).
    + fields: for ``modified``: every differing field.
    + desired_order / live_order: for ``order_changed``: the managed objects' natural keys.
    + note: what else to know (``prune`` is on for this kind, the API cannot update it, …).
    """

    type: DriftType
    kind: str
    key: str
    id: Any = None
    ids: list[Any] = Field(default_factory=list)
    active: bool | None = None
    source: str | None = None
    fields: list[FieldDrift] = Field(default_factory=list)
    desired_order: list[str] | None = None
    live_order: list[str] | None = None
    note: str = ""


class ManagedObject(BaseModel):
    """Every object the YAML declares, drifted or not (JUnit writes one test case for each)."""

    kind: str
    key: str
    state: ObjectState
    source: str | None = None


class IgnoreInEffect(BaseModel):
    """An ignore rule of the YAML and what it covered in this account, so nothing hides silently.

    + key: None for a kind-wide rule (``ignore: [description]``), else the rule's key or pattern.
    + fields: the fields never compared; empty when the whole live object is left alone.
    + matched: natural keys of the live objects the rule applies to (empty: the rule is stale).
    """

    kind: str
    key: str | None = None
    fields: list[str] = Field(default_factory=list)
    matched: list[str] = Field(default_factory=list)
    source: str | None = None


class DriftReport(BaseModel):
    schema_version: int = DRIFT_SCHEMA_VERSION
    tool_version: str
    provider: str
    account: str
    environment: str | None = None
    generated_at: str
    desired_digest: str
    desired_sources: list[str] = Field(default_factory=list)
    has_drift: bool
    counts: dict[str, int] = Field(default_factory=dict)
    drift: list[DriftItem] = Field(default_factory=list)
    managed: list[ManagedObject] = Field(default_factory=list)
    order_checked: list[str] = Field(default_factory=list)
    ignored: list[IgnoreInEffect] = Field(default_factory=list)
    notes: list[Diagnostic] = Field(default_factory=list)

    def items(self, drift_type: str) -> list[DriftItem]:
        return [item for item in self.drift if item.type == drift_type]

    def for_object(self, kind: str, key: str) -> list[DriftItem]:
        return [item for item in self.drift if item.kind == kind and item.key == key and item.type != "order_changed"]

    @property
    def drifted_objects(self) -> int:
        return len({(i.kind, i.key) for i in self.drift if i.type != "order_changed"})
