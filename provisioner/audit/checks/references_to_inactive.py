"""Rules, macros and views that name an inactive group, field, brand or schedule.

An inactive target is half-broken: the rule still fires, but agents cannot pick the field or
brand, so the rule's effect is invisible or refused.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check
from provisioner.audit.checks.references_to_deleted import needs
from provisioner.audit.model import Finding
from provisioner.audit.references import raw_by_id, references
from provisioner.audit.snapshot import Snapshot


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    profile = snapshot.profile
    targets = {name: raw_by_id(snapshot, name) for name in profile.reference_targets}
    findings = []
    for ref in references(snapshot, profile.rule_kinds, set(profile.reference_targets)):
        if ref.target_key is None:
            continue
        target = targets.get(ref.target, {}).get(ref.target_id)
        if target is None or profile.is_active(ref.target, target):
            continue
        if not options["include_inactive_rules"] and not profile.is_active(ref.kind, ref.raw):
            continue
        owner = snapshot.ref(ref.kind, ref.raw)
        findings.append(Finding(
            summary=f"{ref.kind} {owner.key!r}: {ref.path} names {ref.target} {ref.target_key!r}, which is inactive",
            objects=[owner, snapshot.ref(ref.target, target)], fix=CHECK.fix))
    return findings


CHECK = Check(
    id="references-to-inactive", title="Active rules, macros and views refer only to active objects",
    severity="warning", needs=needs, run=run, options={"include_inactive_rules": False},
    fix="reactivate the object, or change or deactivate the rules that still use it",
    why="a rule naming an inactive field or brand fires but its effect is lost",
)
