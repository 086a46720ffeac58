"""Which live object each desired object means: its ``match_id`` pin, else its natural key.

Natural keys are how YAML names objects, but vendors do not enforce them: an account built by
hand can hold two triggers titled "Notify". Guessing between them could rewrite the wrong
rule, so an unpinned key that matches several live objects is an ``ambiguous_match`` error
that says how to fix it. ``match_id: <live id>`` (export writes one for every duplicate) pins
an object to one live object of one account, which also lets the YAML rename it in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provisioner.desired.state import DesiredObject
from provisioner.kind import Kind
from provisioner.live import LiveObject
from provisioner.plan.model import Diagnostic


@dataclass
class Matching:
    """+ pairs: (desired, its live object or None when it must be created), in YAML order.
    + claimed: ids (as strings) of live objects the YAML names; never unmanaged, never pruned.
    + diagnostics: ambiguous keys and pins naming nothing; those objects are left out of pairs."""

    pairs: list[tuple[DesiredObject, LiveObject | None]] = field(default_factory=list)
    claimed: set[str] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def match_objects(kind: Kind, desired: list[DesiredObject], live: list[LiveObject]) -> Matching:
    result = Matching()
    by_id = {str(o.id): o for o in live}
    pinned = {str(d.match_id) for d in desired if d.match_id is not None}
    by_key: dict[str, list[LiveObject]] = {}
    for obj in live:
        if str(obj.id) not in pinned:
            by_key.setdefault(obj.key, []).append(obj)
    for want in desired:
        if want.match_id is not None:
            obj = by_id.get(str(want.match_id))
            if obj is None:
                result.diagnostics.append(Diagnostic(
                    severity="error", rule="pin_not_found", kind=kind.name, key=want.key,
                    summary=f"match_id {want.match_id} names no live {kind.name} in this account",
                    detail=(f"a match_id pins an object of the account it was exported from ({want.location}); "
                            f"to plan against another account, give the object a {kind.natural_key} no other "
                            f"{kind.name} has and remove its match_id")))
                continue
            result.claimed.add(str(obj.id))
            result.pairs.append((want, obj))
            continue
        found = by_key.get(want.key, [])
        result.claimed.update(str(o.id) for o in found)
        if len(found) > 1:
            ids = ", ".join(str(o.id) for o in found)
            result.diagnostics.append(Diagnostic(
                severity="error", rule="ambiguous_match", kind=kind.name, key=want.key,
                summary=(f"{len(found)} live {kind.name} share the {kind.natural_key} {want.key!r} (ids {ids}); "
                         "the plan cannot tell which one the YAML means"),
                detail=(f"pin it by adding 'match_id: <id>' (one of {ids}) to the object at {want.location}; "
                        f"'provisioner export' writes a pin for each duplicate. Or rename or delete the extra "
                        f"ones in the account.")))
            continue
        result.pairs.append((want, found[0] if found else None))
    return result
