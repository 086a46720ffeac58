"""Skills-based routing attributes and their values (``/routing/attributes``; UUID string ids).

An attribute (wrapper ``attribute``) is a skill type such as "Language"; its values (wrapper
``attribute_value``) are the skills ("German"). Attributes update with PUT, values with
PATCH, as in the OAS. ``name`` is required and unique within its parent; deleting an
attribute deletes its values. The attributes list is unpaginated with a ``count``.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid, not_found
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_uuid, require, stamp_created, touch

BASE = "/api/v2/routing/attributes"


def _attribute_out(ctx: RequestContext, attribute: dict[str, Any]) -> dict[str, Any]:
    return {**attribute, "url": ctx.api_url(f"/routing/attributes/{attribute['id']}")}


def _value_out(ctx: RequestContext, value: dict[str, Any]) -> dict[str, Any]:
    return {**value, "url": ctx.api_url(f"/routing/attributes/{value['attribute_id']}/values/{value['id']}")}


def _unique(objs: list[dict[str, Any]], name: str, own_id: Any = None) -> None:
    if any(o["id"] != own_id and o["name"].lower() == name.lower() for o in objs):
        raise invalid("name", f"Name: {name} has already been taken", "DuplicateValue")


def _values_of(ctx: RequestContext, attribute_id: str) -> list[dict[str, Any]]:
    return sorted((v for v in ctx.store["routing_attribute_values"].values() if v["attribute_id"] == attribute_id),
                  key=lambda v: v["created_at"] + v["id"])


def list_attributes(ctx: RequestContext):
    attributes = sorted(ctx.store["routing_attributes"].values(), key=lambda a: a["created_at"] + a["id"])
    extra = None
    if "attribute_values" in ctx.query_list("include"):  # the documented sideload
        values = sorted(ctx.store["routing_attribute_values"].values(), key=lambda v: v["created_at"] + v["id"])
        extra = {"attribute_values": [_value_out(ctx, v) for v in values]}
    return respond_list(ctx, "attributes", [_attribute_out(ctx, a) for a in attributes], mode="unpaginated",
                        extra=extra)


def show_attribute(ctx: RequestContext, attribute_id: str):
    attribute = get_or_404(ctx.store["routing_attributes"], attribute_id)
    return json_response(200, {"attribute": _attribute_out(ctx, attribute)})


def create_attribute(ctx: RequestContext):
    data = ctx.wrapped("attribute")
    require(data, "name")
    _unique(ctx.store["routing_attributes"].values(), data["name"])
    attribute = {"id": new_uuid(ctx.store, "routing_attributes"), "name": data["name"]}
    ctx.store["routing_attributes"].put(stamp_created(attribute))
    return json_response(201, {"attribute": _attribute_out(ctx, attribute)})


def update_attribute(ctx: RequestContext, attribute_id: str):
    attribute = get_or_404(ctx.store["routing_attributes"], attribute_id)
    data = ctx.wrapped("attribute")
    require(data, "name")
    _unique(ctx.store["routing_attributes"].values(), data["name"], attribute["id"])
    attribute["name"] = data["name"]
    touch(attribute)
    return json_response(200, {"attribute": _attribute_out(ctx, attribute)})


def delete_attribute(ctx: RequestContext, attribute_id: str):
    attribute = get_or_404(ctx.store["routing_attributes"], attribute_id)
    for value in _values_of(ctx, attribute["id"]):
        ctx.store["routing_attribute_values"].remove(value["id"])
    ctx.store["routing_attributes"].remove(attribute["id"])
    return json_response(204)


def _value(ctx: RequestContext, attribute_id: str, value_id: str) -> dict[str, Any]:
    value = ctx.store["routing_attribute_values"].get(value_id)
    if value is None or value["attribute_id"] != attribute_id:
        raise not_found()
    return value


def list_values(ctx: RequestContext, attribute_id: str):
    attribute = get_or_404(ctx.store["routing_attributes"], attribute_id)
    values = [_value_out(ctx, v) for v in _values_of(ctx, attribute["id"])]
    return respond_list(ctx, "attribute_values", values, mode="unpaginated")


def show_value(ctx: RequestContext, attribute_id: str, value_id: str):
    get_or_404(ctx.store["routing_attributes"], attribute_id)
    return json_response(200, {"attribute_value": _value_out(ctx, _value(ctx, attribute_id, value_id))})


def create_value(ctx: RequestContext, attribute_id: str):
    attribute = get_or_404(ctx.store["routing_attributes"], attribute_id)
    data = ctx.wrapped("attribute_value")
    require(data, "name")
    _unique(_values_of(ctx, attribute["id"]), data["name"])
    value = {"id": new_uuid(ctx.store, "routing_attribute_values"), "attribute_id": attribute["id"],
             "name": data["name"]}
    ctx.store["routing_attribute_values"].put(stamp_created(value))
    return json_response(201, {"attribute_value": _value_out(ctx, value)})


def patch_value(ctx: RequestContext, attribute_id: str, value_id: str):
    get_or_404(ctx.store["routing_attributes"], attribute_id)
    value = _value(ctx, attribute_id, value_id)
    data = ctx.wrapped("attribute_value")
    if "name" in data:
        require(data, "name")
        _unique(_values_of(ctx, attribute_id), data["name"], value["id"])
        value["name"] = data["name"]
    touch(value)
    return json_response(200, {"attribute_value": _value_out(ctx, value)})


def delete_value(ctx: RequestContext, attribute_id: str, value_id: str):
    get_or_404(ctx.store["routing_attributes"], attribute_id)
    value = _value(ctx, attribute_id, value_id)
    ctx.store["routing_attribute_values"].remove(value["id"])
    return json_response(204)


def definitions(ctx: RequestContext):
    return json_response(200, {"definitions": {
        "conditions_all": [{"subject": "number_of_incidents", "title": "Number of incidents"}],
        "conditions_any": [{"subject": "brand", "title": "Brand"}]}})


def register(router: Router) -> None:
    router.add("GET", BASE, list_attributes)
    router.add("POST", BASE, create_attribute)
    router.add("GET", f"{BASE}/definitions", definitions)
    router.add("GET", f"{BASE}/{{attribute_id}}", show_attribute)
    router.add("PUT", f"{BASE}/{{attribute_id}}", update_attribute)
    router.add("DELETE", f"{BASE}/{{attribute_id}}", delete_attribute)
    router.add("GET", f"{BASE}/{{attribute_id}}/values", list_values)
    router.add("POST", f"{BASE}/{{attribute_id}}/values", create_value)
    router.add("GET", f"{BASE}/{{attribute_id}}/values/{{value_id}}", show_value)
    router.add("PATCH", f"{BASE}/{{attribute_id}}/values/{{value_id}}", patch_value)
    router.add("DELETE", f"{BASE}/{{attribute_id}}/values/{{value_id}}", delete_value)
