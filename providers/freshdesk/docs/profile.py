"""Freshdesk's desired state read as SLA targets, routing rules, canned responses and webhooks.

Freshdesk priorities are numbers (4 urgent … 1 low) and SLA targets are seconds; dispatcher
("ticket creation") rules route new tickets in order; canned responses are what agents insert;
webhooks exist only as a rule action (``trigger_webhook``). Freshdesk exposes no views.
"""

from __future__ import annotations

import re
from typing import Any

from provisioner.desired.state import DesiredState
from provisioner.docs.model import (Integration, MacroDescription, RoutingRule, SlaPolicy, SlaTarget,
                                    ViewDescription)
from provisioner.docs.sla import duration

PRIORITIES = {"priority_4": "P1 Urgent", "priority_3": "P2 High", "priority_2": "P3 Medium", "priority_1": "P4 Low"}
RULE_KINDS = ("ticket_creation_rules", "ticket_update_rules", "time_trigger_rules")
ROUTING_FIELDS = {"group_id", "responder_id"}
OPERATORS = {"in": "is one of", "is": "is", "is_not": "is not", "not_in": "is not one of",
             "contains_any_of": "contains any of", "contains": "contains", "greater_than": "is greater than",
             "less_than": "is less than"}


def minutes(seconds: Any) -> int | None:
    return int(seconds) // 60 if isinstance(seconds, (int, float)) else None


def phrase(prop: dict[str, Any]) -> str:
    field = str(prop.get("field_name", "")).replace("_", " ")
    value = prop.get("value")
    shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    where = f"{prop['resource_type']} " if prop.get("resource_type") not in (None, "ticket") else ""
    return f"{where}{field} {OPERATORS.get(str(prop.get('operator')), prop.get('operator'))} {shown}"


def text_of(html: Any) -> str | None:
    """Canned responses are HTML; the reference shows their words."""
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", str(html or ""))).strip()
    return words or None


def effect(item: dict[str, Any]) -> str:
    field, value = str(item.get("field_name", "")), item.get("value")
    if field == "add_watcher":
        return f"add watchers {', '.join(map(str, value or []))}"
    if field.startswith("send_email_to"):
        return f"email {item.get('email_to', field.removeprefix('send_email_to_'))}"
    return f"set {field.replace('_', ' ')} to {value}"


class FreshdeskDocs:
    def sla_policies(self, state: DesiredState) -> list[SlaPolicy]:
        policies = []
        for obj in state.of("sla_policies"):
            doc, targets = obj.doc, []
            for key, label in PRIORITIES.items():
                target = (doc.get("sla_target") or {}).get(key)
                if not target:
                    continue
                targets.append(SlaTarget(
                    priority=label, first_reply=duration(minutes(target.get("respond_within"))),
                    next_reply=duration(minutes(target.get("next_respond_within"))),
                    resolution=duration(minutes(target.get("resolve_within"))),
                    hours="business hours" if target.get("business_hours") else "calendar hours"))
            applies = [f"{name.removesuffix('_ids').removesuffix('s').replace('_', ' ')} is one of {', '.join(map(str, values))}"
                       for name, values in (doc.get("applicable_to") or {}).items() if values]
            policies.append(SlaPolicy(doc["name"], doc.get("description") or "", applies, targets))
        return policies

    def routing(self, state: DesiredState) -> list[RoutingRule]:
        rules, order = [], 0
        for kind in RULE_KINDS:
            for obj in state.of(kind):
                order += 1
                doc = obj.doc
                sets = doc.get("conditions") or []
                joiner = doc.get("operator", "AND")
                when_all, when_any = [], []
                for condition_set in sets:
                    words = [phrase(p) for p in condition_set.get("properties", [])]
                    if condition_set.get("match_type") == "any" and len(words) > 1:
                        (when_any if joiner == "AND" else when_all).append(" or ".join(words))
                    else:
                        when_all += words
                actions = doc.get("actions") or []
                rules.append(RoutingRule(
                    order=order, title=doc["name"], active=doc.get("active", True) is not False,
                    category=kind.replace("_", " ").removesuffix("s"),
                    when_all=when_all, when_any=when_any,
                    destinations=[str(a["value"]) for a in actions if a.get("field_name") in ROUTING_FIELDS],
                    effects=[effect(a) for a in actions
                             if a.get("field_name") not in ROUTING_FIELDS | {"trigger_webhook"}],
                    notifies=[f"webhook {a.get('url', '')}" for a in actions if a.get("field_name") == "trigger_webhook"]))
        return rules

    def macros(self, state: DesiredState) -> list[MacroDescription]:
        return [MacroDescription(
            title=obj.doc["title"], category=str(obj.doc.get("folder_id") or "General"), sets=[],
            reply=text_of(obj.doc.get("content_html")), note=None, moves_to=None,
            available_to=("groups " + ", ".join(map(str, obj.doc.get("group_ids") or [])))
            if obj.doc.get("group_ids") else str(obj.doc.get("visibility", "all agents")).replace("_", " "))
            for obj in state.of("canned_responses")]

    def views(self, state: DesiredState) -> list[ViewDescription]:
        return []  # Freshdesk's API does not expose ticket views.

    def integrations(self, state: DesiredState) -> list[Integration]:
        found: dict[str, Integration] = {}
        for kind in RULE_KINDS:
            for obj in state.of(kind):
                for action in obj.doc.get("actions") or []:
                    if action.get("field_name") != "trigger_webhook":
                        continue
                    url = str(action.get("url", ""))
                    current = found.get(url) or Integration(url, "webhook (rule action)", url, [], [])
                    found[url] = Integration(current.name, current.kind, current.endpoint,
                                             current.used_by + [obj.doc["name"]], current.credentials)
        return list(found.values())
