"""Read the state of what an apply touches, so that it can be put back later.

*Watched* objects are the ones the plan changes, plus the ones that refer to an object the plan
deletes: a vendor may change those as a side effect (Zendesk takes a deleted ticket field off
every form) or leave them pointing at an id that no longer exists; either way rollback has to
restore them once the deleted object is back. The kinds they refer to are read too, so that
every reference is rewritten to a natural key exactly as a plan does.
"""

from __future__ import annotations

from typing import Any, Callable

from provisioner.history.model import ObjectState, StateCapture
from provisioner.history.store import now_iso
from provisioner.interpolation import conceal, escape_literal
from provisioner.kind import Kind
from provisioner.live import LiveState, build_live, drop_path, read_raw
from provisioner.plan.dependencies import names_in
from provisioner.plan.model import Plan
from provisioner.provider import Adapter, Provider
from provisioner.workflow import with_reference_targets  # as plans read

ORDER_ACTIONS = frozenset({"create", "delete", "replace", "reorder"})
Address = tuple[str, str]
Resolve = Callable[[Any], Any]


def restorable(desired: Any, live: dict, resolve: Resolve | None) -> dict:
    """A live doc as the history keeps it, in the terms a plan uses: a value that an
    ``${env:NAME}`` of ``desired`` resolves to is kept as that reference (apply resolves it
    again), any other registered secret is masked, and live text that merely looks like a
    placeholder is escaped so that apply sends it back as written."""
    return conceal(desired, _escaped(live), resolve)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return escape_literal(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def referred_keys(kind: Kind, doc: dict) -> set[Address]:
    """(target kind, natural key) of every object ``doc`` names (a normalised live doc)."""
    return set(names_in(doc, kind, as_written=False))


class Watch:
    """What one apply (or one rollback) needs captured: kinds to read, objects, orders."""

    def __init__(self, provider: Provider, touched: set[Address], deleted: set[Address], order_kinds: set[str],
                 desired: dict[Address, dict] | None = None) -> None:
        self.provider = provider
        self.desired = desired or {}
        self.touched = touched
        self.deleted = deleted
        self.order_kinds = order_kinds
        deleted_kinds = {kind for kind, _ in deleted}
        self.referrer_kinds = {k.name for k in provider.kinds if k.targets & deleted_kinds}
        own = {kind for kind, _ in touched} | order_kinds | self.referrer_kinds
        self.kinds: list[Kind] = with_reference_targets(provider, [k for k in provider.kinds if k.name in own])

    @classmethod
    def for_plan(cls, plan: Plan, provider: Provider) -> "Watch":
        touched = {(c.kind, c.key) for c in plan.changes if c.action != "reorder"}
        deleted = {(c.kind, c.key) for c in plan.changes if c.action in {"delete", "replace"}}
        order_kinds = {c.kind for c in plan.changes if c.action in ORDER_ACTIONS and provider.kind(c.kind).ordered}
        desired = {(c.kind, c.key): c.after for c in plan.changes if c.after is not None}
        return cls(provider, touched, deleted, order_kinds, desired)

    def read(self, adapter: Adapter) -> tuple[LiveState, dict[str, list[dict]]]:
        raw = read_raw(adapter, self.kinds)
        return build_live(adapter.account, self.kinds, raw), raw

    def watched(self, live: LiveState) -> list[Address]:
        """The touched objects, then every live object that refers to a deleted one."""
        found = dict.fromkeys(sorted(self.touched))
        for name in sorted(self.referrer_kinds):
            kind = self.provider.kind(name)
            for obj in live.of(name):
                if referred_keys(kind, obj.doc) & self.deleted:
                    found[(name, obj.key)] = None
        return list(found)

    def capture(self, live: LiveState, raw: dict[str, list[dict]], watched: list[Address], *,
                keep_raw: bool, resolve: Resolve | None = None) -> StateCapture:
        state = StateCapture(taken_at=now_iso())
        for kind_name, key in watched:
            matches = live.matching(kind_name, key)
            if not matches:
                continue
            obj, kind = matches[0], self.provider.kind(kind_name)
            original = None
            if keep_raw:
                original = next((r for r in raw.get(kind_name, []) if str(r.get(kind.id_field)) == str(obj.id)), None)
                for secret in kind.secret_fields:
                    original = drop_path(original, secret.split(".")) if original else original
            doc = restorable(self.desired.get((kind_name, key)), obj.doc, resolve)
            state.objects.append(ObjectState(kind=kind_name, key=key, id=obj.id, doc=doc,
                                             fingerprint=obj.fingerprint, raw=original))
        for kind_name in sorted(self.order_kinds):
            state.orders[kind_name] = [o.key for o in live.of(kind_name)]
        return state
