"""Build the reverse plan of one or more applies: an ordinary ``Plan``, reviewed, saved and
applied (stale check included) exactly like one made from YAML.

For every object the applies may have written, the target is its state before them
(``selection``), compared with the account now:

+ existed, exists: update the fields that differ back to their earlier values (fields the
  applies added are cleared); an immutable field that differs means delete and create again;
+ existed, gone: create it again from its snapshot (a new id); references to it are natural
  keys in every restored document, so apply points them at the new id as it goes;
+ did not exist, exists: delete it (or the kind's ``delete_means``: archive, deactivate);
+ orders the applies changed go back to the earlier order, with re-created objects in their
  old places.

Changes are sorted as any plan's (creates and updates by block, reorders after their kind,
deletes last in reverse), checked for references that cannot resolve, and every loss is named.
"""

from __future__ import annotations

from dataclasses import dataclass

from provisioner import __version__
from provisioner.history.capture import Resolve, with_reference_targets
from provisioner.history.model import ROLLBACK_DIGEST_PREFIX
from provisioner.history.notes import (as_diagnostics, masked_fields, masked_notes, recreate_notes, secret_notes,
                                       undo_create_note)
from provisioner.history.overwrites import ORDER_KEY, Overwrite, differing_fields, find_overwrites, seen_as
from provisioner.history.selection import ObjectUndo, OrderUndo, Undo
from provisioner.kind import Kind
from provisioner.live import LiveObject, LiveState, read_live
from provisioner.plan.build import plan_order  # the one ordering every plan uses
from provisioner.plan.build import missing_references
from provisioner.plan.dependencies import referenced_first, referrers_deleted_first
from provisioner.plan.diff import order_fingerprint
from provisioner.plan.model import Change, Diagnostic, Plan
from provisioner.provider import Adapter, Provider


@dataclass
class Rollback:
    plan: Plan
    overwrites: list[Overwrite]
    undo: Undo


def read_current(undo: Undo, provider: Provider, adapter: Adapter) -> LiveState:
    names = {kind for kind, _ in undo.objects} | set(undo.orders)
    return read_live(adapter, with_reference_targets(provider, [k for k in provider.kinds if k.name in names]))


def restore_object(kind: Kind, entry: ObjectUndo, current: LiveObject | None) -> tuple[Change | None, list[Diagnostic]]:
    target = entry.target
    if target is None and current is None:
        return None, []
    if target is None:
        assert current is not None
        change = Change(action="delete", kind=kind.name, key=entry.key, block=kind.block, id=current.id,
                        before=current.doc, fingerprint=current.fingerprint, note=kind.capabilities.delete_means or "")
        if not kind.capabilities.delete:
            return None, [Diagnostic(severity="error", rule="cannot_delete", kind=kind.name, key=entry.key,
                                     summary=f"apply {entry.target_from} created it and the API cannot delete {kind.name}",
                                     detail=kind.capabilities.why_not.get("delete", ""))]
        note = undo_create_note(kind)
        return change, as_diagnostics(kind.name, entry.key, [note] if note else [])
    if current is None:
        if not kind.capabilities.create:
            return None, [Diagnostic(severity="error", rule="cannot_create", kind=kind.name, key=entry.key,
                                     summary=f"it was deleted and the API cannot create {kind.name} again",
                                     detail=kind.capabilities.why_not.get("create", ""))]
        masked = masked_fields(target.doc)
        notes = recreate_notes(kind, target) + masked_notes(masked)
        change = Change(action="create", kind=kind.name, key=entry.key, block=kind.block,
                        after={k: v for k, v in target.doc.items() if k not in masked}, note="; ".join(notes))
        return change, as_diagnostics(kind.name, entry.key, notes)
    secret_roots = {s.split(".")[0] for s in kind.secret_fields}
    differing = [f for f in differing_fields(target.doc, current.doc) if f not in secret_roots]
    masked = [f for f in masked_fields(target.doc) if f in differing]
    fields = [f for f in differing if f not in masked]
    if not fields:
        return None, as_diagnostics(kind.name, entry.key, masked_notes(masked))
    after = {**target.doc, **{name: None for name in current.doc if name not in target.doc}}
    common = dict(kind=kind.name, key=entry.key, block=kind.block, id=current.id, before=current.doc, after=after,
                  fields=fields, fingerprint=current.fingerprint)
    frozen = [f for f in fields if f in kind.immutable]
    if frozen:
        notes = [f"{', '.join(frozen)} cannot change in place; the object is deleted and created again"]
        notes += recreate_notes(kind, target)[1:] + masked_notes(masked)
        return Change(action="replace", note=notes[0], **common), as_diagnostics(kind.name, entry.key, notes)
    if not kind.capabilities.update:
        return None, [Diagnostic(severity="error", rule="cannot_update", kind=kind.name, key=entry.key,
                                 summary=f"{', '.join(fields)} differ and the API cannot update {kind.name}",
                                 detail=kind.capabilities.why_not.get("update", ""))]
    notes = secret_notes(kind, fields) + masked_notes(masked)
    return Change(action="update", note="; ".join(notes), **common), as_diagnostics(kind.name, entry.key, notes)


def restore_order(kind: Kind, entry: OrderUndo, live: LiveState, changes: list[Change]) -> tuple[Change | None, list[Diagnostic]]:
    """A reorder when the order after the other changes would differ from the earlier one.

    Created objects land at the end of a list; every live object is listed (some APIs demand
    it), those the rollback deletes last, since deletes run after reorders."""
    current = live.of(kind.name)
    deleted = {c.key for c in changes if c.kind == kind.name and c.action == "delete"}
    created = [c.key for c in changes if c.kind == kind.name and c.action in {"create", "replace"}]
    expected = [o.key for o in current if o.key not in deleted and o.key not in created] + created
    final = set(expected)
    wanted = [k for k in entry.target if k in final]
    wanted += [k for k in expected if k not in set(wanted)]
    if wanted == expected:
        return None, []
    if not kind.capabilities.reorder:
        return None, as_diagnostics(kind.name, ORDER_KEY, [f"the earlier order cannot be restored: the API cannot reorder {kind.name}"])
    order = [k for k in entry.target if k in final]
    trailing = [o.id for o in current if o.key not in set(order)]
    return Change(action="reorder", kind=kind.name, key=ORDER_KEY, block=kind.block, order=order,
                  before_order=[o.key for o in current if o.key in set(order)], trailing_ids=trailing,
                  fingerprint=order_fingerprint([o.id for o in current])), []


def reverse_changes(undo: Undo, provider: Provider, live: LiveState,
                    resolve: Resolve | None = None) -> tuple[list[Change], list[Diagnostic]]:
    changes: list[Change] = []
    diagnostics: list[Diagnostic] = []
    for (kind_name, key), entry in reversed(undo.objects.items()):  # undo: last touched, first restored
        matches = live.matching(kind_name, key)
        current = seen_as(matches[0], entry.target.doc if entry.target else None, resolve) if matches else None
        change, found = restore_object(provider.kind(kind_name), entry, current)
        diagnostics += found
        if change:
            changes.append(change)
    for kind_name, entry in undo.orders.items():
        change, found = restore_order(provider.kind(kind_name), entry, live, changes)
        diagnostics += found
        if change:
            changes.append(change)
    changes.sort(key=lambda c: (*plan_order(provider, c), _earlier_place(undo, c)))
    # Creates before what names them, deletes after what names them (trigger → webhook).
    changes = referrers_deleted_first(provider, referenced_first(provider, changes))
    place = {(c.kind, c.key): index for index, c in enumerate(changes)}
    diagnostics.sort(key=lambda d: place.get((d.kind, d.key), len(changes)))  # read along with the changes
    return changes, diagnostics


def _earlier_place(undo: Undo, change: Change) -> int:
    """Re-create objects of an ordered kind in their earlier order, so fewer need moving after."""
    order = undo.orders.get(change.kind)
    if change.action != "create" or order is None or change.key not in order.target:
        return -1
    return order.target.index(change.key)


def build_rollback(undo: Undo, provider: Provider, adapter: Adapter, resolve: Resolve | None = None) -> Rollback:
    """Read the account and build the reverse plan of ``undo`` (see the module docstring);
    ``resolve`` resolves ``${env:...}`` references the history kept, to compare them."""
    live = read_current(undo, provider, adapter)
    overwrites = find_overwrites(undo, live, resolve)
    changes, diagnostics = reverse_changes(undo, provider, live, resolve)
    diagnostics += missing_references(provider, changes, live)
    for record_id in undo.unrecorded_after:
        diagnostics.append(Diagnostic(
            severity="warning", rule="after_state_unknown",
            summary=f"apply {record_id} stopped before its result was recorded: edits made after it cannot be detected",
            detail="review the changes below; they return every object it touched to its earlier state"))
    plan = Plan(tool_version=__version__, provider=provider.name, account=live.account,
                desired_digest=f"{ROLLBACK_DIGEST_PREFIX}{undo.span}", changes=changes,
                diagnostics=diagnostics, id_map=live.table.to_json())
    return Rollback(plan=plan.sealed(), overwrites=overwrites, undo=undo)


def with_forced_overwrites(rollback: Rollback) -> Plan:
    """The plan with one warning per overwritten edit, so the saved plan shows what --force did."""
    warnings = [o.as_warning() for o in rollback.overwrites]
    plan = rollback.plan.model_copy(update={"diagnostics": warnings + list(rollback.plan.diagnostics)})
    return plan.sealed()
