"""Skills: ``/api/v2/admin/skills`` (list, view, create, update, delete).

The docs describe update as ``PUT``, but a live client had to use **``PATCH``** and got 405 for
PUT (research note 1.5, [L]); the emulator serves PATCH only. ``rank`` orders skills: a new skill
goes last unless a rank is given, and setting a rank shifts the others. ``agents`` is a list of
``{"id": ...}`` and mirrors each agent's ``skill_ids``. Conditions pass through as given, except
that each must name a ``resource_type`` and ``field_name`` (their shape varies by account).
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator import membership
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import field_error, validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import (by_position, find, new_id, place, public,
                                                   renumber, require_ids, stamp)
from providers.freshdesk.emulator.validation import Rule, check_body, ensure_list_of_objects

RESOURCE_TYPES = ("ticket", "contact", "company")
RULES = {
    "name": Rule("string", required=True),
    "rank": Rule("positive_integer"),
    "agents": Rule("array"),
    "match_type": Rule("string", choices=("all", "any")),
    "conditions": Rule("array"),
}


def render(ctx: RequestContext, skill: dict[str, Any]) -> dict[str, Any]:
    body = public(skill)
    body["agents"] = [{"id": i} for i in membership.members(ctx.store, "skill_ids", skill["id"])]
    return body


def _agent_ids(body: dict[str, Any]) -> list[Any]:
    return [a.get("id") for a in body.get("agents", [])]


def _validate(ctx: RequestContext, body: dict[str, Any], *, creating: bool, skill_id: Any = None) -> None:
    errors = check_body(body, RULES, creating=creating)
    if isinstance(body.get("agents"), list):
        errors.extend(ensure_list_of_objects("agents", body["agents"]))
        if not errors and any(not isinstance(i, int) for i in _agent_ids(body)):
            errors.append(field_error("agents", "Each agent needs a numeric id", "datatype_mismatch"))
    if isinstance(body.get("conditions"), list):
        problems = ensure_list_of_objects("conditions", body["conditions"])
        if not problems:
            for condition in body["conditions"]:
                if condition.get("resource_type") not in RESOURCE_TYPES or not condition.get("field_name"):
                    problems.append(field_error("conditions", "Each condition needs a resource_type "
                                                "(ticket, contact or company) and a field_name", "invalid_value"))
                    break
        errors.extend(problems)
    if errors:
        raise validation_failed(errors)
    require_ids(ctx.store, "agents", "agents", _agent_ids(body))


def _apply(ctx: RequestContext, skill: dict[str, Any], body: dict[str, Any]) -> None:
    for key, value in body.items():
        if key == "agents":
            membership.set_members(ctx.store, "skill_ids", skill["id"], _agent_ids(body))
        elif key != "rank":
            skill[key] = value
    if "rank" in body or "rank" not in skill:
        place(ctx.store["skills"].values(), skill, body.get("rank"), key="rank")


def list_skills(ctx: RequestContext):
    return paged(ctx, [render(ctx, s) for s in by_position(ctx.store["skills"].values(), "rank")])


def view_skill(ctx: RequestContext, skill_id: str):
    return ok(render(ctx, find(ctx.store, "skills", parse_id(skill_id))))


def create_skill(ctx: RequestContext):
    body = ctx.body()
    _validate(ctx, body, creating=True)
    skill = {"id": new_id(ctx.store, "skills"), "name": body["name"], "match_type": "all", "conditions": []}
    ctx.store["skills"].put(stamp(skill, created=True))
    _apply(ctx, skill, body)
    return created(render(ctx, skill))


def update_skill(ctx: RequestContext, skill_id: str):
    skill = find(ctx.store, "skills", parse_id(skill_id))
    body = ctx.body()
    _validate(ctx, body, creating=False, skill_id=skill["id"])
    _apply(ctx, skill, body)
    stamp(skill)
    return ok(render(ctx, skill))


def delete_skill(ctx: RequestContext, skill_id: str):
    skill = find(ctx.store, "skills", parse_id(skill_id))
    membership.forget(ctx.store, "skill_ids", skill["id"])
    ctx.store["skills"].remove(skill["id"])
    renumber(ctx.store["skills"].values(), key="rank")
    return no_content()


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/admin/skills", list_skills)
    router.add("POST", "/api/v2/admin/skills", create_skill)
    router.add("GET", "/api/v2/admin/skills/{skill_id}", view_skill)
    router.add("PATCH", "/api/v2/admin/skills/{skill_id}", update_skill)
    router.add("DELETE", "/api/v2/admin/skills/{skill_id}", delete_skill)
