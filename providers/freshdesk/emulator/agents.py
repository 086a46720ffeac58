"""Agents: ``/api/v2/agents`` (list with filters, view, ``me``, create, update, delete).

What the API allows (research note 1.5): create needs ``email`` and ``ticket_scope``; updates set
``group_ids``, ``role_ids`` (at least one), ``skill_ids``, scope, signature and preferences, but an
agent's **name, phone, mobile and job title cannot be changed** through the API (sending them is
``invalid_field``). Emails are folded to lower case and unique. ``DELETE`` turns the agent back
into a contact, so the agent disappears from the list and from every group and skill.
"""

from __future__ import annotations

import re
from typing import Any

from providers.common.emulation import Router, now_iso
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import duplicate, field_error, invalid, validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import by_id, find, new_id, public, require_ids, stamp
from providers.freshdesk.emulator.validation import Rule, check_body

AGENT_TYPES = {1: "support_agent", 2: "field_agent", 3: "collaborator"}
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

UPDATE_RULES = {
    "email": Rule("string"),
    "ticket_scope": Rule("integer", choices=(1, 2, 3)),
    "occasional": Rule("boolean"),
    "signature": Rule("string", nullable=True),
    "group_ids": Rule("array", items="integer"),
    "role_ids": Rule("array", items="integer"),
    "skill_ids": Rule("array", items="integer"),
    "language": Rule("string"),
    "time_zone": Rule("string"),
    "focus_mode": Rule("boolean"),
    "agent_type": Rule("integer", choices=tuple(AGENT_TYPES)),
}
CREATE_RULES = {
    **UPDATE_RULES,
    "email": Rule("string", required=True),
    "ticket_scope": Rule("integer", required=True, choices=(1, 2, 3)),
    "name": Rule("string"),
}
CONTACT_KEYS = ("language", "time_zone")


def make_agent(agent_id: int, *, name: str, email: str, role_ids: list[int], ticket_scope: int = 1,
               agent_type: int = 1, timestamp: str) -> dict[str, Any]:
    """A stored agent with its embedded contact, as the list and view endpoints return it."""
    return {
        "id": agent_id,
        "available": False,
        "occasional": False,
        "signature": None,
        "ticket_scope": ticket_scope,
        "group_ids": [],
        "role_ids": list(role_ids),
        "skill_ids": [],
        "available_since": None,
        "type": AGENT_TYPES[agent_type],
        "focus_mode": True,
        "contact": {
            "active": True,
            "email": email.lower(),
            "job_title": None,
            "language": "en",
            "last_login_at": None,
            "mobile": None,
            "name": name,
            "phone": None,
            "time_zone": "Eastern Time (US & Canada)",
            "created_at": timestamp,
            "updated_at": timestamp,
        },
        "created_at": timestamp,
        "updated_at": timestamp,
    }


def _validate(ctx: RequestContext, body: dict[str, Any], *, creating: bool, agent_id: Any = None) -> None:
    errors = check_body(body, CREATE_RULES if creating else UPDATE_RULES, creating=creating)
    email = body.get("email")
    if isinstance(email, str) and not EMAIL_PATTERN.match(email):
        errors.append(field_error("email", "It should be in the 'valid email address' format", "invalid_value"))
    if isinstance(body.get("role_ids"), list) and not body["role_ids"]:
        errors.append(field_error("role_ids", "It should contain elements", "invalid_value"))
    if errors:
        raise validation_failed(errors)
    if isinstance(email, str):
        taken = any(a["contact"]["email"] == email.lower() and a["id"] != agent_id
                    for a in ctx.store["agents"].values())
        if taken:
            raise duplicate("email")
    require_ids(ctx.store, "groups", "group_ids", body.get("group_ids"))
    require_ids(ctx.store, "roles", "role_ids", body.get("role_ids"))
    require_ids(ctx.store, "skills", "skill_ids", body.get("skill_ids"))


def _apply(agent: dict[str, Any], body: dict[str, Any]) -> None:
    for key, value in body.items():
        if key == "email":
            agent["contact"]["email"] = value.lower()
        elif key in CONTACT_KEYS:
            agent["contact"][key] = value
        elif key == "agent_type":
            agent["type"] = AGENT_TYPES[value]
        elif key in ("group_ids", "role_ids", "skill_ids"):
            agent[key] = list(dict.fromkeys(value))
        elif key != "name":
            agent[key] = value


def _matches(agent: dict[str, Any], ctx: RequestContext) -> bool:
    contact = agent["contact"]
    email, phone, mobile, state = (ctx.query(k) for k in ("email", "phone", "mobile", "state"))
    if email is not None and contact["email"] != email.lower():
        return False
    if phone is not None and contact["phone"] != phone:
        return False
    if mobile is not None and contact["mobile"] != mobile:
        return False
    if state == "occasional" and not agent["occasional"]:
        return False
    if state == "fulltime" and agent["occasional"]:
        return False
    return True


def list_agents(ctx: RequestContext):
    agents = [public(a) for a in by_id(ctx.store["agents"].values()) if _matches(a, ctx)]
    return paged(ctx, agents)


def view_agent(ctx: RequestContext, agent_id: str):
    return ok(public(find(ctx.store, "agents", parse_id(agent_id))))


def view_me(ctx: RequestContext):
    return ok(public(find(ctx.store, "agents", ctx.current_agent_id)))


def create_agent(ctx: RequestContext):
    body = ctx.body()
    _validate(ctx, body, creating=True)
    agent_role = next((r["id"] for r in ctx.store["roles"].values() if r["name"] == "Agent"), None)
    email = body["email"]
    agent = make_agent(new_id(ctx.store, "agents"), name=body.get("name") or email.split("@")[0],
                       email=email, role_ids=[agent_role] if agent_role else [],
                       ticket_scope=body["ticket_scope"], agent_type=body.get("agent_type", 1),
                       timestamp=now_iso())
    _apply(agent, body)
    ctx.store["agents"].put(agent)
    return created(public(agent))


def update_agent(ctx: RequestContext, agent_id: str):
    agent = find(ctx.store, "agents", parse_id(agent_id))
    body = ctx.body()
    _validate(ctx, body, creating=False, agent_id=agent["id"])
    _apply(agent, body)
    stamp(agent)
    return ok(public(agent))


def delete_agent(ctx: RequestContext, agent_id: str):
    agent = find(ctx.store, "agents", parse_id(agent_id))
    if agent["id"] == ctx.current_agent_id:
        raise invalid("id", "You cannot delete yourself")
    ctx.store["agents"].remove(agent["id"])
    return no_content()


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/agents", list_agents)
    router.add("POST", "/api/v2/agents", create_agent)
    router.add("GET", "/api/v2/agents/me", view_me)
    router.add("GET", "/api/v2/agents/{agent_id}", view_agent)
    router.add("PUT", "/api/v2/agents/{agent_id}", update_agent)
    router.add("DELETE", "/api/v2/agents/{agent_id}", delete_agent)
