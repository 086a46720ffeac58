"""Contact and company fields: ``/api/v2/contact_fields`` and ``/api/v2/company_fields``.

Both kinds work the same way, so one module serves them with a small table of differences.
- Writes work only on the **plural** paths; the singular ``/contact_field/{id}`` the docs name
  for update and delete answers 404 on a live account (research note 1.5, [L]), so it is not routed.
- A contact field needs ``label``, ``label_for_customers`` and ``type``; a company field needs
  ``label`` and ``type`` (companies are never shown to customers).
- The server derives ``name`` from the label (no ``cf_`` prefix, unlike ticket fields) and keeps
  it when the label changes; ``type`` cannot change after creation.
- Built-in fields (``default: true``) cannot be deleted, and only their flags and position can
  change. Their ``choices`` come in map shapes (time zone, language); custom dropdowns return
  ``[{id, label, value, position}]`` and merge choices on update like ticket fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator import ticket_field_choices as choices_mod
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import UNEXPECTED_FIELD_MESSAGE, duplicate, field_error, invalid, validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import (by_position, find, name_taken, new_id, place, public, renumber,
                                                   snake, stamp, unique_name)
from providers.freshdesk.emulator.validation import Rule, check_body, missing

CUSTOM_TYPES = ("custom_text", "custom_paragraph", "custom_checkbox", "custom_number", "custom_dropdown",
                "custom_phone_number", "custom_url", "custom_date")


@dataclass(frozen=True)
class FieldKind:
    collection: str
    path: str
    flags: dict[str, Rule]
    required_on_create: tuple[str, ...]
    defaults: dict[str, Any]


CONTACT = FieldKind(
    collection="contact_fields",
    path="/api/v2/contact_fields",
    flags={
        "label_for_customers": Rule("string"),
        "position": Rule("positive_integer"),
        "required_for_agents": Rule("boolean"),
        "required_for_customers": Rule("boolean"),
        "displayed_for_customers": Rule("boolean"),
        "customers_can_edit": Rule("boolean"),
        "editable_in_signup": Rule("boolean"),
    },
    required_on_create=("label", "label_for_customers", "type"),
    defaults={"required_for_agents": False, "required_for_customers": False, "displayed_for_customers": False,
              "customers_can_edit": False, "editable_in_signup": False},
)
COMPANY = FieldKind(
    collection="company_fields",
    path="/api/v2/company_fields",
    flags={"position": Rule("positive_integer"), "required_for_agents": Rule("boolean")},
    required_on_create=("label", "type"),
    defaults={"required_for_agents": False},
)


def _rules(kind: FieldKind, field: dict[str, Any] | None) -> dict[str, Rule]:
    if field is not None and field["default"]:
        return dict(kind.flags)
    rules = {**kind.flags, "label": Rule("string"), "choices": Rule("array")}
    if field is None:
        rules["type"] = Rule("string", choices=CUSTOM_TYPES)
        for name in kind.required_on_create:
            rules[name] = Rule(rules[name].kind, required=True, choices=rules[name].choices)
    return rules


def _validate(ctx: RequestContext, kind: FieldKind, body: dict[str, Any], field: dict[str, Any] | None) -> None:
    errors = check_body(body, _rules(kind, field), creating=field is None)
    field_type = body.get("type") if field is None else field["type"]
    if field_type == "custom_dropdown":
        if field is None and not body.get("choices"):
            errors.append(missing("choices", "array"))
        elif "choices" in body:
            errors.extend(choices_mod.check_choices(body["choices"], max_depth=1,
                                                    existing=(field or {}).get("choices", [])))
    elif "choices" in body and not (field or {}).get("default"):
        errors.append(field_error("choices", UNEXPECTED_FIELD_MESSAGE, "invalid_field"))
    if errors:
        raise validation_failed(errors)
    if "label" in body and name_taken(ctx.store[kind.collection].values(), body["label"], key="label",
                                      except_id=field["id"] if field else None):
        raise duplicate("label")


def _apply(ctx: RequestContext, kind: FieldKind, field: dict[str, Any], body: dict[str, Any]) -> None:
    for key, value in body.items():
        if key == "choices":
            field["choices"] = choices_mod.merge_choices(ctx.store, field.get("choices", []), value, nested=False)
        elif key != "position":
            field[key] = value
    if "position" in body or "position" not in field:
        place(ctx.store[kind.collection].values(), field, body.get("position"))


def _handlers(kind: FieldKind):
    def list_fields(ctx: RequestContext):
        return paged(ctx, [public(f) for f in by_position(ctx.store[kind.collection].values())])

    def view_field(ctx: RequestContext, field_id: str):
        return ok(public(find(ctx.store, kind.collection, parse_id(field_id))))

    def create_field(ctx: RequestContext):
        body = ctx.body()
        _validate(ctx, kind, body, None)
        names = {f["name"] for f in ctx.store[kind.collection].values()}
        field = {"id": new_id(ctx.store, kind.collection), "name": unique_name(snake(body["label"]), names),
                 "label": body["label"], "type": body["type"], "default": False, **kind.defaults}
        if kind is CONTACT:
            field["label_for_customers"] = body["label_for_customers"]
        ctx.store[kind.collection].put(stamp(field, created=True))
        _apply(ctx, kind, field, body)
        return created(public(field))

    def update_field(ctx: RequestContext, field_id: str):
        field = find(ctx.store, kind.collection, parse_id(field_id))
        body = ctx.body()
        _validate(ctx, kind, body, field)
        _apply(ctx, kind, field, body)
        stamp(field)
        return ok(public(field))

    def delete_field(ctx: RequestContext, field_id: str):
        field = find(ctx.store, kind.collection, parse_id(field_id))
        if field["default"]:
            raise invalid("id", "Default fields cannot be deleted")
        ctx.store[kind.collection].remove(field["id"])
        renumber(ctx.store[kind.collection].values())
        return no_content()

    return list_fields, view_field, create_field, update_field, delete_field


def register(router: Router, emulator: Any) -> None:
    for kind in (CONTACT, COMPANY):
        list_fields, view_field, create_field, update_field, delete_field = _handlers(kind)
        router.add("GET", kind.path, list_fields)
        router.add("POST", kind.path, create_field)
        router.add("GET", kind.path + "/{field_id}", view_field)
        router.add("PUT", kind.path + "/{field_id}", update_field)
        router.add("DELETE", kind.path + "/{field_id}", delete_field)
