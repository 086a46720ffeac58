"""Zendesk's desired state read as SLA targets, routing rules, macros, views and integrations."""

from __future__ import annotations

import re
from typing import Any

from providers.zendesk.docs.plain_language import action, condition
from provisioner.desired.state import DesiredState
from provisioner.docs.model import (Integration, MacroDescription, RoutingRule, SlaPolicy, SlaTarget,
                                    ViewDescription)
from provisioner.docs.sla import duration

PRIORITY_LABELS = {"urgent": "P1 Urgent", "high": "P2 High", "normal": "P3 Normal", "low": "P4 Low"}
RESOLUTION_METRICS = ("requester_wait_time", "agent_work_time", "total_resolution_time")
ROUTING_ACTIONS = {"group_id", "assignee_id"}
NOTIFY_ACTIONS = {"notification_webhook", "notification_target", "notification_user", "notification_group"}
REPLY_ACTIONS = {"comment_value", "comment_value_html", "comment_mode_is_public"}


class ZendeskDocs:
    def sla_policies(self, state: DesiredState) -> list[SlaPolicy]:
        policies = []
        for obj in state.of("sla_policies"):
            doc = obj.doc
            metrics: dict[str, dict[str, Any]] = {}
            for metric in doc.get("policy_metrics", []):
                metrics.setdefault(metric["priority"], {})[metric["metric"]] = metric
            targets = []
            for priority in ("urgent", "high", "normal", "low"):
                found = metrics.get(priority)
                if not found:
                    continue
                resolution = next((found[m] for m in RESOLUTION_METRICS if m in found), None)
                business = any(m.get("business_hours") for m in found.values())
                targets.append(SlaTarget(
                    priority=PRIORITY_LABELS[priority],
                    first_reply=duration(found.get("first_reply_time", {}).get("target")),
                    next_reply=duration(found.get("next_reply_time", {}).get("target")),
                    resolution=duration(resolution["target"]) if resolution else "—",
                    hours="business hours" if business else "calendar hours"))
            conditions = doc.get("filter", {})
            applies = [condition(state, c) for c in conditions.get("all", [])]
            if conditions.get("any"):
                applies.append("any of: " + ", ".join(condition(state, c) for c in conditions["any"]))
            policies.append(SlaPolicy(doc["title"], doc.get("description") or "", applies, targets))
        return policies

    def routing(self, state: DesiredState) -> list[RoutingRule]:
        rules = []
        for order, obj in enumerate(state.of("triggers"), start=1):
            doc = obj.doc
            actions = doc.get("actions", [])
            rules.append(RoutingRule(
                order=order, title=doc["title"], active=doc.get("active", True) is not False,
                category=str(doc.get("category_id") or ""),
                when_all=[condition(state, c) for c in (doc.get("conditions") or {}).get("all", [])],
                when_any=[condition(state, c) for c in (doc.get("conditions") or {}).get("any", [])],
                destinations=[str(a["value"]) for a in actions if a.get("field") in ROUTING_ACTIONS],
                effects=[action(state, a) for a in actions
                         if a.get("field") not in ROUTING_ACTIONS | NOTIFY_ACTIONS],
                notifies=[_notified(a) for a in actions if a.get("field") in NOTIFY_ACTIONS]))
        return rules

    def macros(self, state: DesiredState) -> list[MacroDescription]:
        described = []
        for obj in state.of("macros"):
            doc = obj.doc
            actions = doc.get("actions", [])
            public = next((str(a["value"]).lower() != "false" for a in actions
                           if a.get("field") == "comment_mode_is_public"), True)
            text = next((str(a["value"]) for a in actions if a.get("field") in {"comment_value", "comment_value_html"}), None)
            moves = next((str(a["value"]) for a in actions if a.get("field") == "group_id"), None)
            restriction = doc.get("restriction") or {}
            described.append(MacroDescription(
                title=doc["title"],
                category=doc["title"].split("::")[0].strip() if "::" in doc["title"] else
                ("Escalation" if moves else "General"),
                sets=[action(state, a) for a in actions if a.get("field") not in REPLY_ACTIONS],
                reply=text if public else None, note=None if public else text, moves_to=moves,
                available_to=("groups " + ", ".join(map(str, restriction.get("ids") or []))) if restriction.get("type") == "Group"
                else "all agents"))
        return described

    def views(self, state: DesiredState) -> list[ViewDescription]:
        described = []
        for obj in state.of("views"):
            conditions = obj.doc.get("conditions") or {}
            shows = [condition(state, c) for c in conditions.get("all", [])]
            if conditions.get("any"):
                shows.append("any of: " + ", ".join(condition(state, c) for c in conditions["any"]))
            described.append(ViewDescription(obj.doc["title"], shows))
        return described

    def integrations(self, state: DesiredState) -> list[Integration]:
        used: dict[str, list[str]] = {}
        for kind in ("triggers", "automations"):
            for obj in state.of(kind):
                for item in obj.doc.get("actions", []):
                    if item.get("field") in {"notification_webhook", "notification_target"} and item.get("value"):
                        used.setdefault(str(item["value"][0]), []).append(f"{kind[:-1]} {obj.key}")
        found = []
        for obj in state.of("webhooks"):
            found.append(Integration(obj.key, "webhook", str(obj.doc.get("endpoint", "")), used.get(obj.key, []),
                                     _env_names(obj.doc.get("authentication"))))
        for obj in state.of("targets"):
            found.append(Integration(obj.key, "target (legacy)", str(obj.doc.get("target_url") or obj.doc.get("email", "")),
                                     used.get(obj.key, []), []))
        for obj in state.of("app_installations"):
            shown_to = [f"groups {', '.join(map(str, obj.doc['group_restrictions']))}"] if obj.doc.get("group_restrictions") else []
            shown_to += [f"roles {', '.join(map(str, obj.doc['role_restrictions']))}"] if obj.doc.get("role_restrictions") else []
            found.append(Integration(obj.key, "app", "", shown_to,
                                     _env_names([obj.doc.get("settings"), obj.doc.get("secure_settings")])))
        return found


def _notified(item: dict[str, Any]) -> str:
    value = item.get("value")
    target = value[0] if isinstance(value, list) and value else value
    label = {"notification_webhook": "webhook", "notification_target": "target",
             "notification_user": "user", "notification_group": "group"}[item["field"]]
    return f"{label} {target}"


def _env_names(value: Any) -> list[str]:
    """Names in ``${env:NAME}`` placeholders anywhere inside a value (never the values)."""
    return sorted(set(re.findall(r"\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}", repr(value)))) if value else []
