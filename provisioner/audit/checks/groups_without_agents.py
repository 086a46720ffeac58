"""Groups with no agents.

Tickets routed to an empty group are assigned to nobody and breach their SLA in silence.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check, not_declared
from provisioner.audit.model import Finding
from provisioner.audit.profile import AuditProfile, CountConcept
from provisioner.audit.snapshot import Snapshot


def needs(profile: AuditProfile) -> tuple[str, ...] | str:
    concept = profile.group_members
    return (concept.kind, *concept.needs) if concept else not_declared("group memberships")


def zero_counts(snapshot: Snapshot, concept: CountConcept) -> list[dict]:
    """The objects of ``concept.kind`` that no agent is counted for (inactive ones excluded)."""
    counts = {str(k): v for k, v in concept.count(snapshot.raw).items()}
    kind = snapshot.kind(concept.kind)
    id_field = kind.id_field if kind else "id"
    return [obj for obj in snapshot.of(concept.kind)
            if concept.applies(obj) and snapshot.profile.is_active(concept.kind, obj)
            and counts.get(str(obj.get(id_field)), 0) == 0]


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    concept = snapshot.profile.group_members
    assert concept is not None
    return [Finding(summary=f"group {snapshot.ref(concept.kind, g).key!r} has no agents",
                    objects=[snapshot.ref(concept.kind, g)], fix=CHECK.fix)
            for g in zero_counts(snapshot, concept)]


CHECK = Check(
    id="groups-without-agents", title="Every group has at least one agent",
    severity="warning", needs=needs, run=run,
    fix="add agents to the group, or route its tickets elsewhere and delete it",
    why="tickets routed to an empty group wait for nobody",
)
