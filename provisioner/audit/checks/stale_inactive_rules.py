"""Inactive rules, macros and views nobody has touched in 90 days.

Deactivated "just in case", they clutter every list, confuse the next admin, and are one click
from firing again with stale logic. Age comes from the live object's ``updated_at``. Objects the YAML explicitly leaves alone (an ignore rule
``{key: ...}``) are skipped: the team decided not to manage them.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check, not_declared
from provisioner.audit.model import Finding
from provisioner.audit.profile import AuditProfile
from provisioner.audit.snapshot import Snapshot


def needs(profile: AuditProfile) -> tuple[str, ...] | str:
    return profile.rule_kinds or not_declared("rule kinds")


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    days = options["days"]
    findings = []
    for kind in snapshot.profile.rule_kinds:
        for rule in snapshot.of(kind):
            if snapshot.profile.is_active(kind, rule) or snapshot.left_alone(kind, rule):
                continue
            age = snapshot.age_days(kind, rule)
            if age is None or age < days:
                continue
            ref = snapshot.ref(kind, rule)
            findings.append(Finding(summary=f"{kind} {ref.key!r} is inactive and was last updated {int(age)} days ago",
                                    objects=[ref], fix=CHECK.fix))
    return findings


CHECK = Check(
    id="stale-inactive-rules", title="No inactive rule, macro or view is left untouched for 90 days",
    severity="warning", needs=needs, run=run, options={"days": 90},
    fix="delete it (the YAML history keeps it), or reactivate it if it is still needed",
    why="inactive rules clutter every list and can be switched back on with stale logic",
)
