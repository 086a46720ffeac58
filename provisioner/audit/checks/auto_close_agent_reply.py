"""Auto-close automations wait for an agent's reply, not just for time to pass.

A rule that solves or closes tickets after N hours, whatever happened, closes tickets the
customer is still waiting on; the safe form only closes tickets where an agent replied and the
customer went quiet (status pending).
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check, not_declared
from provisioner.audit.model import Finding
from provisioner.audit.profile import AuditProfile
from provisioner.audit.snapshot import Snapshot


def needs(profile: AuditProfile) -> tuple[str, ...] | str:
    return (profile.auto_close.kind,) if profile.auto_close else not_declared("auto-close rules")


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    concept = snapshot.profile.auto_close
    assert concept is not None
    findings = []
    for rule in snapshot.of(concept.kind):
        if not snapshot.profile.is_active(concept.kind, rule) and not options["include_inactive"]:
            continue
        if concept.closes_unsolved(rule) and not concept.waits_for_agent_reply(rule):
            ref = snapshot.ref(concept.kind, rule)
            findings.append(Finding(
                summary=f"{ref.key!r} solves or closes tickets on elapsed time alone, without checking that an agent replied",
                objects=[ref], fix=CHECK.fix))
    return findings


CHECK = Check(
    id="auto-close-needs-agent-reply", title="Auto-close automations check for an agent's reply",
    severity="warning", needs=needs, run=run, options={"include_inactive": False},
    fix="add a condition that an agent replied and the customer did not (status is pending) before closing",
    why="closing on time alone closes tickets the customer is still waiting on",
)
