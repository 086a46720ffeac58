"""Turn a plan into a drift report: every change and finding, read as "the account moved".

Drift is the plan read backwards, so it is computed by the plan machinery itself
(``DRIFT_REQUEST`` asks it for every difference, immutable ones included) and classified here:

  create            → missing        (declared, not in the account)
  update / replace  → modified       (field by field)
  reorder           → order_changed  (when the objects present are out of order, not merely
                                       because a missing one would be recreated at the end)
  delete            → unmanaged      (only with ``prune: true``: apply would delete it)
  plan.unmanaged    → unmanaged      (live, not declared, not ignored)
  ambiguous_match   → duplicate      (several live objects share a declared key)
  cannot_create / cannot_update      → missing / modified, with the API's reason as a note
Other plan diagnostics are kept as notes; they never change the exit code.
"""

from __future__ import annotations

from datetime import datetime, timezone

from provisioner import __version__
from provisioner.desired.state import DesiredState, KindOptions
from provisioner.drift.fields import field_drifts
from provisioner.drift.model import DRIFT_TYPES, DriftItem, DriftReport, IgnoreInEffect, ManagedObject
from provisioner.live import LiveObject, LiveState
from provisioner.plan.build import PlanRequest
from provisioner.plan.diff import DiffOptions, changed_fields
from provisioner.plan.model import Change, Diagnostic, Plan
from provisioner.provider import Provider

DRIFT_REQUEST = PlanRequest(allow_replace=frozenset({"all"}))
"""Immutable-field differences are drift like any other: ask for them as replace changes."""

FOLDED_DIAGNOSTICS = {"ambiguous_match", "cannot_create", "cannot_update", "immutable_field"}


def _active(obj: LiveObject | None) -> bool | None:
    value = obj.doc.get("active") if obj is not None else None
    return value if isinstance(value, bool) else None


class _Builder:
    """Collects drift items from one plan, looking declarations and live objects up by key."""

    def __init__(self, plan: Plan, state: DesiredState, provider: Provider, live: LiveState) -> None:
        self.plan, self.state, self.provider, self.live = plan, state, provider, live
        self.items: list[DriftItem] = []

    def source(self, kind: str, key: str) -> str | None:
        obj = self.state.find(kind, key)
        return str(obj.location) if obj is not None else None

    def live_one(self, kind: str, key: str, obj_id: object = None) -> LiveObject | None:
        found = self.live.matching(kind, key)
        if obj_id is not None:
            found = [o for o in found if str(o.id) == str(obj_id)] or found
        return found[0] if found else None

    def from_change(self, change: Change) -> None:
        kind = self.provider.kind(change.kind)
        if change.action == "create":
            self.items.append(DriftItem(type="missing", kind=change.kind, key=change.key,
                                        source=self.source(change.kind, change.key)))
        elif change.action in {"update", "replace"}:
            live = self.live_one(change.kind, change.key, change.id)
            self.items.append(DriftItem(
                type="modified", kind=change.kind, key=change.key, id=change.id, active=_active(live),
                source=self.source(change.kind, change.key),
                fields=field_drifts(kind, change.after or {}, change.before or {}, change.fields),
                note="an immutable field differs: only recreating the object can restore it" if change.action == "replace" else ""))
        elif change.action == "reorder":
            present = set(change.before_order or [])
            if [k for k in change.order or [] if k in present] == list(change.before_order or []):
                return  # only a missing object is out of place: it is reported as missing, not as order
            self.items.append(DriftItem(type="order_changed", kind=change.kind, key="(order)",
                                        desired_order=change.order, live_order=change.before_order))
        elif change.action == "delete":
            live = self.live_one(change.kind, change.key, change.id)
            self.items.append(DriftItem(type="unmanaged", kind=change.kind, key=change.key, id=change.id,
                                        active=_active(live), note="prune is on for this kind: apply would delete it"))

    def from_diagnostic(self, diag: Diagnostic) -> bool:
        """Fold a plan finding that is really drift into an item; False when it is only a note."""
        if diag.rule == "ambiguous_match":
            found = self.live.matching(diag.kind, diag.key)
            self.items.append(DriftItem(type="duplicate", kind=diag.kind, key=diag.key, ids=[o.id for o in found],
                                        source=self.source(diag.kind, diag.key), note=diag.summary))
            return True
        if diag.rule == "cannot_create":
            self.items.append(DriftItem(type="missing", kind=diag.kind, key=diag.key,
                                        source=self.source(diag.kind, diag.key), note=diag.detail or diag.summary))
            return True
        if diag.rule in {"cannot_update", "immutable_field"}:
            kind = self.provider.kind(diag.kind)
            want, live = self.state.find(diag.kind, diag.key), self.live_one(diag.kind, diag.key)
            if want is None or live is None:
                return False
            opts = self.state.options.get(diag.kind)
            fields = changed_fields(kind, want.doc, live.doc, _ignored(opts, diag.key))
            self.items.append(DriftItem(type="modified", kind=diag.kind, key=diag.key, id=live.id, active=_active(live),
                                        source=str(want.location), fields=field_drifts(kind, want.doc, live.doc, fields),
                                        note=diag.detail or diag.summary))
            return True
        return False

    def unmanaged(self) -> None:
        for item in self.plan.unmanaged:
            live = self.live_one(item.kind, item.key, item.id)
            self.items.append(DriftItem(type="unmanaged", kind=item.kind, key=item.key, id=item.id, active=_active(live)))


def _ignored(opts: KindOptions | None, key: str) -> frozenset[str]:
    """The fields the plan did not compare on this object (the same rule as ``diff_kind``)."""
    if opts is None:
        return frozenset()
    return DiffOptions(ignore=frozenset(opts.ignore), ignore_objects=opts.ignore_objects).ignored_for(key)


def ignores_in_effect(state: DesiredState, live: LiveState) -> list[IgnoreInEffect]:
    """Every ignore rule of the YAML with the live objects it covers."""
    found: list[IgnoreInEffect] = []
    for kind, opts in state.options.items():
        where = str(opts.location) if opts.location else None
        if opts.ignore:
            found.append(IgnoreInEffect(kind=kind, fields=list(opts.ignore), matched=[o.key for o in live.of(kind)],
                                        source=where))
        declared = {o.key for o in state.of(kind)}
        for rule in opts.ignore_objects:
            keys = [o.key for o in live.of(kind) if rule.matches(o.key)
                    and (o.key in declared) == bool(rule.fields) and not o.system]
            found.append(IgnoreInEffect(kind=kind, key=rule.key, fields=list(rule.fields), matched=keys,
                                        source=str(rule.location) if rule.location else where))
    return found


def build_report(plan: Plan, state: DesiredState, provider: Provider, live: LiveState,
                 environment: str | None = None) -> DriftReport:
    builder = _Builder(plan, state, provider, live)
    for change in plan.changes:
        builder.from_change(change)
    builder.unmanaged()
    notes = [d for d in plan.diagnostics if not (d.rule in FOLDED_DIAGNOSTICS and builder.from_diagnostic(d))]
    order = {name: i for i, name in enumerate(provider.kind_names)}
    kinds_rank = {t: i for i, t in enumerate(DRIFT_TYPES)}
    items = sorted(builder.items, key=lambda i: (kinds_rank[i.type], order.get(i.kind, 0)))
    states = {(i.kind, i.key): i.type for i in items if i.type in {"modified", "missing", "duplicate"}}
    managed = [ManagedObject(kind=kind.name, key=obj.key, state=states.get((kind.name, obj.key), "in_sync"),  # type: ignore[arg-type]
                             source=str(obj.location))
               for kind in provider.kinds for obj in state.of(kind.name)]
    order_checked = [k.name for k in provider.kinds if k.ordered and k.capabilities.reorder and state.of(k.name)]
    counts = {t: sum(1 for i in items if i.type == t) for t in DRIFT_TYPES}
    return DriftReport(
        tool_version=__version__, provider=provider.name, account=plan.account, environment=environment,
        generated_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        desired_digest=state.digest, desired_sources=state.sources, has_drift=bool(items), counts=counts,
        drift=items, managed=managed, order_checked=order_checked, ignored=ignores_in_effect(state, live), notes=notes,
    )
