"""Pure diff of one kind: desired objects against normalised live objects. No I/O.

Comparison is by the fields the YAML sets (plus the kind's declared defaults): a field the YAML
leaves out is not managed. Inside nested mappings the same rule holds, so server defaults added
to a condition or an option never show as drift; lists are compared item by item and their
length must match, since the APIs replace lists whole.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable

from provisioner.desired.ignore import ObjectIgnore
from provisioner.desired.state import DesiredObject, KindOptions
from provisioner.interpolation import mentions_placeholder
from provisioner.kind import Kind
from provisioner.live import LiveObject, canonical_json
from provisioner.plan.matching import match_objects
from provisioner.plan.model import Change, Diagnostic, Unmanaged


def matches(desired: Any, live: Any) -> bool:
    """True when ``live`` satisfies ``desired``: every field desired sets has the same value.

    Called for every field of every object of a plan (70,000 times for the ``large``
    benchmark): text, most leaves, is compared first, and loops stand in for ``all()`` over
    generators."""
    if type(desired) is str:
        return desired == live  # what the general rules below give for text, whatever ``live`` is
    if isinstance(desired, dict):
        if not isinstance(live, dict):
            return False
        for name, value in desired.items():
            if not matches(value, live.get(name)):
                return False
        return True
    if isinstance(desired, list):
        if not isinstance(live, list) or len(desired) != len(live):
            return False
        for d, v in zip(desired, live):
            if not matches(d, v):
                return False
        return True
    if isinstance(desired, bool) or isinstance(live, bool):
        return type(desired) is type(live) and desired == live
    if isinstance(desired, (int, float)) and isinstance(live, (int, float)):
        return desired == live
    return desired == live


@dataclass
class KindDiff:
    changes: list[Change] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unmanaged: list[Unmanaged] = field(default_factory=list)


@dataclass(frozen=True)
class DiffOptions:
    """+ prune: delete unmanaged live objects. + replace: recreate on immutable change.
    + ignore: fields never compared (from YAML ``ignore`` and ``--ignore``)."""

    prune: bool = False
    replace: bool = False
    ignore: frozenset[str] = frozenset()
    ignore_objects: tuple[ObjectIgnore, ...] = ()
    # Resolves ``${env:NAME}`` in desired values before comparing (``provisioner.interpolation``).
    resolve: Callable[[Any], Any] | None = None

    def ignored_for(self, key: str) -> frozenset[str]:
        """Fields never compared on the object ``key``: the kind-wide ones and its own rules'."""
        own = [f for rule in self.ignore_objects if rule.fields and rule.matches(key) for f in rule.fields]
        return frozenset(self.ignore) | frozenset(own)

    def hands_off(self, key: str) -> bool:
        """An undeclared live object a rule tells us to leave alone (never unmanaged, never pruned)."""
        return any(rule.whole_object and rule.matches(key) for rule in self.ignore_objects)


def order_fingerprint(ids: list[Any]) -> str:
    return hashlib.sha256(canonical_json([str(i) for i in ids]).encode()).hexdigest()[:16]


def as_set(value: Any) -> Any:
    """A list whose order means nothing, in one canonical order (``Kind.unordered``); a value
    listed twice counts once (a fallback person can stand in for two missing ones)."""
    if not isinstance(value, list):
        return value
    return sorted({canonical_json(v): v for v in value}.values(), key=canonical_json)


def changed_fields(kind: Kind, desired: dict[str, Any], live: dict[str, Any], ignore: frozenset[str]) -> list[str]:
    wanted = {**kind.defaults, **desired}
    secret_roots = {s.split(".")[0] for s in kind.secret_fields}

    def same(name: str, value: Any) -> bool:
        if name in kind.unordered:
            return matches(as_set(value), as_set(live.get(name)))
        return matches(value, live.get(name))

    return [
        name for name, value in wanted.items()
        if name not in ignore and name not in secret_roots and not same(name, value)
    ]


def resolved(doc: dict[str, Any], resolve: Callable[[Any], Any] | None) -> dict[str, Any]:
    """``doc`` with its ``${env:...}`` values resolved, for comparing only. Every placeholder and
    escape starts with ``${``; a doc without one resolves to an equal copy, so it is compared as
    it is (rebuilding each of 4,000 docs string by string was a tenth of a large plan's diff)."""
    if resolve is None or not mentions_placeholder(doc):
        return doc
    return resolve(doc)


def diff_kind(kind: Kind, desired: list[DesiredObject], live: list[LiveObject], options: DiffOptions) -> KindDiff:
    """Changes, diagnostics and unmanaged objects for one kind.

    Live objects the account owns (``LiveObject.system``: system fields, the default group) are
    never deleted and never reported as unmanaged.
    """
    result = KindDiff()
    matching = match_objects(kind, desired, live)
    result.diagnostics += matching.diagnostics
    for want, current in matching.pairs:
        if current is None:
            if kind.singleton or not kind.capabilities.create:
                result.diagnostics.append(Diagnostic(
                    severity="error", rule="cannot_create", kind=kind.name, key=want.key,
                    summary=f"{kind.name} {want.key!r} does not exist and the API cannot create it",
                    detail=kind.capabilities.why_not.get("create", "")))
                continue
            result.changes.append(Change(action="create", kind=kind.name, key=want.key, block=kind.block,
                                         after=want.doc))
            continue
        compared = resolved(want.doc, options.resolve)  # ${env:...} values
        fields = changed_fields(kind, compared, current.doc, options.ignored_for(want.key))
        if not fields:
            continue
        frozen = [f for f in fields if f in kind.immutable]
        if frozen:
            detail = ", ".join(f"{f}: {current.doc.get(f)!r} → {want.doc.get(f, kind.defaults.get(f))!r}" for f in frozen)
            if options.replace:
                result.changes.append(Change(action="replace", kind=kind.name, key=want.key, block=kind.block,
                                             id=current.id, before=current.doc, after=want.doc, fields=fields,
                                             fingerprint=current.fingerprint,
                                             note=f"{', '.join(frozen)} cannot change in place; the object is deleted and created again"))
            else:
                result.diagnostics.append(Diagnostic(
                    severity="error", rule="immutable_field", kind=kind.name, key=want.key,
                    summary=f"{', '.join(frozen)} cannot change after creation ({detail})",
                    detail=f"recreating it destroys its data; allow it with --allow-replace {kind.name} ({want.location})"))
            continue
        if not kind.capabilities.update:
            result.diagnostics.append(Diagnostic(
                severity="error", rule="cannot_update", kind=kind.name, key=want.key,
                summary=f"{kind.name} {want.key!r} differs ({', '.join(fields)}) but the API cannot update it",
                detail=kind.capabilities.why_not.get("update", "")))
            continue
        # A field compared through its default (``archived: false``) shows the value it is set to.
        after = {**{f: kind.defaults[f] for f in fields if f in kind.defaults and f not in want.doc}, **want.doc}
        result.changes.append(Change(action="update", kind=kind.name, key=want.key, block=kind.block,
                                     id=current.id, before=current.doc, after=after, fields=fields,
                                     fingerprint=current.fingerprint))
    for obj in live:
        if str(obj.id) in matching.claimed or obj.system or kind.singleton or options.hands_off(obj.key):
            continue
        if options.prune and kind.capabilities.delete:
            result.changes.append(Change(action="delete", kind=kind.name, key=obj.key, block=kind.block,
                                         id=obj.id, before=obj.doc, fingerprint=obj.fingerprint,
                                         note=kind.capabilities.delete_means or ""))
        else:
            result.unmanaged.append(Unmanaged(kind=kind.name, key=obj.key, id=obj.id))
    if options.prune and not kind.capabilities.delete and result.unmanaged:
        result.diagnostics.append(cannot_prune(kind, [u.key for u in result.unmanaged]))
    if kind.ordered and kind.capabilities.reorder:
        replaced = {str(c.id) for c in result.changes if c.action == "replace"}
        reorder = diff_order(kind, matching.pairs, live, replaced)
        if reorder:
            result.changes.append(reorder)
    return result


def cannot_prune(kind: Kind, keys: list[str]) -> Diagnostic:
    """Pruning asked for, but the API has no delete for this kind: say so now, not at apply."""
    shown = ", ".join(repr(k) for k in keys[:5]) + (f" and {len(keys) - 5} more" if len(keys) > 5 else "")
    return Diagnostic(severity="warning", rule="cannot_delete", kind=kind.name,
                      summary=f"{len(keys)} {kind.name} not in the YAML stay ({shown}): the API cannot delete {kind.name}",
                      detail=kind.capabilities.why_not.get("delete", ""))


def diff_order(kind: Kind, pairs: list[tuple[DesiredObject, LiveObject | None]], live: list[LiveObject],
               replaced: set[str] | frozenset[str] = frozenset()) -> Change | None:
    """A reorder change when the managed objects' live order differs from the YAML order.

    Objects the YAML does not name keep their relative order after the managed ones; the
    comparison only looks at managed objects, so an unmanaged object never causes a reorder.
    Objects are compared by the live object they matched (by id), so objects pinned with
    ``match_id`` that share a natural key keep their places; ``order_ids`` carries those ids.
    A ``replaced`` object (ids) is deleted and created again at the end, like a new one.
    """
    def slot(want: DesiredObject, obj: LiveObject | None) -> tuple[str, str]:
        return ("id", str(obj.id)) if obj is not None and str(obj.id) not in replaced else ("new", want.key)

    wanted = [slot(want, obj) for want, obj in pairs]
    managed = set(wanted)
    staying = [o for o in live if str(o.id) not in replaced]
    live_slots = [("id", str(o.id)) for o in staying]
    known = set(live_slots)  # built once: rebuilding it per object made a reorder check quadratic
    expected_after_apply = [s for s in live_slots if s in managed] + [s for s in wanted if s not in known]
    if expected_after_apply == wanted:
        return None
    trailing = [o.id for o in staying if ("id", str(o.id)) not in managed]
    return Change(action="reorder", kind=kind.name, key="(order)", block=kind.block,
                  order=[want.key for want, _ in pairs],
                  order_ids=[obj.id if obj and str(obj.id) not in replaced else None for _, obj in pairs],
                  before_order=[o.key for o in staying if ("id", str(o.id)) in managed], trailing_ids=trailing,
                  fingerprint=order_fingerprint([o.id for o in live]))
