"""Ticket forms (``/ticket_forms``, wrapper ``ticket_form``).

Every account has a "Default Ticket Form" (``default: true``) listing the system fields; the
default form cannot be deleted and making another form the default takes the flag away from
the old one. ``ticket_field_ids`` must name existing fields; conditions are stored as given.
The list answers unpaginated unless page parameters are sent.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid
from providers.zendesk.emulator.pagination import by_position, respond_list
from providers.zendesk.emulator.records import (
    apply_raw, get_or_404, new_id, next_position, parse_id, reorder_ids, require,
    sort_by_position, stamp_created, touch,
)

BASE = "/api/v2/ticket_forms"
PLAIN_ATTRIBUTES = ("active", "end_user_visible", "in_all_brands", "position",
                    "agent_conditions", "end_user_conditions")


def make_form(store: Store, name: str, field_ids: list[int], *, default: bool = False,
              position: int | None = None) -> dict[str, Any]:
    form = {
        "id": new_id(store, "ticket_forms"), "name": name, "raw_name": name,
        "display_name": name, "raw_display_name": name, "default": default, "active": True,
        "end_user_visible": True, "in_all_brands": True, "restricted_brand_ids": [],
        "position": position if position is not None else next_position(store["ticket_forms"].values()),
        "ticket_field_ids": list(field_ids), "agent_conditions": [], "end_user_conditions": [],
    }
    return store["ticket_forms"].put(stamp_created(form))


def render(ctx: RequestContext, form: dict[str, Any]) -> dict[str, Any]:
    return {**form, "url": ctx.api_url(f"/ticket_forms/{form['id']}")}


def _apply(ctx: RequestContext, form: dict[str, Any], data: dict[str, Any]) -> None:
    store = ctx.store
    apply_raw(store, form, data, "name")
    apply_raw(store, form, data, "display_name")
    if ("name" in data or "raw_name" in data) and not form.get("raw_name"):
        raise invalid("name", "Name: cannot be blank", "BlankValue")
    for name in PLAIN_ATTRIBUTES:
        if name in data:
            form[name] = data[name]
    if "restricted_brand_ids" in data and not form.get("in_all_brands"):
        form["restricted_brand_ids"] = list(data["restricted_brand_ids"] or [])
    if "ticket_field_ids" in data:
        ids = data["ticket_field_ids"] or []
        missing = [i for i in ids if store["ticket_fields"].get(i) is None]
        if missing:
            raise invalid("ticket_field_ids",
                          f"Ticket field ids: {', '.join(map(str, missing))} are not valid ticket fields")
        form["ticket_field_ids"] = [int(i) for i in ids]
    if data.get("default") is True:
        for other in store["ticket_forms"].values():
            if other is not form and other.get("default"):
                other["default"] = False
                touch(other)
        form["default"] = True


def list_forms(ctx: RequestContext):
    forms = sort_by_position(ctx.store["ticket_forms"].values())
    active = ctx.query_bool("active")
    if active is not None:
        forms = [f for f in forms if f["active"] == active]
    end_user_visible = ctx.query_bool("end_user_visible")
    if end_user_visible is not None:
        forms = [f for f in forms if f["end_user_visible"] == end_user_visible]
    return respond_list(ctx, "ticket_forms", [render(ctx, f) for f in forms],
                        mode="any", sort_key=by_position)


def show_many(ctx: RequestContext):
    ids = [parse_id(i) for i in ctx.query_list("ids")][:100]
    found = [ctx.store["ticket_forms"].get(i) for i in ids]
    return json_response(200, {"ticket_forms": [render(ctx, f) for f in found if f]})


def show_form(ctx: RequestContext, form_id: str):
    form = get_or_404(ctx.store["ticket_forms"], parse_id(form_id))
    return json_response(200, {"ticket_form": render(ctx, form)})


def create_form(ctx: RequestContext):
    data = ctx.wrapped("ticket_form")
    if not data.get("raw_name"):
        require(data, "name")
    store = ctx.store
    form = make_form(store, "", [])
    try:
        _apply(ctx, form, data)
    except Exception:
        store["ticket_forms"].remove(form["id"])
        raise
    if "display_name" not in data and "raw_display_name" not in data:
        form["display_name"], form["raw_display_name"] = form["name"], form["raw_name"]
    return json_response(201, {"ticket_form": render(ctx, form)})


def update_form(ctx: RequestContext, form_id: str):
    form = get_or_404(ctx.store["ticket_forms"], parse_id(form_id))
    data = ctx.wrapped("ticket_form")
    if data.get("default") is False and form["default"]:
        raise invalid("default", "Default: a default ticket form is required")
    draft = {**form}
    _apply(ctx, draft, data)
    form.update(draft)
    touch(form)
    return json_response(200, {"ticket_form": render(ctx, form)})


def delete_form(ctx: RequestContext, form_id: str):
    form = get_or_404(ctx.store["ticket_forms"], parse_id(form_id))
    if form["default"]:
        raise invalid("base", "The default ticket form cannot be deleted")
    ctx.store["ticket_forms"].remove(form["id"])
    return json_response(204)


def clone_form(ctx: RequestContext, form_id: str):
    source = get_or_404(ctx.store["ticket_forms"], parse_id(form_id))
    clone = make_form(ctx.store, source["name"], source["ticket_field_ids"])
    for key in ("raw_name", "display_name", "raw_display_name", "end_user_visible", "in_all_brands",
                "restricted_brand_ids", "agent_conditions", "end_user_conditions", "active"):
        clone[key] = source[key]
    return json_response(200, {"ticket_form": render(ctx, clone)})


def reorder_forms(ctx: RequestContext):
    ids = ctx.wrapped_list("ticket_form_ids")
    ordered = reorder_ids(ctx.store["ticket_forms"], ids)
    return json_response(200, {"ticket_forms": [render(ctx, f) for f in ordered]})


def register(router: Router) -> None:
    router.add("GET", BASE, list_forms)
    router.add("POST", BASE, create_form)
    router.add("GET", f"{BASE}/show_many", show_many)
    router.add("PUT", f"{BASE}/reorder", reorder_forms)
    router.add("GET", f"{BASE}/{{form_id}}", show_form)
    router.add("PUT", f"{BASE}/{{form_id}}", update_form)
    router.add("DELETE", f"{BASE}/{{form_id}}", delete_form)
    router.add("POST", f"{BASE}/{{form_id}}/clone", clone_form)
