"""Groups (``/groups``, wrapper ``group``).

Quirks kept: DELETE is a soft delete (the group stays listed with ``deleted: true`` unless
``exclude_deleted=true``), the account's default group cannot be deleted, and a private group
cannot be made public again.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response, now_iso
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid, not_found
from providers.zendesk.emulator.group_memberships import remove_memberships
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, require, stamp_created, touch

BASE = "/api/v2/groups"


def make_group(store, name: str, *, default: bool = False, description: str = "",
               is_public: bool = True) -> dict[str, Any]:
    group = {"id": new_id(store, "groups"), "name": name, "description": description,
             "default": default, "deleted": False, "is_public": is_public}
    return store["groups"].put(stamp_created(group))


def render(ctx: RequestContext, group: dict[str, Any]) -> dict[str, Any]:
    return {**group, "url": ctx.api_url(f"/groups/{group['id']}")}


def list_groups(ctx: RequestContext):
    groups = sorted(ctx.store["groups"].values(), key=lambda g: g["id"])
    if ctx.query_bool("exclude_deleted"):
        groups = [g for g in groups if not g["deleted"]]
    return respond_list(ctx, "groups", [render(ctx, g) for g in groups])


def list_assignable(ctx: RequestContext):
    groups = sorted((g for g in ctx.store["groups"].values() if not g["deleted"]), key=lambda g: g["id"])
    return respond_list(ctx, "groups", [render(ctx, g) for g in groups])


def count_groups(ctx: RequestContext):
    live = [g for g in ctx.store["groups"].values() if not g["deleted"]]
    return json_response(200, {"count": {"value": len(live), "refreshed_at": now_iso()}})


def show_group(ctx: RequestContext, group_id: str):
    group = get_or_404(ctx.store["groups"], parse_id(group_id))
    return json_response(200, {"group": render(ctx, group)})


def create_group(ctx: RequestContext):
    data = ctx.wrapped("group")
    require(data, "name")
    group = make_group(ctx.store, data["name"], description=data.get("description") or "",
                       is_public=bool(data.get("is_public", True)))
    return json_response(201, {"group": render(ctx, group)})


def update_group(ctx: RequestContext, group_id: str):
    group = get_or_404(ctx.store["groups"], parse_id(group_id))
    if group["deleted"]:
        raise not_found()
    data = ctx.wrapped("group")
    if "name" in data:
        require(data, "name")
    if data.get("is_public") is True and group["is_public"] is False:
        raise invalid("is_public", "Is public: A private group cannot be made public")
    for key in ("name", "description", "is_public"):
        if key in data:
            group[key] = data[key] if key != "description" else (data[key] or "")
    touch(group)
    return json_response(200, {"group": render(ctx, group)})


def delete_group(ctx: RequestContext, group_id: str):
    group = get_or_404(ctx.store["groups"], parse_id(group_id))
    if group["deleted"]:
        raise not_found()
    if group["default"]:
        raise invalid("base", "The default group cannot be deleted. Choose another default group first.")
    group["deleted"] = True
    remove_memberships(ctx.store, group_id=group["id"])
    touch(group)
    return json_response(204)


def register(router: Router) -> None:
    router.add("GET", BASE, list_groups)
    router.add("POST", BASE, create_group)
    router.add("GET", f"{BASE}/assignable", list_assignable)
    router.add("GET", f"{BASE}/count", count_groups)
    router.add("GET", f"{BASE}/{{group_id}}", show_group)
    router.add("PUT", f"{BASE}/{{group_id}}", update_group)
    router.add("DELETE", f"{BASE}/{{group_id}}", delete_group)
