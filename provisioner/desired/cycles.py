"""Refuse references that go round in a circle (a folder inside itself, A's parent is B and B's
parent is A).

No order of creates can satisfy a cycle: each object needs the id of the next one first. So a
cycle is a desired-state error, found before any request, named at the file:line of the field
that closes it, with the whole loop spelled out. Only references between objects the YAML
declares can form one; built-in objects (system fields, the default group) refer to nothing.
"""

from __future__ import annotations

from provisioner.desired.state import DesiredObject, DesiredState
from provisioner.errors import InputError
from provisioner.provider import Provider
from provisioner.references import dotted

Node = tuple[str, str]  # (kind, natural key)
Edge = tuple[Node, tuple]  # (target, path of the referring field)


def reference_edges(state: DesiredState, provider: Provider) -> dict[Node, list[Edge]]:
    """For every declared object, the declared objects it names, with the naming field's path."""
    edges: dict[Node, list[Edge]] = {}
    declared = {(kind.name, obj.key) for kind in provider.kinds for obj in state.of(kind.name)}
    for kind in provider.kinds:
        for obj in state.of(kind.name):
            found = edges.setdefault((kind.name, obj.key), [])
            for ref, value, path in obj.references(kind.references):
                raw = str(value)
                if ref.key_prefix and not raw.startswith(ref.key_prefix):
                    continue
                key = raw[len(ref.key_prefix):]
                # An object the API cannot create already exists: it never waits for another.
                if (ref.target, key) in declared and provider.kind(ref.target).capabilities.create:
                    found.append(((ref.target, key), path))
    return edges


def find_cycle(edges: dict[Node, list[Edge]]) -> list[tuple[Node, tuple]] | None:
    """The first cycle in declaration order as [(node, path of its field naming the next)], or None.

    Iterative depth-first search (a long parent chain must not hit Python's recursion limit).
    """
    done: set[Node] = set()
    for start in edges:
        if start in done:
            continue
        trail: list[tuple[Node, tuple]] = []  # nodes on the current path, each with the edge taken
        on_trail: dict[Node, int] = {}
        stack: list[tuple[Node, int]] = [(start, 0)]
        while stack:
            node, index = stack.pop()
            if index == 0:
                on_trail[node] = len(trail)
                trail.append((node, ()))
            outgoing = edges.get(node, [])
            if index < len(outgoing):
                target, path = outgoing[index]
                stack.append((node, index + 1))
                trail[on_trail[node]] = (node, path)
                if target in on_trail:
                    return trail[on_trail[target]:]
                if target not in done:
                    stack.append((target, 0))
                continue
            done.add(node)
            on_trail.pop(node, None)
            trail.pop()
    return None


def check_cycles(state: DesiredState, provider: Provider) -> None:
    """Raise ``InputError`` at the first field that closes a cycle of references."""
    cycle = find_cycle(reference_edges(state, provider))
    if not cycle:
        return
    (kind, key), path = cycle[0]
    names = [f"{k} {name!r}" for (k, name), _ in cycle] + [f"{kind} {key!r}"]
    obj: DesiredObject | None = state.find(kind, key)
    assert obj is not None
    raise InputError(obj.where(path), f"{kind}.{dotted(path)}",
                     f"cyclic reference: {' → '.join(names)}; no object in the loop can be created first")
