"""Intercom's kinds as the audit checks' concepts (``provisioner.audit.profile``).

Intercom's API exposes no SLA rules, workflows, webhooks or roles to manage, so the checks on
those are skipped with a note. What it does expose: teams and their teammates (``admin_ids``),
and the help center — articles (``state: published``) in collections, which nest, so an
article fills every collection above it. Timestamps are Unix seconds.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.profile import AuditProfile, CountConcept, HelpCenterConcept
from provisioner.kind import Doc


def article_collections(article: Doc, raw: Mapping[str, list[Doc]]) -> list[Any]:
    """The article's collections and all their ancestors."""
    parents = {str(c.get("id")): c.get("parent_id") for c in raw.get("collections", [])}
    found: list[Any] = []
    for start in article.get("parent_ids") or ([article["parent_id"]] if article.get("parent_id") else []):
        current: Any = start
        while current is not None and str(current) not in map(str, found):
            found.append(current)
            current = parents.get(str(current))
    return found


def team_members(raw: Mapping[str, list[Doc]]) -> dict[str, int]:
    """Teammates per team, counting only teammates the workspace still has."""
    admins = {str(a.get("id")) for a in raw.get("admins", [])}
    return {str(team.get("id")): sum(1 for a in team.get("admin_ids") or [] if str(a) in admins)
            for team in raw.get("teams", [])}


AUDIT_PROFILE = AuditProfile(
    help_center=HelpCenterConcept(articles="articles", categories="collections",
                                  published=lambda article: article.get("state") == "published",
                                  categories_of=article_collections),
    group_members=CountConcept(kind="teams", count=team_members, needs=("admins",)),
)
