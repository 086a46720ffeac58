"""Ticket fields (``/ticket_fields``, wrapper ``ticket_field``).

System fields (subject, description, status, type, priority, group, assignee) exist on every
account with ``removable: false`` and cannot be deleted. ``type`` is fixed at creation, drop-down
and multi-select fields need options, and a tag may be used by one field only (option values
and checkbox ``tag`` share that namespace). Without ``page[size]`` the list is unpaginated;
order is position, then id.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, Store, json_response, now_iso
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid
from providers.zendesk.emulator.field_options import (
    OPTION_TYPES, replace_options, tag_in_use_error,
)
from providers.zendesk.emulator.pagination import by_position, respond_list
from providers.zendesk.emulator.records import (
    apply_raw, get_or_404, new_id, next_position, parse_id, reorder_ids, require,
    sort_by_position, stamp_created, touch,
)

BASE = "/api/v2/ticket_fields"
CUSTOM_TYPES = frozenset({
    "text", "textarea", "checkbox", "date", "integer", "decimal", "regexp",
    "partialcreditcard", "multiselect", "tagger", "lookup",
})
PLAIN_ATTRIBUTES = (
    "active", "agent_description", "required", "required_in_portal", "visible_in_portal",
    "editable_in_portal", "collapsed_for_agents", "regexp_for_validation", "sub_type_id",
    "relationship_target_type", "relationship_filter", "position",
)
RAW_ATTRIBUTES = ("title", "description", "title_in_portal")


def tags_in_use(store: Store, exclude_id: Any = None) -> set[str]:
    """Every tag owned by a ticket field other than ``exclude_id``.

    Every field create calls this, so generating 10,000 fields scans 50 million options: the
    comprehensions (no per-field generator and ``set.update``) make that scan twice as fast."""
    others = [f for f in store["ticket_fields"].items.values() if f["id"] != exclude_id]
    tags = {option["value"] for field in others for option in field.get("custom_field_options") or ()}
    tags.update(f["tag"] for f in others if f.get("type") == "checkbox" and f.get("tag"))
    return tags


def blank_field(field_id: int, field_type: str, title: str) -> dict[str, Any]:
    """A field with the defaults Zendesk fills in for attributes the request left out."""
    return {
        "id": field_id, "type": field_type, "title": title, "raw_title": title,
        "description": "", "raw_description": "", "agent_description": "",
        "title_in_portal": title, "raw_title_in_portal": title,
        "position": 0, "active": True, "required": False, "collapsed_for_agents": False,
        "regexp_for_validation": None, "visible_in_portal": False, "editable_in_portal": False,
        "required_in_portal": False, "tag": None, "removable": True, "agent_can_edit": True,
    }


def render(ctx: RequestContext, field: dict[str, Any]) -> dict[str, Any]:
    return {**field, "url": ctx.api_url(f"/ticket_fields/{field['id']}")}


def _apply(ctx: RequestContext, field: dict[str, Any], data: dict[str, Any]) -> None:
    store = ctx.store
    for name in RAW_ATTRIBUTES:
        apply_raw(store, field, data, name)
    if "title" in data or "raw_title" in data:
        if not field.get("raw_title"):
            raise invalid("title", "Title: cannot be blank", "BlankValue")
    for name in PLAIN_ATTRIBUTES:
        if name in data:
            field[name] = data[name]
    if "tag" in data:
        tag = data["tag"] or None
        if tag and field["type"] == "checkbox" and tag in tags_in_use(store, field["id"]):
            raise tag_in_use_error(tag)
        field["tag"] = tag
    if "custom_field_options" in data and field["type"] in OPTION_TYPES:
        field["custom_field_options"] = replace_options(
            store, field.get("custom_field_options") or [], data["custom_field_options"],
            tags_in_use(store, field["id"]),
        )
    if field["type"] in OPTION_TYPES and not field.get("custom_field_options"):
        raise invalid("custom_field_options",
                      "Custom field options: You must add at least one option", "BlankValue")


def list_fields(ctx: RequestContext):
    fields = ctx.listing("ticket_fields", lambda: sort_by_position(ctx.store["ticket_fields"].values()))
    return respond_list(ctx, "ticket_fields", fields, mode="cursor_or_all", sort_key=by_position,
                        render=lambda f: render(ctx, f))


def count_fields(ctx: RequestContext):
    count = len(ctx.store["ticket_fields"].values())
    return json_response(200, {"count": {"value": count, "refreshed_at": now_iso()}})


def show_many(ctx: RequestContext):
    ids = [parse_id(i) for i in ctx.query_list("ids")][:100]
    found = [ctx.store["ticket_fields"].get(i) for i in ids]
    return json_response(200, {"ticket_fields": [render(ctx, f) for f in found if f]})


def show_field(ctx: RequestContext, field_id: str):
    field = get_or_404(ctx.store["ticket_fields"], parse_id(field_id))
    return json_response(200, {"ticket_field": render(ctx, field)})


def create_field(ctx: RequestContext):
    data = ctx.wrapped("ticket_field")
    require(data, "type")
    if not (data.get("title") or data.get("raw_title")):
        require(data, "title")
    if data["type"] not in CUSTOM_TYPES:
        raise invalid("type", f"Type: {data['type']} is not a valid field type")
    store = ctx.store
    field = blank_field(0, data["type"], "")
    field["position"] = next_position(store["ticket_fields"].values())
    _apply(ctx, field, data)
    field["id"] = new_id(store, "ticket_fields")
    store["ticket_fields"].put(stamp_created(field))
    return json_response(201, {"ticket_field": render(ctx, field)})


def update_field(ctx: RequestContext, field_id: str):
    field = get_or_404(ctx.store["ticket_fields"], parse_id(field_id))
    data = ctx.wrapped("ticket_field")
    if "type" in data and data["type"] != field["type"]:
        raise invalid("type", "Type: cannot be changed after the field is created")
    draft = {**field}
    _apply(ctx, draft, data)
    field.update(draft)
    touch(field)
    return json_response(200, {"ticket_field": render(ctx, field)})


def delete_field(ctx: RequestContext, field_id: str):
    field = get_or_404(ctx.store["ticket_fields"], parse_id(field_id))
    if not field.get("removable", True):
        raise invalid("base", f"{field['title']} is a system field and cannot be deleted")
    ctx.store["ticket_fields"].remove(field["id"])
    for form in ctx.store["ticket_forms"].values():
        if field["id"] in form.get("ticket_field_ids", []):
            form["ticket_field_ids"] = [i for i in form["ticket_field_ids"] if i != field["id"]]
    return json_response(204)


def reorder_fields(ctx: RequestContext):
    ids = ctx.wrapped_list("ticket_field_ids")
    reorder_ids(ctx.store["ticket_fields"], ids)
    return json_response(200)


def register(router: Router) -> None:
    router.add("GET", BASE, list_fields)
    router.add("POST", BASE, create_field)
    router.add("GET", f"{BASE}/count", count_fields)
    router.add("GET", f"{BASE}/show_many", show_many)
    router.add("PUT", f"{BASE}/reorder", reorder_fields)
    router.add("GET", f"{BASE}/{{field_id}}", show_field)
    router.add("PUT", f"{BASE}/{{field_id}}", update_field)
    router.add("DELETE", f"{BASE}/{{field_id}}", delete_field)
