"""Automations (``/automations``, wrapper ``automation``).

Same shape as triggers, plus the documented create/update rules: ``conditions.all`` needs at
least one time-based condition (``hours_since_*``, or the legacy upper-case status timers such
as ``SOLVED``) **and** one on status/type/group_id/assignee_id/requester_id, and the automation
must not be idempotent: some condition is true only once (a time condition with ``is``) or some
action changes a field a condition checks.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import blank, invalid
from providers.zendesk.emulator.records import (
    apply_raw, get_or_404, new_id, next_position, parse_id, stamp_created, touch,
)
from providers.zendesk.emulator.rule_common import (
    conditions_from, destroy_many, has_qualifying_condition, normalize_entries, respond_rules,
    search, update_many,
)

BASE = "/api/v2/automations"
LEGACY_TIME_FIELDS = frozenset({
    "NEW", "OPEN", "PENDING", "HOLD", "SOLVED", "CLOSED", "assigned_at", "updated_at",
    "requester_updated_at", "assignee_updated_at", "due_date", "until_due_date",
})
TAG_FIELDS = frozenset({"current_tags", "set_tags", "remove_tags"})


def is_time_based(condition: dict[str, Any]) -> bool:
    field = str(condition.get("field", ""))
    return field.startswith("hours_since_") or field in LEGACY_TIME_FIELDS


def _touched_by(action_field: str) -> set[str]:
    return set(TAG_FIELDS) if action_field in TAG_FIELDS else {action_field}


def validate_rules(conditions: dict[str, list[dict[str, Any]]], actions: list[dict[str, Any]]) -> None:
    all_conditions = conditions.get("all") or []
    if not any(is_time_based(c) for c in all_conditions):
        raise invalid("base", "Automation must have at least one time-based condition in all conditions")
    if not has_qualifying_condition(all_conditions):
        raise invalid("base", "Automation must test for at least one of the following ticket properties "
                              "in the ALL conditions section: Status, Type, Group, Assignee, Requester")
    fires_once = any(is_time_based(c) and c.get("operator") == "is" for c in all_conditions)
    condition_fields = {c.get("field") for c in all_conditions + (conditions.get("any") or [])}
    nullifies = any(condition_fields & _touched_by(str(a.get("field"))) for a in actions)
    if not (fires_once or nullifies):
        raise invalid("base", "Automation must have a condition that is true only once or an action "
                              "that nullifies at least one of the conditions")


def render(ctx: RequestContext, automation: dict[str, Any]) -> dict[str, Any]:
    return {**automation, "url": ctx.api_url(f"/automations/{automation['id']}")}


def _apply(ctx: RequestContext, automation: dict[str, Any], data: dict[str, Any], creating: bool) -> None:
    apply_raw(ctx.store, automation, data, "title")
    if (creating or "title" in data or "raw_title" in data) and not automation.get("raw_title"):
        raise blank("title")
    if creating or "actions" in data:
        automation["actions"] = normalize_entries(data.get("actions"), "actions")
        if not automation["actions"]:
            raise blank("actions")
    conditions = conditions_from(data)
    if conditions is not None:
        automation["conditions"] = conditions
    elif creating:
        raise blank("conditions")
    for name in ("active", "position"):
        if name in data:
            automation[name] = data[name]
    validate_rules(automation["conditions"], automation["actions"])


def list_automations(ctx: RequestContext):
    objs = ctx.store["automations"].values()
    active = ctx.query_bool("active")
    if active is not None:
        objs = [a for a in objs if a["active"] == active]
    return respond_rules(ctx, "automations", objs, render)


def list_active(ctx: RequestContext):
    return respond_rules(ctx, "automations", [a for a in ctx.store["automations"].values() if a["active"]], render)


def search_automations(ctx: RequestContext):
    return respond_rules(ctx, "automations", search(ctx, ctx.store["automations"].values()), render)


def show_automation(ctx: RequestContext, automation_id: str):
    automation = get_or_404(ctx.store["automations"], parse_id(automation_id))
    return json_response(200, {"automation": render(ctx, automation)})


def create_automation(ctx: RequestContext):
    data = ctx.wrapped("automation")
    store = ctx.store
    automation: dict[str, Any] = {
        "id": 0, "title": "", "raw_title": "", "active": True, "default": False,
        "position": next_position(store["automations"].values()),
        "conditions": {"all": [], "any": []}, "actions": [],
    }
    _apply(ctx, automation, data, creating=True)
    automation["id"] = new_id(store, "automations")
    store["automations"].put(stamp_created(automation))
    return json_response(201, {"automation": render(ctx, automation)})


def update_automation(ctx: RequestContext, automation_id: str):
    automation = get_or_404(ctx.store["automations"], parse_id(automation_id))
    draft = {**automation}
    _apply(ctx, draft, ctx.wrapped("automation"), creating=False)
    automation.update(draft)
    touch(automation)
    return json_response(200, {"automation": render(ctx, automation)})


def delete_automation(ctx: RequestContext, automation_id: str):
    automation = get_or_404(ctx.store["automations"], parse_id(automation_id))
    ctx.store["automations"].remove(automation["id"])
    return json_response(204)


def update_many_automations(ctx: RequestContext):
    return update_many(ctx, ctx.store["automations"], "automations", render)


def destroy_many_automations(ctx: RequestContext):
    return destroy_many(ctx, ctx.store["automations"])


def register(router: Router) -> None:
    router.add("GET", BASE, list_automations)
    router.add("POST", BASE, create_automation)
    router.add("GET", f"{BASE}/active", list_active)
    router.add("GET", f"{BASE}/search", search_automations)
    router.add("PUT", f"{BASE}/update_many", update_many_automations)
    router.add("DELETE", f"{BASE}/destroy_many", destroy_many_automations)
    router.add("GET", f"{BASE}/{{automation_id}}", show_automation)
    router.add("PUT", f"{BASE}/{{automation_id}}", update_automation)
    router.add("DELETE", f"{BASE}/{{automation_id}}", delete_automation)
