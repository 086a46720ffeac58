"""Freshdesk's kinds as the audit checks' concepts (``provisioner.audit.profile``).

What Freshdesk means by each: SLA targets per ``priority_1`` (Low) … ``priority_4`` (Urgent)
with ``respond_within`` and ``resolve_within``; time-trigger rules that set status 4 (Resolved)
or 5 (Closed), safe when they wait for status 3 (Pending) or count hours since the agent
responded; the satisfaction survey as the ``{{ticket.satisfaction_survey}}`` placeholder in an
email action; group members and role holders from the agents (``group_ids``, ``role_ids``);
solution articles (status 2 is published) under their category.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from provisioner.audit.profile import AuditProfile, AutoCloseConcept, CountConcept, HelpCenterConcept, SlaConcept, SurveyConcept
from provisioner.kind import Doc

PRIORITY = {"priority_4": "urgent", "priority_3": "high", "priority_2": "normal", "priority_1": "low"}
PENDING, RESOLVED, CLOSED = 3, 4, 5
PUBLISHED = 2
SURVEY_PLACEHOLDER = "ticket.satisfaction_survey"
RULE_KINDS = ("ticket_creation_rules", "ticket_update_rules", "time_trigger_rules")


def sla_targets(policy: Doc) -> Iterable[tuple[str, str]]:
    for name, target in (policy.get("sla_target") or {}).items():
        if name not in PRIORITY or not isinstance(target, dict):
            continue
        if target.get("respond_within") is not None:
            yield PRIORITY[name], "first_reply"
        if target.get("resolve_within") is not None:
            yield PRIORITY[name], "resolution"


def _properties(rule: Doc) -> list[Doc]:
    """Conditions that must hold: every property of an ``all`` set (both sets when joined by AND)."""
    sets = [s for s in rule.get("conditions") or [] if isinstance(s, dict)]
    if rule.get("operator") == "OR" and len(sets) > 1:
        return []
    return [p for s in sets if s.get("match_type") == "all" for p in s.get("properties") or []]


def _status_in(rule: Doc, statuses: set[int]) -> bool:
    for prop in _properties(rule):
        if prop.get("field_name") == "status" and prop.get("operator") in {"in", "is"}:
            values = prop.get("value") if isinstance(prop.get("value"), list) else [prop.get("value")]
            if values and all(v in statuses for v in values):
                return True
    return False


def _field_used(rule: Doc, names: set[str]) -> bool:
    return any(p.get("field_name") in names for p in _properties(rule))


def closes_unsolved(rule: Doc) -> bool:
    closes = any(a.get("field_name") == "status" and a.get("value") in {RESOLVED, CLOSED}
                 for a in rule.get("actions") or [])
    return closes and not _status_in(rule, {RESOLVED, CLOSED})


def waits_for_agent_reply(rule: Doc) -> bool:
    return _status_in(rule, {PENDING}) or _field_used(rule, {"hours_since_agent_responded", "hours_since_pending"})


def sends_survey(rule: Doc) -> bool:
    return any(SURVEY_PLACEHOLDER in str(value) for action in rule.get("actions") or []
               for value in action.values() if isinstance(value, str))


def survey_moment(rule: Doc) -> str | None:
    """From the rule's conditions, or (ticket update rules) the status change that fires it."""
    changes = {e.get("to") for e in rule.get("events") or [] if e.get("field_name") == "status"}
    if _status_in(rule, {CLOSED}) or CLOSED in changes or _field_used(rule, {"hours_since_closed"}):
        return "closed"
    if _status_in(rule, {RESOLVED}) or RESOLVED in changes or _field_used(rule, {"hours_since_resolved"}):
        return "solved"
    return None


def _active_agents(raw: Mapping[str, list[Doc]]) -> list[Doc]:
    return [a for a in raw.get("agents", []) if (a.get("contact") or {}).get("active", True) is not False]


def _count(raw: Mapping[str, list[Doc]], field: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for agent in _active_agents(raw):
        for obj_id in agent.get(field) or []:
            counts[str(obj_id)] = counts.get(str(obj_id), 0) + 1
    return counts


AUDIT_PROFILE = AuditProfile(
    sla=SlaConcept(kind="sla_policies", targets=sla_targets),
    auto_close=AutoCloseConcept(kind="time_trigger_rules", closes_unsolved=closes_unsolved,
                                waits_for_agent_reply=waits_for_agent_reply),
    survey=SurveyConcept(kinds=("ticket_update_rules", "time_trigger_rules"), sends_survey=sends_survey,
                         fires_on=survey_moment),
    rule_kinds=(*RULE_KINDS, "canned_responses", "sla_policies"),
    automations=RULE_KINDS,
    reference_targets=("groups", "business_hours"),
    help_center=HelpCenterConcept(articles="solution_articles", categories="solution_categories",
                                  published=lambda article: article.get("status") == PUBLISHED,
                                  categories_of=lambda article, raw: [article.get("category_id")]),
    group_members=CountConcept(kind="groups", count=lambda raw: _count(raw, "group_ids"), needs=("agents",)),
    role_holders=CountConcept(kind="roles", count=lambda raw: _count(raw, "role_ids"), needs=("agents",),
                              applies=lambda role: not role.get("default")),
)
