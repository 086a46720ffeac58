"""The help center has at least 20 published articles.

Below that, self-service cannot deflect much: customers search, find nothing and file a ticket
anyway, and the help center reads as abandoned.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check, not_declared
from provisioner.audit.model import Finding
from provisioner.audit.profile import AuditProfile
from provisioner.audit.snapshot import Snapshot


def needs(profile: AuditProfile) -> tuple[str, ...] | str:
    hc = profile.help_center
    return (hc.articles, hc.categories, *hc.needs) if hc else not_declared("help center kinds")


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    hc = snapshot.profile.help_center
    assert hc is not None
    published = [a for a in snapshot.of(hc.articles) if hc.published(a)]
    if len(published) >= options["min"]:
        return []
    return [Finding(summary=f"{len(published)} published article(s), fewer than {options['min']}",
                    objects=[snapshot.ref(hc.articles, a) for a in published], fix=CHECK.fix)]


CHECK = Check(
    id="help-center-article-count", title="The help center has at least 20 published articles",
    severity="warning", needs=needs, run=run, options={"min": 20},
    fix="publish answers to the most frequent ticket reasons (the top tags of the last quarter)",
    why="a thin help center deflects nothing",
)
