"""Automations run hourly on time: Zendesk refuses one whose ``all`` conditions have no time
condition (hours since created, updated, solved, pending...)."""

from __future__ import annotations

from typing import Any

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

# Zendesk's time-based condition fields: the legacy upper-case names and the newer ones.
TIME_FIELDS = frozenset({
    "NEW", "OPEN", "PENDING", "HOLD", "SOLVED", "CLOSED", "ASSIGNED_AT", "UPDATE", "REQUESTER_UPDATE_AT",
    "ASSIGNEE_UPDATE_AT", "DUE_DATE", "UNTIL_DUE_DATE", "assigned_at", "updated_at", "requester_updated_at",
    "assignee_updated_at", "due_date", "until_due_date", "sla_next_breach_at", "until_sla_next_breach_at",
})


def is_time_condition(condition: Any) -> bool:
    field = str(condition.get("field", "")) if isinstance(condition, dict) else ""
    return field in TIME_FIELDS or field.startswith("hours_since_")


def check(context: ValidationContext) -> list[Diagnostic]:
    found = []
    for change in context.changes_of("automations", "create", "update", "replace"):
        conditions = (change.after or {}).get("conditions")
        if conditions is None:
            continue
        if not any(is_time_condition(c) for c in conditions.get("all") or []):
            where = context.desired.find("automations", change.key)
            found.append(Diagnostic(
                severity="error", rule="automation_time_condition", kind="automations", key=change.key,
                summary="an automation needs a time condition in 'all' (for example {field: PENDING, "
                        "operator: greater_than, value: '24'})",
                detail=f"automations run on time; use a trigger for event-based rules"
                       f"{f' ({where.location})' if where else ''}"))
    return found
