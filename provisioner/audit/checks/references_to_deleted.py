"""Rules, macros and views that name a group, field, brand or schedule that no longer exists.

Zendesk keeps the dead id in the rule: the trigger still "routes to" a group that is gone, and
tickets silently stay unassigned.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check, not_declared
from provisioner.audit.model import Finding
from provisioner.audit.profile import AuditProfile
from provisioner.audit.references import references
from provisioner.audit.snapshot import Snapshot


def needs(profile: AuditProfile) -> tuple[str, ...] | str:
    if not profile.rule_kinds or not profile.reference_targets:
        return not_declared("rule kinds and reference targets")
    return profile.rule_kinds


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    profile = snapshot.profile
    findings = []
    for ref in references(snapshot, profile.rule_kinds, set(profile.reference_targets)):
        if ref.target_key is not None:
            continue
        owner = snapshot.ref(ref.kind, ref.raw)
        state = "" if profile.is_active(ref.kind, ref.raw) else " (inactive)"
        findings.append(Finding(
            summary=f"{ref.kind} {owner.key!r}{state}: {ref.path} names {ref.target} id {ref.target_id}, which no longer exists",
            objects=[owner], fix=CHECK.fix))
    return findings


CHECK = Check(
    id="references-to-deleted", title="Rules, macros and views refer only to objects that exist",
    severity="error", needs=needs, run=run,
    fix="point the rule at an existing object (by name in the YAML) or remove the condition or action",
    why="a rule naming a deleted group or field silently does nothing",
)
