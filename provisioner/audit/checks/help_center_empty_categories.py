"""Help-center categories with no published article.

An empty category is a dead end on the help center's home page.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check
from provisioner.audit.checks.help_center_article_count import needs
from provisioner.audit.model import Finding
from provisioner.audit.snapshot import Snapshot


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    hc = snapshot.profile.help_center
    assert hc is not None
    kind = snapshot.kind(hc.categories)
    id_field = kind.id_field if kind else "id"
    filled = {str(c) for a in snapshot.of(hc.articles) if hc.published(a) for c in hc.categories_of(a, snapshot.raw)}
    findings = []
    for category in snapshot.of(hc.categories):
        if str(category.get(id_field)) in filled:
            continue
        ref = snapshot.ref(hc.categories, category)
        findings.append(Finding(summary=f"category {ref.key!r} has no published article", objects=[ref], fix=CHECK.fix))
    return findings


CHECK = Check(
    id="help-center-empty-categories", title="Every help-center category has a published article",
    severity="warning", needs=needs, run=run,
    fix="publish an article in it, or remove the category",
    why="an empty category is a dead end for customers",
)
