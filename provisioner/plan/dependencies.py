"""Order a plan so that an object is created before any change that names it.

Changes are sorted by build block, then by kind, which is right nearly always. A reference can
still point forward into a later block: a Block 5 trigger notifies a Block 7 webhook by its id.
Rather than refusing such a plan ("apply block 7 first"), the created object is moved
just before the first change that needs its id, with whatever it needs in turn; every other
change keeps its place. Only creates move, and only earlier, so a kind's reorder still comes
after all of that kind's creates, and deletes stay at the end.
"""

from __future__ import annotations

from typing import Any, Iterator

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


def referenced_first(provider: Provider, changes: list[Change]) -> list[Change]:
    created = {(c.kind, c.key): c for c in changes if c.action in CREATES}
    if not created:
        return changes
    ordered: list[Change] = []
    placed: set[int] = set()
    visiting: set[int] = set()

    def needs(change: Change) -> list[Change]:
        found = []
        for name in names_in(change.after, provider.kind(change.kind)):
            target = created.get(name)
            if target is not None and target is not change:
                found.append(target)
        return found

    def place(change: Change) -> None:
        if id(change) in placed or id(change) in visiting:
            return  # placed already, or a cycle (refused when the YAML was loaded)
        visiting.add(id(change))
        for dependency in needs(change):
            place(dependency)
        visiting.discard(id(change))
        placed.add(id(change))
        ordered.append(change)

    for change in changes:
        place(change)
    return ordered


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
    ordered: list[Change] = []
    placed: set[int] = set()
    visiting: set[int] = set()

    def place(change: Change) -> None:
        if id(change) in placed or id(change) in visiting:
            return
        visiting.add(id(change))
        for referrer in referrers.get(id(change), []):
            place(referrer)
        visiting.discard(id(change))
        placed.add(id(change))
        ordered.append(change)

    for change in deletes:
        place(change)
    return head + ordered
