"""Ticket fields: ``/api/v2/admin/ticket_fields`` (list, view, create, update, delete).

Behaviour from the research note (1.2, 1.5) and the live client it cites:
- the list **rejects ``page``/``per_page``** (400) and returns every field in one response,
  ordered by ``position``;
- the server generates ``name`` = ``cf_<label in snake case>`` and never changes it, even when
  the label changes; sending ``name`` is ``invalid_field``, and so is ``type`` on update
  (a field's type is immutable);
- built-in fields carry ``default: true``, return ``choices`` in their own map shapes (status,
  priority, source) and cannot be deleted; only their customer-facing flags and position can be
  changed (and the choices of ``ticket_type``);
- ``GET /admin/ticket_fields/{id}?include=section`` adds the field's dynamic ``sections``;
- ``section_mappings: [{section_id, position}]`` places a field inside another field's section.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator import ticket_field_choices as choices_mod
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import (UNEXPECTED_FIELD_MESSAGE, duplicate, field_error, invalid,
                                                validation_failed)
from providers.freshdesk.emulator.paging import reject_paging
from providers.freshdesk.emulator.records import (by_position, find, name_taken, new_id, place, public, renumber, snake,
                                                   stamp, unique_name)
from providers.freshdesk.emulator.ticket_field_sections import drop_sections_of, render_section, sections_of
from providers.freshdesk.emulator.ticket_forms import drop_field_from_forms
from providers.freshdesk.emulator.validation import Rule, check_body, missing

CUSTOM_TYPES = ("custom_text", "custom_paragraph", "custom_checkbox", "custom_number", "custom_decimal",
                "custom_date", "custom_dropdown", "nested_field")
CHOICE_TYPES = ("custom_dropdown", "nested_field", "default_ticket_type")

FLAG_RULES = {
    "label_for_customers": Rule("string"),
    "description": Rule("string", nullable=True),
    "position": Rule("positive_integer"),
    "required_for_closure": Rule("boolean"),
    "required_for_agents": Rule("boolean"),
    "required_for_customers": Rule("boolean"),
    "customers_can_edit": Rule("boolean"),
    "displayed_to_customers": Rule("boolean"),
    "customers_can_filter": Rule("boolean"),
    "section_mappings": Rule("array"),
}
UPDATE_RULES = {**FLAG_RULES, "label": Rule("string"), "archived": Rule("boolean"), "choices": Rule("array"),
                "dependent_fields": Rule("array")}
CREATE_RULES = {**UPDATE_RULES, "label": Rule("string", required=True),
                "type": Rule("string", required=True, choices=CUSTOM_TYPES)}
DEFAULT_FIELD_RULES = {**FLAG_RULES, "choices": Rule("array")}


def all_names(ctx: RequestContext) -> set[str]:
    """Every generated field name, including the dependent levels of nested fields."""
    names: set[str] = set()
    for field in ctx.store["ticket_fields"].values():
        names.add(field["name"])
        names.update(d["name"] for d in field.get("dependent_fields", []))
    return names


def render(ctx: RequestContext, field: dict[str, Any], *, include_sections: bool = False) -> dict[str, Any]:
    body = public(field)
    if include_sections and field.get("has_section"):
        body["sections"] = [render_section(ctx, s) for s in sections_of(ctx, field["id"])]
    return body


def _check_section_mappings(ctx: RequestContext, raw: Any) -> list[dict[str, Any]]:
    problems = []
    for mapping in raw if isinstance(raw, list) else []:
        if not isinstance(mapping, dict) or not isinstance(mapping.get("section_id"), int):
            return [field_error("section_mappings", "Each mapping needs a section_id", "datatype_mismatch")]
        if ctx.store["sections"].get(mapping["section_id"]) is None:
            problems.append(field_error("section_mappings",
                                        f"There are no records matching the ids: '{mapping['section_id']}'",
                                        "invalid_value"))
    return problems


def _validate(ctx: RequestContext, body: dict[str, Any], field: dict[str, Any] | None) -> None:
    creating = field is None
    if field is not None and field.get("default"):
        rules = dict(DEFAULT_FIELD_RULES)
        if field["type"] != "default_ticket_type":
            rules.pop("choices")
    else:
        rules = CREATE_RULES if creating else UPDATE_RULES
    errors = check_body(body, rules, creating=creating)
    field_type = body.get("type") if creating else field["type"]
    if field_type in CUSTOM_TYPES or field_type == "default_ticket_type":
        errors.extend(_type_specific_errors(body, field_type, field, creating))
    errors.extend(_check_section_mappings(ctx, body.get("section_mappings")))
    if errors:
        raise validation_failed(errors)
    if "label" in body and name_taken(ctx.store["ticket_fields"].values(), body["label"], key="label",
                                      except_id=field["id"] if field else None):
        raise duplicate("label")


def _type_specific_errors(body: dict[str, Any], field_type: str, field: dict[str, Any] | None,
                          creating: bool) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = []
    if field_type not in CHOICE_TYPES and "choices" in body:
        errors.append(field_error("choices", UNEXPECTED_FIELD_MESSAGE, "invalid_field"))
    if field_type != "nested_field" and "dependent_fields" in body:
        errors.append(field_error("dependent_fields", UNEXPECTED_FIELD_MESSAGE, "invalid_field"))
    if field_type in CHOICE_TYPES:
        if creating and not body.get("choices"):
            errors.append(missing("choices", "array"))
        elif "choices" in body:
            errors.extend(choices_mod.check_choices(body["choices"], max_depth=3 if field_type == "nested_field" else 1,
                                                    existing=(field or {}).get("choices", [])))
    if field_type == "nested_field":
        if creating and "dependent_fields" not in body:
            errors.append(missing("dependent_fields", "array"))
        elif "dependent_fields" in body:
            errors.extend(choices_mod.check_dependent_fields(body["dependent_fields"], creating=creating))
        if not errors:
            levels = {d["level"] for d in (field or {}).get("dependent_fields", [])}
            levels.update(d["level"] for d in body.get("dependent_fields", []))
            if choices_mod.depth_of(body.get("choices", [])) > 1 + len(levels):
                errors.append(field_error("choices", "Choices are nested deeper than the dependent fields allow",
                                          "invalid_value"))
    return errors


def _apply(ctx: RequestContext, field: dict[str, Any], body: dict[str, Any]) -> None:
    nested = field["type"] == "nested_field"
    for key, value in body.items():
        if key == "choices":
            before = choices_mod.choice_ids(field.get("choices", []))
            field["choices"] = choices_mod.merge_choices(ctx.store, field.get("choices", []), value, nested=nested)
            _forget_removed_choices(ctx, field, before - choices_mod.choice_ids(field["choices"]))
        elif key == "dependent_fields":
            field["dependent_fields"] = choices_mod.merge_dependent_fields(
                ctx.store, field["id"], field.get("dependent_fields", []), value, all_names(ctx), field["updated_at"])
        elif key == "position":
            continue
        else:
            field[key] = value
    if "position" in body or "position" not in field:
        place(ctx.store["ticket_fields"].values(), field, body.get("position"))


def _forget_removed_choices(ctx: RequestContext, field: dict[str, Any], removed: set[int]) -> None:
    for section in ctx.store["sections"].values():
        if section["parent_ticket_field_id"] == field["id"]:
            section["choice_ids"] = [c for c in section["choice_ids"] if c not in removed]


def list_fields(ctx: RequestContext):
    reject_paging(ctx)
    fields = [render(ctx, f) for f in by_position(ctx.store["ticket_fields"].values())]
    return ok(fields)


def view_field(ctx: RequestContext, field_id: str):
    field = find(ctx.store, "ticket_fields", parse_id(field_id))
    return ok(render(ctx, field, include_sections=ctx.query("include") == "section"))


def create_field(ctx: RequestContext):
    body = ctx.body()
    _validate(ctx, body, None)
    label = body["label"]
    field = {
        "id": new_id(ctx.store, "ticket_fields"),
        "name": unique_name(f"cf_{snake(label)}", all_names(ctx)),
        "label": label,
        "description": None,
        "label_for_customers": body.get("label_for_customers", label),
        "type": body["type"],
        "default": False,
        "required_for_closure": False,
        "required_for_agents": False,
        "required_for_customers": False,
        "customers_can_edit": False,
        "displayed_to_customers": False,
        "customers_can_filter": False,
        "archived": False,
        "has_section": False,
        "section_mappings": [],
    }
    if field["type"] in CHOICE_TYPES:
        field["choices"] = []
    if field["type"] == "nested_field":
        field["dependent_fields"] = []
    stamp(field, created=True)
    ctx.store["ticket_fields"].put(field)
    _apply(ctx, field, body)
    return created(render(ctx, field))


def update_field(ctx: RequestContext, field_id: str):
    field = find(ctx.store, "ticket_fields", parse_id(field_id))
    body = ctx.body()
    _validate(ctx, body, field)
    stamp(field)
    _apply(ctx, field, body)
    return ok(render(ctx, field))


def delete_field(ctx: RequestContext, field_id: str):
    field = find(ctx.store, "ticket_fields", parse_id(field_id))
    if field.get("default"):
        raise invalid("id", "Default fields cannot be deleted")
    drop_sections_of(ctx, field["id"])
    drop_field_from_forms(ctx, field["id"])
    ctx.store["ticket_fields"].remove(field["id"])
    renumber(ctx.store["ticket_fields"].values())
    return no_content()


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/admin/ticket_fields", list_fields)
    router.add("POST", "/api/v2/admin/ticket_fields", create_field)
    router.add("GET", "/api/v2/admin/ticket_fields/{field_id}", view_field)
    router.add("PUT", "/api/v2/admin/ticket_fields/{field_id}", update_field)
    router.add("DELETE", "/api/v2/admin/ticket_fields/{field_id}", delete_field)
