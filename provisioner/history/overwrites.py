"""What changed after the applies being undone: what rollback would overwrite.

An object (or order) the applies left in one state and that now holds another was edited since,
by a person or another tool. Rolling back over it silently would throw that edit away, so
rollback refuses and lists each one with its field-level difference; ``--force`` goes ahead,
and the plan then carries a warning per object so the review shows it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from provisioner.history.capture import Resolve, restorable
from provisioner.history.selection import ObjectUndo, OrderUndo, Undo
from provisioner.live import LiveObject, LiveState, canonical_json
from provisioner.plan.model import Change, Diagnostic
from provisioner.render.plan_text import field_lines

ORDER_KEY = "(order)"
"""The key an order goes by in a plan (as reorder changes have it)."""


@dataclass
class Overwrite:
    kind: str
    key: str
    since: str
    summary: str
    lines: list[str] = field(default_factory=list)

    @property
    def address(self) -> str:
        return f"{self.kind} order" if self.key == ORDER_KEY else f"{self.kind} {self.key!r}"

    def as_warning(self) -> Diagnostic:
        return Diagnostic(severity="warning", rule="overwrites_later_change", kind=self.kind, key=self.key,
                          summary=f"{self.summary} (after apply {self.since}); overwritten by --force",
                          detail="; ".join(self.lines))


def seen_as(obj: LiveObject, recorded: dict | None, resolve: Resolve | None) -> LiveObject:
    """The live object in the terms the history recorded ``recorded`` in (env references kept,
    secrets masked), so that the two compare like with like."""
    return replace(obj, doc=restorable(recorded, obj.doc, resolve))


def differing_fields(old: dict, new: dict) -> list[str]:
    """Top-level fields whose values differ, compared exactly (unlike the YAML diff's subset rule)."""
    names = list(dict.fromkeys([*old, *new]))
    return [n for n in names if canonical_json(old.get(n)) != canonical_json(new.get(n))]


def object_overwrite(entry: ObjectUndo, current: LiveObject | None) -> Overwrite | None:
    if not entry.expected_known:
        return None
    expected, target = entry.expected, entry.target
    if current is None:
        if expected is None or target is None:  # gone as the applies left it, or nothing to restore
            return None
        return Overwrite(entry.kind, entry.key, entry.expected_from, "deleted since; rollback re-creates it")
    if target is not None and not differing_fields(target.doc, current.doc):
        return None  # already as rollback would leave it: nothing is lost
    if expected is None:
        return Overwrite(entry.kind, entry.key, entry.expected_from, f"created since (id {current.id}); rollback overwrites it",
                         [f"{name}: {canonical_json(current.doc.get(name))}" for name in sorted(current.doc)][:8])
    fields = differing_fields(expected.doc, current.doc)
    if not fields and str(expected.id) == str(current.id):
        return None
    lines = field_lines(Change(action="update", kind=entry.kind, key=entry.key, block=0,
                               before=expected.doc, after=current.doc, fields=fields))
    if str(expected.id) != str(current.id):
        lines.insert(0, f"id: {expected.id} → {current.id} (deleted and created again)")
    return Overwrite(entry.kind, entry.key, entry.expected_from, "changed since", lines)


def order_overwrite(entry: OrderUndo, live: LiveState) -> Overwrite | None:
    """Compare the relative order of the objects both orders share: additions and removals are
    the objects' own business, a move is an edit of the order."""
    if entry.expected is None:
        return None
    current = [o.key for o in live.of(entry.kind)]
    shared = set(current) & set(entry.expected)
    now = [k for k in current if k in shared]
    then = [k for k in entry.expected if k in shared]
    if now == then:
        return None
    return Overwrite(entry.kind, ORDER_KEY, entry.expected_from, "order changed since",
                     [f"was: {' › '.join(then)}", f"now: {' › '.join(now)}"])


def find_overwrites(undo: Undo, live: LiveState, resolve: Resolve | None = None) -> list[Overwrite]:
    found: list[Overwrite] = []
    for (kind, key), entry in undo.objects.items():
        matches = live.matching(kind, key)
        current = seen_as(matches[0], entry.expected.doc if entry.expected else None, resolve) if matches else None
        overwrite = object_overwrite(entry, current)
        if overwrite:
            found.append(overwrite)
    for entry in undo.orders.values():
        overwrite = order_overwrite(entry, live)
        if overwrite:
            found.append(overwrite)
    return found
