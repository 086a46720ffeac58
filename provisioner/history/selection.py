"""Which applies a rollback undoes, and what state it returns each object and order to.

``rollback APPLY_ID`` undoes that apply and every later one on the same account, newest
included: the account goes back to how it was just before APPLY_ID. For each object any of
them may have written (a change done, failed or cut short; never one not attempted):

+ target: its state before the *earliest* of those applies touched it (absent = did not exist);
+ expected: its state after the *latest* of them touched it: what the account should still hold
  now, unless someone changed it since.

Orders work the same way, per ordered kind. A rollback's own apply is recorded like any other,
so undoing a rollback (redo) and undoing past one both fall out of the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provisioner.errors import UserError
from provisioner.history.model import ApplyRecord, ObjectState, Snapshot
from provisioner.history.store import HistoryStore

Address = tuple[str, str]


@dataclass
class ObjectUndo:
    kind: str
    key: str
    target: ObjectState | None
    target_from: str
    expected: ObjectState | None = None
    expected_known: bool = True
    expected_from: str = ""


@dataclass
class OrderUndo:
    kind: str
    target: list[str]
    expected: list[str] | None = None
    expected_from: str = ""


@dataclass
class Undo:
    """Everything a reverse plan is built from."""

    provider: str
    account: str
    records: list[ApplyRecord]
    objects: dict[Address, ObjectUndo] = field(default_factory=dict)
    orders: dict[str, OrderUndo] = field(default_factory=dict)
    unrecorded_after: list[str] = field(default_factory=list)

    @property
    def span(self) -> str:
        return f"{self.records[0].id}..{self.records[-1].id}"


def applies_to_undo(store: HistoryStore, apply_id: str | None) -> list[ApplyRecord]:
    """The named apply (newest when ``None``) and every later one on its provider and account."""
    records = store.records()
    if not records:
        raise UserError(f"no applies are recorded in {store.root}; there is nothing to roll back")
    first = store.find(apply_id) if apply_id else records[-1]
    same_account = [r for r in records if (r.provider, r.account) == (first.provider, first.account)]
    return same_account[same_account.index(first):]


def changed_by(record: ApplyRecord, snapshot: Snapshot) -> list[Address]:
    """Objects the apply may have written: its touched changes, and, when it deleted something,
    the watched objects that referred to what it deleted (vendors change those as a side effect)."""
    touched = record.touched()
    planned = {(c.kind, c.key) for c in record.changes}
    deleted_something = any(c.action in {"delete", "replace"} and record.may_have_written(c) for c in record.changes)
    referrers = [(kind, key) for kind, key in snapshot.watched if (kind, key) not in planned] if deleted_something else []
    return touched + referrers


def plan_undo(store: HistoryStore, apply_id: str | None) -> Undo:
    records = applies_to_undo(store, apply_id)
    undo = Undo(provider=records[0].provider, account=records[0].account, records=records)
    for record in records:
        snapshot = store.snapshot(record.id)
        if snapshot is None:
            if record.touched():
                raise UserError(f"apply {record.id} has no snapshot in {store.root}; it cannot be rolled back")
            continue
        if snapshot.after is None:
            undo.unrecorded_after.append(record.id)
        for kind, key in changed_by(record, snapshot):
            entry = undo.objects.get((kind, key))
            if entry is None:
                entry = undo.objects[(kind, key)] = ObjectUndo(kind, key, snapshot.before.find(kind, key), record.id)
            entry.expected_from = record.id
            entry.expected_known = snapshot.after is not None
            entry.expected = snapshot.after.find(kind, key) if snapshot.after else None
        for kind in sorted(record.touched_kinds() & set(snapshot.before.orders)):
            order = undo.orders.get(kind)
            if order is None:
                order = undo.orders[kind] = OrderUndo(kind, snapshot.before.orders[kind])
            order.expected_from = record.id
            order.expected = snapshot.after.orders.get(kind) if snapshot.after else None
    return undo
