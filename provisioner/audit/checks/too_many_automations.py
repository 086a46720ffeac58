"""More than 30 automations: over-engineering, especially on day one.

Every automation runs against every matching ticket each hour; dozens of them interact in ways
nobody can predict, and most duplicate a trigger or a view.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check, not_declared
from provisioner.audit.model import Finding
from provisioner.audit.profile import AuditProfile
from provisioner.audit.snapshot import Snapshot


def needs(profile: AuditProfile) -> tuple[str, ...] | str:
    return profile.automations or not_declared("automations")


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    rules = [(kind, r) for kind in snapshot.profile.automations for r in snapshot.of(kind)
             if options["count_inactive"] or snapshot.profile.is_active(kind, r)]
    if len(rules) <= options["max"]:
        return []
    what = " and ".join(snapshot.profile.automations)
    return [Finding(summary=f"{len(rules)} {what} (more than {options['max']})",
                    objects=[snapshot.ref(kind, r) for kind, r in rules], fix=CHECK.fix)]


CHECK = Check(
    id="too-many-automations", title="No more than 30 automations",
    severity="warning", needs=needs, run=run, options={"max": 30, "count_inactive": True},
    fix="merge automations that share conditions, and move instant logic to triggers",
    why="dozens of hourly rules interact unpredictably",
)
