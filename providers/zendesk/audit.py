"""Zendesk's kinds as the audit checks' concepts (``provisioner.audit.profile``).

What Zendesk means by each: SLA metrics ``first_reply_time`` and the resolution-type metrics;
auto-close automations that set status solved/closed, safe when they wait for status pending
(an agent replied and asked the customer); the satisfaction survey as the action
``satisfaction_score`` or a ``{{satisfaction.*}}`` placeholder in a notification; group
members and role holders counted over active agents; help-center articles (``draft: false`` is
published) in sections in categories.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from provisioner.audit.profile import (AuditProfile, AutoCloseConcept, CountConcept, HelpCenterConcept, SlaConcept,
                                       SurveyConcept, WebhookConcept, default_updated_at)
from provisioner.kind import Doc

FIRST_REPLY = {"first_reply_time"}
RESOLUTION = {"requester_wait_time", "agent_work_time", "total_resolution_time"}
SURVEY_PLACEHOLDER = re.compile(r"\{\{\s*satisfaction\.")
WEBHOOK_FOR_RULES = "conditional_ticket_events"


def _conditions(rule: Doc) -> list[Doc]:
    conditions = rule.get("conditions") or {}
    return [c for c in conditions.get("all") or [] if isinstance(c, dict)]


def _actions(rule: Doc) -> list[Doc]:
    return [a for a in rule.get("actions") or [] if isinstance(a, dict)]


def _status_is(rule: Doc, statuses: set[str]) -> bool:
    return any(c.get("field") == "status" and c.get("operator") == "is" and str(c.get("value")) in statuses
               for c in _conditions(rule))


def _timer(rule: Doc, status: str) -> bool:
    """A time condition counting from a status (legacy ``PENDING`` or ``hours_since_pending``)."""
    names = {status.upper(), f"hours_since_{status}"}
    return any(c.get("field") in names for c in _conditions(rule))


def sla_targets(policy: Doc) -> Iterable[tuple[str, str]]:
    for metric in policy.get("policy_metrics") or []:
        name, priority = metric.get("metric"), metric.get("priority")
        if metric.get("target") is None or not priority:
            continue
        if name in FIRST_REPLY:
            yield priority, "first_reply"
        elif name in RESOLUTION:
            yield priority, "resolution"


def closes_unsolved(rule: Doc) -> bool:
    closes = any(a.get("field") == "status" and a.get("value") in {"solved", "closed"} for a in _actions(rule))
    return closes and not _status_is(rule, {"solved", "closed"})


def waits_for_agent_reply(rule: Doc) -> bool:
    """Pending means an agent replied and is waiting on the customer; ``PENDING`` hours count from it."""
    return _status_is(rule, {"pending"}) or _timer(rule, "pending")


def sends_survey(rule: Doc) -> bool:
    for action in _actions(rule):
        if action.get("field") == "satisfaction_score":
            return True
        values = action.get("value") if isinstance(action.get("value"), list) else [action.get("value")]
        if any(isinstance(v, str) and SURVEY_PLACEHOLDER.search(v) for v in values):
            return True
    return False


def survey_moment(rule: Doc) -> str | None:
    if _status_is(rule, {"closed"}) or _timer(rule, "closed"):
        return "closed"
    if _status_is(rule, {"solved"}) or _timer(rule, "solved"):
        return "solved"
    return None


def _active_agents(raw: Mapping[str, list[Doc]]) -> dict[str, Doc]:
    return {str(u.get("id")): u for u in raw.get("agents", [])
            if u.get("role") in {"agent", "admin"} and u.get("active", True) and not u.get("suspended")}


def group_members(raw: Mapping[str, list[Doc]]) -> dict[str, int]:
    """Active agents per group id, from ``/group_memberships`` rows (``user_id``, ``group_id``) or
    from the provider's ``group_memberships`` kind, which reads one entry per group (``id``,
    ``user_ids``)."""
    agents = _active_agents(raw)
    counts: dict[str, int] = {}
    for entry in raw.get("group_memberships", []):
        if "user_ids" in entry:
            group, users = str(entry.get("id")), entry.get("user_ids") or []
        else:
            group, users = str(entry.get("group_id")), [entry.get("user_id")]
        counts[group] = counts.get(group, 0) + sum(1 for user in users if str(user) in agents)
    return counts


def role_holders(raw: Mapping[str, list[Doc]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for agent in _active_agents(raw).values():
        if agent.get("custom_role_id") is not None:
            role = str(agent["custom_role_id"])
            counts[role] = counts.get(role, 0) + 1
    return counts


def article_categories(article: Doc, raw: Mapping[str, list[Doc]]) -> list[Any]:
    """An article's category, through its section."""
    sections = {str(s.get("id")): s for s in raw.get("help_center_sections", [])}
    section = sections.get(str(article.get("section_id")))
    return [section.get("category_id")] if section else []


def updated_at(kind: str, raw: Doc) -> str | int | None:
    """Articles age from their last edit (``edited_at``), not from votes or comments."""
    if kind == "help_center_articles" and isinstance(raw.get("edited_at"), str):
        return raw["edited_at"]
    return default_updated_at(kind, raw)


AUDIT_PROFILE = AuditProfile(
    sla=SlaConcept(kind="sla_policies", targets=sla_targets),
    auto_close=AutoCloseConcept(kind="automations", closes_unsolved=closes_unsolved,
                                waits_for_agent_reply=waits_for_agent_reply),
    survey=SurveyConcept(kinds=("triggers", "automations"), sends_survey=sends_survey, fires_on=survey_moment),
    rule_kinds=("triggers", "automations", "macros", "views", "sla_policies"),
    automations=("automations",),
    reference_targets=("groups", "ticket_fields", "brands", "schedules"),
    webhooks=WebhookConcept(kind="webhooks",
                            used_outside_rules=lambda hook: any(s != WEBHOOK_FOR_RULES for s in hook.get("subscriptions") or [])),
    help_center=HelpCenterConcept(articles="help_center_articles", categories="help_center_categories",
                                  published=lambda article: article.get("draft") is False,
                                  categories_of=article_categories, needs=("help_center_sections",)),
    group_members=CountConcept(kind="groups", count=group_members, needs=("group_memberships", "agents")),
    role_holders=CountConcept(kind="custom_roles", count=role_holders, needs=("agents",),
                              applies=lambda role: role.get("role_type", 0) == 0),
    updated_at=updated_at,
)
