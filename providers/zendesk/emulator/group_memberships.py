"""Group memberships (``/group_memberships``, wrapper ``group_membership``).

A membership ties an agent (or admin) to a live group; end users cannot join groups and a
pair can exist only once. An agent's first membership becomes their default; removing the
default hands that role to another membership. Also reachable under ``/users/{id}`` and
``/groups/{id}``.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid, not_found
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, stamp_created, touch

BASE = "/api/v2/group_memberships"


def add_membership(store: Store, user_id: int, group_id: int) -> dict[str, Any]:
    """Validate and create a membership; shared with user creation (agents join a group)."""
    user = store["users"].get(user_id)
    if user is None:
        raise invalid("user_id", f"User: {user_id} does not exist")
    if user["role"] not in {"agent", "admin"}:
        raise invalid("user_id", "User: end users cannot be added to groups")
    group = store["groups"].get(group_id)
    if group is None or group.get("deleted"):
        raise invalid("group_id", f"Group: {group_id} does not exist")
    mine = [m for m in store["group_memberships"].values() if m["user_id"] == user["id"]]
    if any(m["group_id"] == group["id"] for m in mine):
        raise invalid("user_id", "User: is already a member of this group", "DuplicateValue")
    membership = {"id": new_id(store, "group_memberships"), "user_id": user["id"], "group_id": group["id"],
                  "default": not mine}
    if not mine:
        user["default_group_id"] = group["id"]
    return store["group_memberships"].put(stamp_created(membership))


def remove_memberships(store: Store, *, group_id: int | None = None, user_id: int | None = None) -> None:
    for membership in store["group_memberships"].values():
        if membership["group_id"] == group_id or membership["user_id"] == user_id:
            _remove(store, membership)


def _remove(store: Store, membership: dict[str, Any]) -> None:
    store["group_memberships"].remove(membership["id"])
    if membership["default"]:
        rest = sorted((m for m in store["group_memberships"].values() if m["user_id"] == membership["user_id"]),
                      key=lambda m: m["id"])
        user = store["users"].get(membership["user_id"])
        if rest:
            rest[0]["default"] = True
        if user is not None:
            user["default_group_id"] = rest[0]["group_id"] if rest else None


def render(ctx: RequestContext, membership: dict[str, Any]) -> dict[str, Any]:
    return {**membership, "url": ctx.api_url(f"/group_memberships/{membership['id']}")}


def _listing(ctx: RequestContext, *, user_id: int | None = None, group_id: int | None = None):
    memberships = sorted(ctx.store["group_memberships"].values(), key=lambda m: m["id"])
    if user_id is not None:
        memberships = [m for m in memberships if m["user_id"] == user_id]
    if group_id is not None:
        memberships = [m for m in memberships if m["group_id"] == group_id]
    return respond_list(ctx, "group_memberships", [render(ctx, m) for m in memberships])


def list_all(ctx: RequestContext):
    return _listing(ctx)


def list_for_user(ctx: RequestContext, user_id: str):
    return _listing(ctx, user_id=get_or_404(ctx.store["users"], parse_id(user_id))["id"])


def list_for_group(ctx: RequestContext, group_id: str):
    return _listing(ctx, group_id=get_or_404(ctx.store["groups"], parse_id(group_id))["id"])


def show(ctx: RequestContext, membership_id: str):
    membership = get_or_404(ctx.store["group_memberships"], parse_id(membership_id))
    return json_response(200, {"group_membership": render(ctx, membership)})


def create(ctx: RequestContext, user_id: str | None = None):
    data = ctx.wrapped("group_membership")
    if user_id is not None:
        data = {**data, "user_id": parse_id(user_id)}
    membership = add_membership(ctx.store, data.get("user_id"), data.get("group_id"))
    return json_response(201, {"group_membership": render(ctx, membership)})


def delete(ctx: RequestContext, membership_id: str, user_id: str | None = None):
    membership = get_or_404(ctx.store["group_memberships"], parse_id(membership_id))
    if user_id is not None and membership["user_id"] != parse_id(user_id):
        raise not_found()
    _remove(ctx.store, membership)
    return json_response(204)


def make_default(ctx: RequestContext, user_id: str, membership_id: str):
    membership = get_or_404(ctx.store["group_memberships"], parse_id(membership_id))
    if membership["user_id"] != parse_id(user_id):
        raise not_found()
    for other in ctx.store["group_memberships"].values():
        if other["user_id"] == membership["user_id"]:
            other["default"] = other is membership
            touch(other)
    ctx.store["users"].get(membership["user_id"])["default_group_id"] = membership["group_id"]
    return _listing(ctx, user_id=membership["user_id"])


def register(router: Router) -> None:
    router.add("GET", BASE, list_all)
    router.add("POST", BASE, create)
    router.add("GET", f"{BASE}/{{membership_id}}", show)
    router.add("DELETE", f"{BASE}/{{membership_id}}", delete)
    router.add("GET", "/api/v2/users/{user_id}/group_memberships", list_for_user)
    router.add("POST", "/api/v2/users/{user_id}/group_memberships", create)
    router.add("DELETE", "/api/v2/users/{user_id}/group_memberships/{membership_id}", delete)
    router.add("PUT", "/api/v2/users/{user_id}/group_memberships/{membership_id}/make_default", make_default)
    router.add("GET", "/api/v2/groups/{group_id}/memberships", list_for_group)
