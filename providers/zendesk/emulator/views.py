"""Views (``/views``, wrapper ``view``).

The read shape differs from the write shape: writes take top-level ``all``/``any`` and
``output``; reads answer ``conditions {all, any}`` and ``execution`` (see
``view_execution``). ``conditions``/``execution`` sent on a write are read-only and ignored,
as on the real API. ``all`` must hold a condition on status/type/group_id/assignee_id/
requester_id. A PUT that sends ``all`` replaces the ``all`` list and one that sends ``any``
replaces ``any``. The OAS documents 200 for POST /views, so that is kept.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import blank, invalid
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import (
    apply_raw, get_or_404, new_id, next_position, parse_id, stamp_created, touch,
)
from providers.zendesk.emulator.rule_common import (
    check_restriction, destroy_many, has_qualifying_condition, normalize_entries, respond_rules,
    search, update_many,
)
from providers.zendesk.emulator.view_execution import DEFAULT_OUTPUT, execution, merge_output

BASE = "/api/v2/views"
INTERNAL = "output"


def render(ctx: RequestContext, view: dict[str, Any]) -> dict[str, Any]:
    shown = {k: v for k, v in view.items() if k != INTERNAL}
    shown["execution"] = execution(ctx, view[INTERNAL])
    shown["url"] = ctx.api_url(f"/views/{view['id']}")
    return shown


def _apply(ctx: RequestContext, view: dict[str, Any], data: dict[str, Any], creating: bool) -> None:
    apply_raw(ctx.store, view, data, "title")
    if (creating or "title" in data or "raw_title" in data) and not view.get("raw_title"):
        raise blank("title")
    conditions = dict(view["conditions"])
    if creating or "all" in data:
        conditions["all"] = normalize_entries(data.get("all"), "all")
        if not conditions["all"]:
            raise blank("all", "All")
        if not has_qualifying_condition(conditions["all"]):
            raise invalid("all", "All: You must test for at least one of the following ticket properties "
                                 "in the ALL conditions section: Status, Type, Group, Assignee, Requester")
    if "any" in data:
        conditions["any"] = normalize_entries(data.get("any"), "any")
    view["conditions"] = conditions
    if "output" in data:
        view[INTERNAL] = merge_output(ctx.store, view.get(INTERNAL), data["output"])
    for name in ("active", "description", "position"):
        if name in data:
            view[name] = data[name]
    if "restriction" in data:
        view["restriction"] = check_restriction(ctx, data["restriction"])


def _filtered(ctx: RequestContext, only_active: bool = False) -> list[dict[str, Any]]:
    views = ctx.store["views"].values()
    access = ctx.query("access")
    if access == "personal":
        views = [v for v in views if (v.get("restriction") or {}).get("type") == "User"]
    elif access == "shared":
        views = [v for v in views if (v.get("restriction") or {}).get("type") != "User"]
    active = True if only_active else ctx.query_bool("active")
    if active is not None:
        views = [v for v in views if v["active"] == active]
    group_id = ctx.query("group_id")
    if group_id:
        views = [v for v in views if str(group_id) in map(str, (v.get("restriction") or {}).get("ids", []))]
    return views


def list_views(ctx: RequestContext):
    return respond_rules(ctx, "views", _filtered(ctx), render)


def list_active(ctx: RequestContext):
    return respond_rules(ctx, "views", _filtered(ctx, only_active=True), render)


def search_views(ctx: RequestContext):
    return respond_rules(ctx, "views", search(ctx, _filtered(ctx)), render)


def show_many(ctx: RequestContext):
    ids = [parse_id(i) for i in ctx.query_list("ids")][:100]
    found = [ctx.store["views"].get(i) for i in ids]
    return respond_list(ctx, "views", [render(ctx, v) for v in found if v])


def show_view(ctx: RequestContext, view_id: str):
    view = get_or_404(ctx.store["views"], parse_id(view_id))
    return json_response(200, {"view": render(ctx, view)})


def create_view(ctx: RequestContext):
    data = ctx.wrapped("view")
    store = ctx.store
    view: dict[str, Any] = {
        "id": 0, "title": "", "raw_title": "", "description": "", "active": True,
        "default": False, "position": next_position(store["views"].values()),
        "conditions": {"all": [], "any": []}, "restriction": None, INTERNAL: dict(DEFAULT_OUTPUT),
    }
    _apply(ctx, view, data, creating=True)
    view["id"] = new_id(store, "views")
    store["views"].put(stamp_created(view))
    return json_response(200, {"view": render(ctx, view)})


def update_view(ctx: RequestContext, view_id: str):
    view = get_or_404(ctx.store["views"], parse_id(view_id))
    draft = {**view}
    _apply(ctx, draft, ctx.wrapped("view"), creating=False)
    view.update(draft)
    touch(view)
    return json_response(200, {"view": render(ctx, view)})


def delete_view(ctx: RequestContext, view_id: str):
    view = get_or_404(ctx.store["views"], parse_id(view_id))
    ctx.store["views"].remove(view["id"])
    return json_response(204)


def update_many_views(ctx: RequestContext):
    return update_many(ctx, ctx.store["views"], "views", render)


def destroy_many_views(ctx: RequestContext):
    return destroy_many(ctx, ctx.store["views"])


def register(router: Router) -> None:
    router.add("GET", BASE, list_views)
    router.add("POST", BASE, create_view)
    router.add("GET", f"{BASE}/active", list_active)
    router.add("GET", f"{BASE}/compact", list_active)
    router.add("GET", f"{BASE}/search", search_views)
    router.add("GET", f"{BASE}/show_many", show_many)
    router.add("PUT", f"{BASE}/update_many", update_many_views)
    router.add("DELETE", f"{BASE}/destroy_many", destroy_many_views)
    router.add("GET", f"{BASE}/{{view_id}}", show_view)
    router.add("PUT", f"{BASE}/{{view_id}}", update_view)
    router.add("DELETE", f"{BASE}/{{view_id}}", delete_view)
