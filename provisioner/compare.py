"""How two live accounts differ, in desired-state terms: the preview of a promotion.

Both accounts are read and shaped exactly as ``export`` writes them (natural keys, no ids, no
server noise, no system objects), then compared object by object by natural key: what only
the source has (a promotion would create it), what only the target has (it would stay, or be
pruned on opt-in), what differs field by field, and where the order of ordered kinds differs.
Ids never appear: they differ between accounts by design.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from provisioner.export.shape import desired_doc
from provisioner.kind import Kind
from provisioner.live import LiveState
from provisioner.plan.diff import matches


@dataclass
class ObjectDifference:
    key: str
    fields: list[str]
    source: dict[str, Any]
    target: dict[str, Any]


@dataclass
class KindComparison:
    """+ only_source / only_target: natural keys found in one account only.
    + differ: objects in both whose fields differ. + ambiguous: keys held by several objects in
    either account (compared no further). + order: (source order, target order) of the keys
    both hold, for ordered kinds whose order differs."""

    kind: str
    only_source: list[str] = field(default_factory=list)
    only_target: list[str] = field(default_factory=list)
    differ: list[ObjectDifference] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    order: tuple[list[str], list[str]] | None = None
    compared: int = 0

    @property
    def differs(self) -> bool:
        return bool(self.only_source or self.only_target or self.differ or self.ambiguous or self.order)


Scope = set[str] | None
"""Natural keys to compare (the objects a desired state names), or None for every object."""


def _docs(kind: Kind, live: LiveState, scope: Scope) -> dict[str, list[dict[str, Any]]]:
    docs: dict[str, list[dict[str, Any]]] = {}
    for obj in live.of(kind.name):
        if not obj.system and obj.key and (scope is None or obj.key in scope):
            docs.setdefault(obj.key, []).append(desired_doc(kind, obj.doc))
    return docs


def _keys_in_order(kind: Kind, live: LiveState) -> list[str]:
    return list(dict.fromkeys(o.key for o in live.of(kind.name) if not o.system and o.key))


def compare_kind(kind: Kind, source: LiveState, target: LiveState, scope: Scope = None) -> KindComparison:
    result = KindComparison(kind.name)
    left, right = _docs(kind, source, scope), _docs(kind, target, scope)
    result.only_source = sorted(k for k in left if k not in right)
    result.only_target = sorted(k for k in right if k not in left)
    for key in sorted(k for k in left if k in right):
        result.compared += 1
        if len(left[key]) > 1 or len(right[key]) > 1:
            result.ambiguous.append(key)
            continue
        a, b = left[key][0], right[key][0]
        fields = [name for name in dict.fromkeys([*a, *b])
                  if not (matches(a.get(name, kind.defaults.get(name)), b.get(name, kind.defaults.get(name)))
                          and matches(b.get(name, kind.defaults.get(name)), a.get(name, kind.defaults.get(name))))]
        if fields:
            result.differ.append(ObjectDifference(key, fields, a, b))
    if kind.ordered:
        shared = set(left) & set(right)
        left_order = [k for k in _keys_in_order(kind, source) if k in shared]
        right_order = [k for k in _keys_in_order(kind, target) if k in shared]
        if left_order != right_order:
            result.order = (left_order, right_order)
    return result


def compare_accounts(kinds: list[Kind], source: LiveState, target: LiveState,
                     scopes: dict[str, set[str]] | None = None) -> list[KindComparison]:
    """One comparison per kind read in both accounts, in apply order; ``scopes`` limits each
    kind to the natural keys a desired state names."""
    return [compare_kind(k, source, target, None if scopes is None else scopes.get(k.name, set()))
            for k in kinds if k.name in source.objects and k.name in target.objects]
