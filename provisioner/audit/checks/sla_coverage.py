"""SLA policies cover every priority (P1-P4) with a first-reply and a resolution target.

A priority no policy targets is a queue nobody is measured on: tickets of that priority can
wait forever without breaching anything, and reports show them as "no SLA".
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check, not_declared
from provisioner.audit.model import Finding
from provisioner.audit.profile import PRIORITIES, AuditProfile
from provisioner.audit.snapshot import Snapshot

METRICS = {"first_reply": "first-reply", "resolution": "resolution"}


def needs(profile: AuditProfile) -> tuple[str, ...] | str:
    return (profile.sla.kind,) if profile.sla else not_declared("SLA policies")


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    concept = snapshot.profile.sla
    assert concept is not None
    policies = [p for p in snapshot.of(concept.kind) if snapshot.profile.is_active(concept.kind, p)]
    covered = {pair for policy in policies for pair in concept.targets(policy)}
    findings = []
    for priority in options["priorities"]:
        lacking = [METRICS[m] for m in METRICS if (priority, m) not in covered]
        if lacking:
            findings.append(Finding(
                summary=f"priority {priority} has no {' and no '.join(lacking)} target in any active SLA policy",
                objects=[snapshot.ref(concept.kind, p) for p in policies],
                fix=f"add {' and '.join(lacking)} targets for {priority} to an SLA policy that covers all tickets"))
    return findings


CHECK = Check(
    id="sla-coverage", title="SLA policies cover every priority with first-reply and resolution targets",
    severity="error", needs=needs, run=run, options={"priorities": list(PRIORITIES)},
    fix="give every priority (urgent, high, normal, low) a first-reply and a resolution target",
    why="a priority without targets is never measured and never breaches",
)
