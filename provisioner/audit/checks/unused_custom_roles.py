"""Custom roles no agent holds.

Unused roles make the permission model harder to review and are often copies that drifted
from the role people actually hold.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check, not_declared
from provisioner.audit.checks.groups_without_agents import zero_counts
from provisioner.audit.model import Finding
from provisioner.audit.profile import AuditProfile
from provisioner.audit.snapshot import Snapshot


def needs(profile: AuditProfile) -> tuple[str, ...] | str:
    concept = profile.role_holders
    return (concept.kind, *concept.needs) if concept else not_declared("custom roles")


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    concept = snapshot.profile.role_holders
    assert concept is not None
    return [Finding(summary=f"custom role {snapshot.ref(concept.kind, r).key!r} is held by no agent",
                    objects=[snapshot.ref(concept.kind, r)], fix=CHECK.fix)
            for r in zero_counts(snapshot, concept)]


CHECK = Check(
    id="unused-custom-roles", title="Every custom role is held by an agent",
    severity="info", needs=needs, run=run,
    fix="delete the role, or assign it to the agents it was made for",
    why="unused roles make the permission model harder to review",
)
