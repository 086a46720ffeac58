"""Published articles not updated in six months.

Product changes faster than that; an old article is the most common source of "the help
center told me to click a button that does not exist".
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
    findings = []
    for article in snapshot.of(hc.articles):
        if not hc.published(article):
            continue
        age = snapshot.age_days(hc.articles, article)
        if age is None or age < options["days"]:
            continue
        ref = snapshot.ref(hc.articles, article)
        findings.append(Finding(summary=f"article {ref.key!r} was last updated {int(age)} days ago",
                                objects=[ref], fix=CHECK.fix))
    return findings


CHECK = Check(
    id="help-center-stale-articles", title="Published articles were updated in the last six months",
    severity="warning", needs=needs, run=run, options={"days": 182},
    fix="review the article against the product today, update it (or archive it)",
    why="stale articles send customers to screens that no longer exist",
)
