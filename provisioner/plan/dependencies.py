"""Order a plan so that an object is created before any change that names it.

Changes are sorted by build block, then by kind, which is right nearly always. A reference can
still point forward into a later block: a Block 5 trigger notifies a Block 7 webhook by its id.
Rather than refusing such a plan ("apply block 7 first"), the created object is moved
just before the first change that needs its id, with whatever it needs in turn; every other
change keeps its place. Only creates move, and only earlier, so a kind's reorder still comes
after all of that kind's creates, and deletes stay at the end.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

from provisioner.interpolation import literal
from provisioner.kind import Kind
from provisioner.plan.model import Change
from provisioner.provider import Provider
from provisioner.references import collect

CREATES = frozenset({"create", "replace"})


def names_in(doc: dict[str, Any] | None, kind: Kind, *, as_written: bool = True) -> Iterator[tuple[str, str]]:
    """(kind, natural key) of every object ``doc`` refers to: the one reading of references that
    plan ordering, apply's batches and its failure report share. ``as_written``: ``doc`` is as
    the YAML wrote it, where ``$${`` stands for a literal ``${`` (False for live objects)."""
    if doc is None:
        return
    for ref, value, _ in collect(doc, kind.references):
        raw = str(value)
        if ref.key_prefix:
            if not raw.startswith(ref.key_prefix):
                continue
            raw = raw[len(ref.key_prefix):]
        yield ref.target, literal(raw) if as_written else raw


def _each_after_its_needs(changes: list[Change], needs: Callable[[Change], list[Change]]) -> list[Change]:
    """``changes`` in their order, except that each comes after what ``needs`` says must go first
    (depth first, so what moves lands just before the first change that needs it). A cycle is
    left as it is met: the YAML loader refuses reference cycles before a plan is made."""
    ordered: list[Change] = []
    placed: set[int] = set()
    visiting: set[int] = set()

    def place(change: Change) -> None:
        if id(change) in placed or id(change) in visiting:
            return
        visiting.add(id(change))
        for first in needs(change):
            place(first)
        visiting.discard(id(change))
        placed.add(id(change))
        ordered.append(change)

    for change in changes:
        place(change)
    return ordered


def referenced_first(provider: Provider, changes: list[Change]) -> list[Change]:
    created = {(c.kind, c.key): c for c in changes if c.action in CREATES}
    if not created:
        return changes

    def created_it_names(change: Change) -> list[Change]:
        named = (created.get(name) for name in names_in(change.after, provider.kind(change.kind)))
        return [target for target in named if target is not None and target is not change]

    return _each_after_its_needs(changes, created_it_names)


def referrers_deleted_first(provider: Provider, changes: list[Change]) -> list[Change]:
    """Deletes in an order the vendor accepts: an object goes only after the deletes of objects
    that name it (a trigger before the webhook it notifies), whatever their blocks.

    Deletes are at the end of a plan in reverse block order; that is right unless a reference
    points forward (Block 5 trigger -> Block 7 webhook). Only deletes move, and only among
    themselves.
    """
    first_delete = next((i for i, c in enumerate(changes) if c.action == "delete"), None)
    if first_delete is None:
        return changes
    head, deletes = changes[:first_delete], changes[first_delete:]
    if any(c.action != "delete" for c in deletes):
        return changes  # not the shape build_plan makes; leave it as it is
    by_key = {(c.kind, c.key): c for c in deletes}
    referrers: dict[int, list[Change]] = {}
    for change in deletes:
        for name in names_in(change.before, provider.kind(change.kind), as_written=False):
            target = by_key.get(name)
            if target is not None and target is not change:
                referrers.setdefault(id(target), []).append(change)
    return head + _each_after_its_needs(deletes, lambda change: referrers.get(id(change), []))
