"""The satisfaction survey goes out when a ticket is solved, not when it is closed.

A closed ticket cannot be reopened, so a customer answering "bad" to a survey sent on Closed
has no way back into the conversation, and the rating arrives days after the work.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check, not_declared
from provisioner.audit.model import Finding
from provisioner.audit.profile import AuditProfile
from provisioner.audit.snapshot import Snapshot


def needs(profile: AuditProfile) -> tuple[str, ...] | str:
    return profile.survey.kinds if profile.survey else not_declared("satisfaction survey rules")


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    concept = snapshot.profile.survey
    assert concept is not None
    findings = []
    for kind in concept.kinds:
        for rule in snapshot.of(kind):
            if not snapshot.profile.is_active(kind, rule) or not concept.sends_survey(rule):
                continue
            moment = concept.fires_on(rule)
            if moment == "solved":
                continue
            ref = snapshot.ref(kind, rule)
            when = "on Closed" if moment == "closed" else "without a condition on Solved"
            findings.append(Finding(summary=f"{ref.key!r} sends the satisfaction survey {when}", objects=[ref], fix=CHECK.fix))
    return findings


CHECK = Check(
    id="survey-on-solved", title="The satisfaction survey fires on Solved, not Closed",
    severity="warning", needs=needs, run=run,
    fix="make the survey rule require status Solved (and not Closed), so a bad rating can reopen the ticket",
    why="a closed ticket cannot be reopened by the customer's answer",
)
