"""Macros (``/macros``, wrapper ``macro``).

``title`` and ``actions`` are required. ``restriction`` is ``null`` (everyone), a group
restriction ``{type: "Group", ids}`` or a personal macro ``{type: "User", id}``;
``access=shared`` lists shared macros only (no personal ones), ``access=personal`` the
personal ones. The vendored OAS documents 200 (not 201) for POST /macros, so that is kept.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import blank
from providers.zendesk.emulator.records import (
    apply_raw, get_or_404, new_id, next_position, parse_id, stamp_created, touch,
)
from providers.zendesk.emulator.rule_common import (
    check_restriction, destroy_many, normalize_entries, respond_rules, search, update_many,
)

BASE = "/api/v2/macros"


def render(ctx: RequestContext, macro: dict[str, Any]) -> dict[str, Any]:
    return {**macro, "url": ctx.api_url(f"/macros/{macro['id']}")}


def is_personal(macro: dict[str, Any]) -> bool:
    restriction = macro.get("restriction") or {}
    return restriction.get("type") == "User"


def _apply(ctx: RequestContext, macro: dict[str, Any], data: dict[str, Any], creating: bool) -> None:
    apply_raw(ctx.store, macro, data, "title")
    if (creating or "title" in data or "raw_title" in data) and not macro.get("raw_title"):
        raise blank("title")
    if creating or "actions" in data:
        macro["actions"] = normalize_entries(data.get("actions"), "actions")
        if not macro["actions"]:
            raise blank("actions")
    for name in ("active", "description", "position"):
        if name in data:
            macro[name] = data[name]
    if "restriction" in data:
        macro["restriction"] = check_restriction(ctx, data["restriction"])


def _filtered(ctx: RequestContext, only_active: bool = False) -> list[dict[str, Any]]:
    return ctx.listing(f"macros active={only_active}", lambda: _filter(ctx, only_active))


def _filter(ctx: RequestContext, only_active: bool) -> list[dict[str, Any]]:
    macros = ctx.store["macros"].values()
    access = ctx.query("access")
    if access == "shared":
        macros = [m for m in macros if not is_personal(m)]
    elif access in {"personal", "agents"}:
        macros = [m for m in macros if is_personal(m)]
    active = True if only_active else ctx.query_bool("active")
    if active is not None:
        macros = [m for m in macros if m["active"] == active]
    group_id = ctx.query("group_id")
    if group_id:
        macros = [m for m in macros if str(group_id) in map(str, (m.get("restriction") or {}).get("ids", []))]
    return macros


def list_macros(ctx: RequestContext):
    return respond_rules(ctx, "macros", _filtered(ctx), render)


def list_active(ctx: RequestContext):
    return respond_rules(ctx, "macros", _filtered(ctx, only_active=True), render)


def search_macros(ctx: RequestContext):
    return respond_rules(ctx, "macros", search(ctx, _filtered(ctx)), render)


def show_macro(ctx: RequestContext, macro_id: str):
    macro = get_or_404(ctx.store["macros"], parse_id(macro_id))
    return json_response(200, {"macro": render(ctx, macro)})


def create_macro(ctx: RequestContext):
    data = ctx.wrapped("macro")
    store = ctx.store
    macro: dict[str, Any] = {
        "id": 0, "title": "", "raw_title": "", "description": None, "active": True,
        "default": False, "position": next_position(store["macros"].values()),
        "actions": [], "restriction": None,
    }
    _apply(ctx, macro, data, creating=True)
    macro["id"] = new_id(store, "macros")
    store["macros"].put(stamp_created(macro))
    return json_response(200, {"macro": render(ctx, macro)})


def update_macro(ctx: RequestContext, macro_id: str):
    macro = get_or_404(ctx.store["macros"], parse_id(macro_id))
    draft = {**macro}
    _apply(ctx, draft, ctx.wrapped("macro"), creating=False)
    macro.update(draft)
    touch(macro)
    return json_response(200, {"macro": render(ctx, macro)})


def delete_macro(ctx: RequestContext, macro_id: str):
    macro = get_or_404(ctx.store["macros"], parse_id(macro_id))
    ctx.store["macros"].remove(macro["id"])
    return json_response(204)


def update_many_macros(ctx: RequestContext):
    return update_many(ctx, ctx.store["macros"], "macros", render)


def destroy_many_macros(ctx: RequestContext):
    return destroy_many(ctx, ctx.store["macros"])


def register(router: Router) -> None:
    router.add("GET", BASE, list_macros)
    router.add("POST", BASE, create_macro)
    router.add("GET", f"{BASE}/active", list_active)
    router.add("GET", f"{BASE}/search", search_macros)
    router.add("PUT", f"{BASE}/update_many", update_many_macros)
    router.add("DELETE", f"{BASE}/destroy_many", destroy_many_macros)
    router.add("GET", f"{BASE}/{{macro_id}}", show_macro)
    router.add("PUT", f"{BASE}/{{macro_id}}", update_macro)
    router.add("DELETE", f"{BASE}/{{macro_id}}", delete_macro)
