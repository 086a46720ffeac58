"""Order a kind's changes so that an object is written after the objects of its own kind it names.

Some kinds nest through a reference to themselves (a help center section names its parent
collection, a folder its parent folder). Changes are sorted by block and kind, and within a kind
they keep the YAML order; when the YAML lists a child before its new parent, the child's create
would need an id that does not exist yet. This reorders such changes, parents first, and
otherwise keeps the YAML order. Cycles cannot reach here: the desired state refuses them.
"""

from __future__ import annotations

from provisioner.plan.model import Change
from provisioner.provider import Provider
from provisioner.references import collect

WRITES = frozenset({"create", "update", "replace"})


def parents_first(provider: Provider, changes: list[Change]) -> list[Change]:
    result: list[Change] = []
    run: list[Change] = []
    for change in changes + [None]:  # type: ignore[list-item]
        if change is not None and change.action in WRITES and (not run or run[0].kind == change.kind):
            run.append(change)
            continue
        result += _ordered(provider, run)
        run = []
        if change is not None:
            if change.action in WRITES:
                run.append(change)
            else:
                result.append(change)
    return result


def _ordered(provider: Provider, run: list[Change]) -> list[Change]:
    if len(run) < 2:
        return run
    kind = provider.kind(run[0].kind)
    own = tuple(ref for ref in kind.references if ref.target == kind.name)
    if not own:
        return run
    created = {c.key for c in run if c.action in {"create", "replace"}}
    needs = {id(c): {str(value) for _, value, _ in collect(c.after or {}, own)} & (created - {c.key}) for c in run}
    done: set[str] = set()
    ordered: list[Change] = []
    pending = list(run)
    while pending:
        ready = next((c for c in pending if needs[id(c)] <= done), pending[0])
        pending.remove(ready)
        ordered.append(ready)
        done.add(ready.key)
    return ordered
