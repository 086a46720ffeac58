"""User fields and organization fields (``/user_fields``, ``/organization_fields``).

Both kinds behave the same, so one module serves both: ``key`` and ``title`` are required
(``type`` defaults to ``text``), ``key`` is letters/digits/underscores, unique within the kind
and — like ``type`` — fixed after creation. Drop-down and multi-select fields carry
``custom_field_options`` with the ticket-field rules (whole-list replace, id kept by id or
value, 2,000 at most, no tag used twice). User fields also have the option endpoints;
organization field options change only through the parent. Both have a reorder endpoint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import blank, invalid, not_found
from providers.zendesk.emulator.field_options import OPTION_TYPES, replace_options, upsert_option
from providers.zendesk.emulator.pagination import by_position, respond_list
from providers.zendesk.emulator.records import (
    apply_raw, get_or_404, new_id, next_position, parse_id, reorder_ids, sort_by_position,
    stamp_created, touch,
)

TYPES = frozenset({"text", "textarea", "checkbox", "date", "integer", "decimal", "regexp",
                   "dropdown", "lookup", "multiselect"})
KEY = re.compile(r"^[A-Za-z0-9_]+$")
PLAIN = ("active", "position", "regexp_for_validation", "relationship_target_type", "relationship_filter")


@dataclass(frozen=True)
class FieldKind:
    collection: str
    singular: str
    plural: str
    options_endpoint: bool

    @property
    def base(self) -> str:
        return f"/api/v2/{self.plural}"


USER_FIELDS = FieldKind("user_fields", "user_field", "user_fields", True)
ORGANIZATION_FIELDS = FieldKind("organization_fields", "organization_field", "organization_fields", False)


def _render(ctx: RequestContext, kind: FieldKind, field: dict[str, Any]) -> dict[str, Any]:
    return {**field, "url": ctx.api_url(f"/{kind.plural}/{field['id']}")}


def _tags_elsewhere(ctx: RequestContext, kind: FieldKind, field_id: Any) -> set[str]:
    tags: set[str] = set()
    for other in ctx.store[kind.collection].values():
        if other["id"] != field_id:
            tags.update(o["value"] for o in other.get("custom_field_options") or [])
            if other.get("tag"):
                tags.add(other["tag"])
    return tags


def _apply(ctx: RequestContext, kind: FieldKind, field: dict[str, Any], data: dict[str, Any]) -> None:
    apply_raw(ctx.store, field, data, "title")
    apply_raw(ctx.store, field, data, "description")
    if not field.get("raw_title"):
        raise blank("title")
    for name in PLAIN:
        if name in data:
            field[name] = data[name]
    if field["type"] == "checkbox" and data.get("tag"):
        field["tag"] = data["tag"]
    if "custom_field_options" in data and field["type"] in OPTION_TYPES:
        field["custom_field_options"] = replace_options(
            ctx.store, field.get("custom_field_options") or [], data["custom_field_options"],
            _tags_elsewhere(ctx, kind, field["id"]))
    if field["type"] in OPTION_TYPES and not field.get("custom_field_options"):
        raise invalid("custom_field_options", "Custom field options: You must add at least one option", "BlankValue")


def _handlers(kind: FieldKind):
    def list_fields(ctx: RequestContext):
        fields = sort_by_position(ctx.store[kind.collection].values())
        return respond_list(ctx, kind.plural, [_render(ctx, kind, f) for f in fields], sort_key=by_position)

    def show_many(ctx: RequestContext):
        keys = set(ctx.query_list("keys"))
        fields = [f for f in sort_by_position(ctx.store[kind.collection].values()) if f["key"] in keys]
        return json_response(200, {kind.plural: [_render(ctx, kind, f) for f in fields]})

    def show(ctx: RequestContext, field_id: str):
        field = get_or_404(ctx.store[kind.collection], parse_id(field_id))
        return json_response(200, {kind.singular: _render(ctx, kind, field)})

    def create(ctx: RequestContext):
        data = ctx.wrapped(kind.singular)
        key = data.get("key")
        if not key:
            raise blank("key")
        if not isinstance(key, str) or not KEY.match(key):
            raise invalid("key", "Key: can only contain letters, numbers and underscores")
        if any(f["key"] == key for f in ctx.store[kind.collection].values()):
            raise invalid("key", f"Key: {key} has already been taken", "DuplicateValue")
        field_type = data.get("type") or "text"
        if field_type not in TYPES:
            raise invalid("type", f"Type: {field_type} is not a valid field type")
        field: dict[str, Any] = {
            "id": 0, "key": key, "type": field_type, "title": "", "raw_title": "", "description": "",
            "raw_description": "", "active": True, "system": False, "regexp_for_validation": None,
            "position": next_position(ctx.store[kind.collection].values()),
        }
        _apply(ctx, kind, field, data)
        field["id"] = new_id(ctx.store, kind.collection)
        ctx.store[kind.collection].put(stamp_created(field))
        return json_response(201, {kind.singular: _render(ctx, kind, field)})

    def update(ctx: RequestContext, field_id: str):
        field = get_or_404(ctx.store[kind.collection], parse_id(field_id))
        data = ctx.wrapped(kind.singular)
        for fixed in ("key", "type"):
            if fixed in data and data[fixed] != field[fixed]:
                raise invalid(fixed, f"{fixed.capitalize()}: cannot be changed after the field is created")
        draft = dict(field)
        _apply(ctx, kind, draft, data)
        field.update(draft)
        touch(field)
        return json_response(200, {kind.singular: _render(ctx, kind, field)})

    def delete(ctx: RequestContext, field_id: str):
        field = get_or_404(ctx.store[kind.collection], parse_id(field_id))
        ctx.store[kind.collection].remove(field["id"])
        return json_response(204)

    def reorder(ctx: RequestContext):
        reorder_ids(ctx.store[kind.collection], ctx.wrapped_list(f"{kind.singular}_ids"))
        return json_response(200)

    return list_fields, show_many, show, create, update, delete, reorder


def _option_handlers(kind: FieldKind):
    def option_url(ctx: RequestContext, field_id: int, option: dict[str, Any]) -> dict[str, Any]:
        return {**option, "url": ctx.api_url(f"/{kind.plural}/{field_id}/options/{option['id']}")}

    def find(field: dict[str, Any], option_id: str) -> dict[str, Any]:
        wanted = parse_id(option_id)
        for option in field.get("custom_field_options") or []:
            if option["id"] == wanted:
                return option
        raise not_found()

    def list_options(ctx: RequestContext, field_id: str):
        field = get_or_404(ctx.store[kind.collection], parse_id(field_id))
        options = sorted(field.get("custom_field_options") or [], key=lambda o: (o["position"], o["id"]))
        return respond_list(ctx, "custom_field_options", [option_url(ctx, field["id"], o) for o in options],
                            sort_key=by_position)

    def upsert(ctx: RequestContext, field_id: str):
        field = get_or_404(ctx.store[kind.collection], parse_id(field_id))
        if field["type"] not in OPTION_TYPES:
            raise invalid("custom_field_option", "Custom field option: field does not support options")
        option, created = upsert_option(ctx.store, field.setdefault("custom_field_options", []),
                                        ctx.wrapped("custom_field_option"), _tags_elsewhere(ctx, kind, field["id"]))
        touch(field)
        return json_response(201 if created else 200,
                             {"custom_field_option": option_url(ctx, field["id"], option)},
                             headers={"Location": f"{kind.base}/{field['id']}/options"})

    def show_option(ctx: RequestContext, field_id: str, option_id: str):
        field = get_or_404(ctx.store[kind.collection], parse_id(field_id))
        return json_response(200, {"custom_field_option": option_url(ctx, field["id"], find(field, option_id))})

    def delete_option(ctx: RequestContext, field_id: str, option_id: str):
        field = get_or_404(ctx.store[kind.collection], parse_id(field_id))
        field["custom_field_options"].remove(find(field, option_id))
        touch(field)
        return json_response(204)

    return list_options, upsert, show_option, delete_option


def register(router: Router) -> None:
    for kind in (USER_FIELDS, ORGANIZATION_FIELDS):
        list_fields, show_many, show, create, update, delete, reorder = _handlers(kind)
        router.add("GET", kind.base, list_fields)
        router.add("POST", kind.base, create)
        router.add("GET", f"{kind.base}/show_many", show_many)
        router.add("PUT", f"{kind.base}/reorder", reorder)
        router.add("GET", f"{kind.base}/{{field_id}}", show)
        router.add("PUT", f"{kind.base}/{{field_id}}", update)
        router.add("DELETE", f"{kind.base}/{{field_id}}", delete)
        if kind.options_endpoint:
            list_options, upsert, show_option, delete_option = _option_handlers(kind)
            router.add("GET", f"{kind.base}/{{field_id}}/options", list_options)
            router.add("POST", f"{kind.base}/{{field_id}}/options", upsert)
            router.add("GET", f"{kind.base}/{{field_id}}/options/{{option_id}}", show_option)
            router.add("DELETE", f"{kind.base}/{{field_id}}/options/{{option_id}}", delete_option)
