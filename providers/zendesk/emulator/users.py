"""Users, as far as configuration needs them: the caller (``/users/me``), agents to reference
in restrictions, memberships and custom roles, and lookups by role or email.

Agents are seeded by email (option ``agents``) and read with ``GET /users?role[]=agent&role[]=admin``
or ``/users/search?query=<email>``. Creating users is supported for agents so tests can add
one; end-user management is out of scope for a config provisioner.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid
from providers.zendesk.emulator.group_memberships import add_membership, remove_memberships
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, require, stamp_created, touch

BASE = "/api/v2/users"
ROLES = ("end-user", "agent", "admin")


def _role_type(role: str, custom_role_id: int | None) -> int | None:
    """0 = agent with a custom role, 4 = admin (Zendesk's ``role_type`` codes)."""
    if role == "admin":
        return 4
    return 0 if role == "agent" and custom_role_id is not None else None


def make_user(store: Store, name: str, email: str, *, role: str = "agent", owner: bool = False,
              custom_role_id: int | None = None) -> dict[str, Any]:
    """A user; agents and admins join the default group, as the admin UI does on creation."""
    user = {
        "id": new_id(store, "users"), "name": name, "email": email, "role": role,
        "role_type": _role_type(role, custom_role_id), "custom_role_id": custom_role_id,
        "active": True, "verified": True,
        "suspended": False, "locale": "en-US", "locale_id": 1,
        "time_zone": "Pacific Time (US & Canada)", "default_group_id": None,
        "restricted_agent": False, "moderator": role == "admin", "only_private_comments": False,
        "ticket_restriction": None, "two_factor_auth_enabled": False, "shared": False,
        "shared_agent": False, "tags": [], "user_fields": {}, "organization_id": None,
        "account_owner": owner,
    }
    store["users"].put(stamp_created(user))
    default_group = next((g for g in store["groups"].values() if g.get("default")), None)
    if role in {"agent", "admin"} and default_group is not None:
        add_membership(store, user["id"], default_group["id"])
    return user


def render(ctx: RequestContext, user: dict[str, Any]) -> dict[str, Any]:
    return {**user, "url": ctx.api_url(f"/users/{user['id']}")}


def find_by_email(store: Store, email: str) -> dict[str, Any] | None:
    wanted = email.strip().lower()
    return next((u for u in store["users"].values() if u["email"].lower() == wanted), None)


def list_users(ctx: RequestContext):
    users = sorted(ctx.store["users"].values(), key=lambda u: u["id"])
    roles = ctx.query_list("role")
    if roles:
        users = [u for u in users if u["role"] in roles]
    custom_role = ctx.query("permission_set")
    if custom_role:
        users = [u for u in users if str(u.get("custom_role_id")) == custom_role]
    return respond_list(ctx, "users", [render(ctx, u) for u in users])


def search_users(ctx: RequestContext):
    query = (ctx.query("query") or ctx.query("email") or "").strip().lower()
    if query.startswith("email:"):
        query = query[len("email:"):]
    users = sorted(ctx.store["users"].values(), key=lambda u: u["id"])
    found = [u for u in users if query and (query == u["email"].lower() or query in u["name"].lower())]
    return respond_list(ctx, "users", [render(ctx, u) for u in found])


def show_me(ctx: RequestContext):
    user = get_or_404(ctx.store["users"], ctx.store.extra["me"])
    return json_response(200, {"user": render(ctx, user)})


def show_user(ctx: RequestContext, user_id: str):
    user = get_or_404(ctx.store["users"], parse_id(user_id))
    return json_response(200, {"user": render(ctx, user)})


def _check_role(ctx: RequestContext, data: dict[str, Any]) -> None:
    if "role" in data and data["role"] not in ROLES:
        raise invalid("role", f"Role: {data['role']} is not valid")
    if data.get("custom_role_id") is not None and ctx.store["custom_roles"].get(data["custom_role_id"]) is None:
        raise invalid("custom_role_id", f"Custom role: {data['custom_role_id']} does not exist")


def create_user(ctx: RequestContext):
    data = ctx.wrapped("user")
    require(data, "name")
    _check_role(ctx, data)
    if data.get("email") and find_by_email(ctx.store, data["email"]):
        raise invalid("email", f"Email: {data['email']} is already being used by another user",
                      "DuplicateValue")
    user = make_user(ctx.store, data["name"], data.get("email") or "", role=data.get("role", "end-user"),
                     custom_role_id=data.get("custom_role_id"))
    return json_response(201, {"user": render(ctx, user)})


def update_user(ctx: RequestContext, user_id: str):
    user = get_or_404(ctx.store["users"], parse_id(user_id))
    data = ctx.wrapped("user")
    _check_role(ctx, data)
    for key in ("name", "role", "custom_role_id", "time_zone", "locale", "ticket_restriction", "suspended"):
        if key in data:
            user[key] = data[key]
    user["role_type"] = _role_type(user["role"], user.get("custom_role_id"))
    if user["role"] == "end-user":
        user["custom_role_id"] = None
        remove_memberships(ctx.store, user_id=user["id"])
    touch(user)
    return json_response(200, {"user": render(ctx, user)})


def register(router: Router) -> None:
    router.add("GET", BASE, list_users)
    router.add("POST", BASE, create_user)
    router.add("GET", f"{BASE}/me", show_me)
    router.add("GET", f"{BASE}/search", search_users)
    router.add("GET", f"{BASE}/{{user_id}}", show_user)
    router.add("PUT", f"{BASE}/{{user_id}}", update_user)
