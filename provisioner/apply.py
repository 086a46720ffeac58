"""Execute a saved plan: exactly its changes, in order, feeding new ids forward.

Apply does not re-diff or re-resolve. Before writing, it re-reads the kinds the plan touches
and refuses a stale plan (an object changed, vanished or appeared since planning). On a change
that fails, it stops and reports what was applied, what failed and what was not attempted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from provisioner.errors import ProvisionerError, StalePlanError, UserError
from provisioner.kind import Doc, Kind
from provisioner.live import LiveState, read_live
from provisioner.plan.diff import order_fingerprint
from provisioner.plan.model import Change, Plan
from provisioner.provider import Adapter, Provider
from provisioner.references import KeyTable, keys_to_ids, rewrite

Observer = Callable[[str, Change, Any], None]
"""Called as ``observer(event, change, detail)`` with event "start", "done" or "failed"."""


@dataclass
class ApplyReport:
    applied: list[Change] = field(default_factory=list)
    failed: Change | None = None
    error: str = ""
    skipped: list[Change] = field(default_factory=list)
    created_ids: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.failed is None


def payload(kind: Kind, doc: Doc, table: KeyTable, resolve_value: Callable[[Any], Any] | None = None) -> Doc:
    """The request body for a desired doc: natural keys to ids, then the kind's own shape."""
    body = rewrite(doc, kind.references, keys_to_ids(table))
    if resolve_value is not None:
        body = resolve_value(body)
    return kind.to_payload(body) if kind.to_payload else body


def check_fresh(plan: Plan, provider: Provider, adapter: Adapter) -> LiveState:
    """Re-read what the plan touches; raise ``StalePlanError`` naming the first object that moved."""
    if plan.provider != provider.name:
        raise UserError(f"plan is for provider {plan.provider!r}, not {provider.name!r}")
    if plan.account != adapter.account:
        raise UserError(f"plan was made for account {plan.account}, not {adapter.account}; plan again for this account")
    kinds = [provider.kind(name) for name in dict.fromkeys(c.kind for c in plan.changes)]
    live = read_live(adapter, kinds)
    for change in plan.changes:
        current = {str(o.id): o for o in live.of(change.kind)}
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
    return live


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
        ids = [table.id_for(kind.name, key) for key in change.order] + list(change.trailing_ids)
        adapter.reorder(kind, ids)
        return None
    raise ProvisionerError(f"unknown action {change.action}")


def apply_plan(plan: Plan, provider: Provider, adapter: Adapter, *, observer: Observer | None = None,
               resolve_value: Callable[[Any], Any] | None = None, check: bool = True) -> ApplyReport:
    if not plan.applyable:
        raise UserError(f"plan has {len(plan.errors)} error(s) and cannot be applied: {plan.errors[0].summary}")
    if check:
        check_fresh(plan, provider, adapter)
    table = KeyTable.from_json(plan.id_map)
    report = ApplyReport()
    for index, change in enumerate(plan.changes):
        kind = provider.kind(change.kind)
        if observer:
            observer("start", change, None)
        try:
            new_id = execute(change, kind, adapter, table, resolve_value)
        except ProvisionerError as exc:
            report.failed, report.error = change, str(exc)
            report.skipped = plan.changes[index + 1:]
            if observer:
                observer("failed", change, str(exc))
            return report
        if new_id is not None:
            report.created_ids.setdefault(change.kind, {})[change.key] = new_id
        report.applied.append(change)
        if observer:
            observer("done", change, new_id)
    return report
