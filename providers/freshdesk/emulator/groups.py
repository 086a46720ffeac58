"""Groups: ``/api/v2/groups`` (list, view, create, update, delete).

Quirks kept from the live API and the docs (research note 1.5):
- ``name`` is mandatory and unique; a duplicate answers 409 ``duplicate_value``.
- ``auto_ticket_assign`` is 0 or 1 on this endpoint (booleans are accepted on write).
- ``agent_ids`` is returned when one group is read but **omitted from the list**, as a live client
  found, so reading membership needs one GET per group.
- ``unassigned_for`` takes only the documented durations; ``escalate_to`` must be an agent.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator import membership
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import duplicate, validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import by_id, find, name_taken, new_id, public, require_ids, stamp
from providers.freshdesk.emulator.validation import Rule, check_body, not_one_of

UNASSIGNED_FOR = ("30m", "1h", "2h", "4h", "8h", "12h", "1d", "2d", "3d")
GROUP_TYPES = ("support_agent_group", "field_agent_group")

RULES = {
    "name": Rule("string", required=True),
    "description": Rule("string", nullable=True),
    "agent_ids": Rule("array", items="integer"),
    "escalate_to": Rule("integer", nullable=True),
    "unassigned_for": Rule("string", choices=UNASSIGNED_FOR, nullable=True),
    "auto_ticket_assign": Rule("any"),
    "group_type": Rule("string", choices=GROUP_TYPES),
    "business_hour_id": Rule("integer", nullable=True),
}


def render(ctx: RequestContext, group: dict[str, Any], *, with_agents: bool = True) -> dict[str, Any]:
    body = public(group)
    if with_agents:
        body["agent_ids"] = membership.members(ctx.store, "group_ids", group["id"])
    return body


def _validate(ctx: RequestContext, body: dict[str, Any], *, creating: bool, group_id: Any = None) -> None:
    errors = check_body(body, RULES, creating=creating)
    assign = body.get("auto_ticket_assign")
    if "auto_ticket_assign" in body and assign not in (0, 1, True, False):
        errors.append(not_one_of("auto_ticket_assign", (0, 1)))
    if errors:
        raise validation_failed(errors)
    if "name" in body and name_taken(ctx.store["groups"].values(), body["name"], except_id=group_id):
        raise duplicate("name")
    require_ids(ctx.store, "agents", "agent_ids", body.get("agent_ids"))
    if body.get("escalate_to") is not None:
        require_ids(ctx.store, "agents", "escalate_to", [body["escalate_to"]])
    if body.get("business_hour_id") is not None:
        require_ids(ctx.store, "business_hours", "business_hour_id", [body["business_hour_id"]])


def _apply(ctx: RequestContext, group: dict[str, Any], body: dict[str, Any]) -> None:
    for key, value in body.items():
        if key == "agent_ids":
            membership.set_members(ctx.store, "group_ids", group["id"], value)
        elif key == "auto_ticket_assign":
            group[key] = int(bool(value))
        else:
            group[key] = value


def list_groups(ctx: RequestContext):
    groups = [render(ctx, g, with_agents=False) for g in by_id(ctx.store["groups"].values())]
    return paged(ctx, groups)


def view_group(ctx: RequestContext, group_id: str):
    return ok(render(ctx, find(ctx.store, "groups", parse_id(group_id))))


def create_group(ctx: RequestContext):
    body = ctx.body()
    _validate(ctx, body, creating=True)
    group = {
        "id": new_id(ctx.store, "groups"),
        "name": body["name"],
        "description": None,
        "escalate_to": None,
        "unassigned_for": "30m",
        "business_hour_id": None,
        "auto_ticket_assign": 0,
        "group_type": "support_agent_group",
    }
    ctx.store["groups"].put(stamp(group, created=True))
    _apply(ctx, group, body)
    return created(render(ctx, group))


def update_group(ctx: RequestContext, group_id: str):
    group = find(ctx.store, "groups", parse_id(group_id))
    body = ctx.body()
    _validate(ctx, body, creating=False, group_id=group["id"])
    _apply(ctx, group, body)
    stamp(group)
    return ok(render(ctx, group))


def delete_group(ctx: RequestContext, group_id: str):
    group = find(ctx.store, "groups", parse_id(group_id))
    membership.forget(ctx.store, "group_ids", group["id"])
    ctx.store["groups"].remove(group["id"])
    return no_content()


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/groups", list_groups)
    router.add("POST", "/api/v2/groups", create_group)
    router.add("GET", "/api/v2/groups/{group_id}", view_group)
    router.add("PUT", "/api/v2/groups/{group_id}", update_group)
    router.add("DELETE", "/api/v2/groups/{group_id}", delete_group)
