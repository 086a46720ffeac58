"""Every audit check, registered by id (the order is the report's order).

Add a check: write ``checks/<name>.py`` defining ``CHECK = Check(...)``, import it here and
document it in docs/drift.md. ``drift`` itself is a check too (see ``provisioner.audit.run``).
"""

from __future__ import annotations

from provisioner.audit.check import Check
from provisioner.audit.checks import (
    auto_close_agent_reply, groups_without_agents, help_center_article_count, help_center_empty_categories,
    help_center_stale_articles, references_to_deleted, references_to_inactive, sla_coverage, stale_inactive_rules,
    survey_on_solved, too_many_automations, unused_custom_roles, unused_webhooks,
)

CHECKS: tuple[Check, ...] = tuple(module.CHECK for module in (
    sla_coverage, auto_close_agent_reply, survey_on_solved, references_to_deleted, references_to_inactive,
    unused_webhooks, stale_inactive_rules, too_many_automations, help_center_article_count,
    help_center_empty_categories, help_center_stale_articles, groups_without_agents, unused_custom_roles,
))
BY_ID: dict[str, Check] = {check.id: check for check in CHECKS}
assert len(BY_ID) == len(CHECKS), "two checks share an id"
