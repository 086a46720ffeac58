"""Dynamic sections: ``/api/v2/admin/ticket_fields/{id}/sections`` (list, view, create, update, delete).

A section hangs off a dropdown's choices (``choice_ids``) and shows the fields mapped into it
(each field's ``section_mappings``); ``ticket_field_ids`` is derived from those mappings. The
list answers a **bare array** even though the docs show a ``sections`` envelope, and the create
answers the bare section (research note 1.5, [L]). A choice can open only one section, section
labels are unique per field, and only dropdowns (custom or the built-in ticket type) take them.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import duplicate, field_error, invalid, not_found, validation_failed
from providers.freshdesk.emulator.records import by_id, find, name_taken, new_id, public, stamp
from providers.freshdesk.emulator.validation import Rule, check_body

SECTION_PARENT_TYPES = ("custom_dropdown", "default_ticket_type")
RULES = {
    "label": Rule("string", required=True),
    "choice_ids": Rule("array", required=True, items="integer"),
}


def sections_of(ctx: RequestContext, field_id: int) -> list[dict[str, Any]]:
    return by_id(s for s in ctx.store["sections"].values() if s["parent_ticket_field_id"] == field_id)


def render_section(ctx: RequestContext, section: dict[str, Any]) -> dict[str, Any]:
    body = public(section)
    body["ticket_field_ids"] = [
        f["id"] for f in by_id(ctx.store["ticket_fields"].values())
        if any(m.get("section_id") == section["id"] for m in f.get("section_mappings", []))
    ]
    return body


def _parent(ctx: RequestContext, field_id: str) -> dict[str, Any]:
    return find(ctx.store, "ticket_fields", parse_id(field_id))


def _section(ctx: RequestContext, parent: dict[str, Any], section_id: str) -> dict[str, Any]:
    section = find(ctx.store, "sections", parse_id(section_id))
    if section["parent_ticket_field_id"] != parent["id"]:
        raise not_found()
    return section


def _validate(ctx: RequestContext, parent: dict[str, Any], body: dict[str, Any], section: dict[str, Any] | None) -> None:
    errors = check_body(body, RULES, creating=section is None)
    if isinstance(body.get("choice_ids"), list) and not body["choice_ids"]:
        errors.append(field_error("choice_ids", "It should contain elements", "invalid_value"))
    if errors:
        raise validation_failed(errors)
    if parent["type"] not in SECTION_PARENT_TYPES:
        raise invalid("ticket_field_id", "Sections can be added only to dropdown fields")
    if "label" in body:
        siblings = sections_of(ctx, parent["id"])
        if name_taken(siblings, body["label"], key="label", except_id=section["id"] if section else None):
            raise duplicate("label")
    if "choice_ids" in body:
        valid = {c["id"] for c in parent.get("choices", [])}
        unknown = [c for c in body["choice_ids"] if c not in valid]
        if unknown:
            raise invalid("choice_ids", f"There are no records matching the ids: '{','.join(map(str, unknown))}'")
        used = {c for s in sections_of(ctx, parent["id"]) if s is not section for c in s["choice_ids"]}
        clash = [c for c in body["choice_ids"] if c in used]
        if clash:
            raise invalid("choice_ids", f"Choices already mapped to another section: '{','.join(map(str, clash))}'")


def list_sections(ctx: RequestContext, field_id: str):
    parent = _parent(ctx, field_id)
    return ok([render_section(ctx, s) for s in sections_of(ctx, parent["id"])])


def view_section(ctx: RequestContext, field_id: str, section_id: str):
    parent = _parent(ctx, field_id)
    return ok(render_section(ctx, _section(ctx, parent, section_id)))


def create_section(ctx: RequestContext, field_id: str):
    parent = _parent(ctx, field_id)
    body = ctx.body()
    _validate(ctx, parent, body, None)
    section = {"id": new_id(ctx.store, "sections"), "label": body["label"], "parent_ticket_field_id": parent["id"],
               "choice_ids": list(dict.fromkeys(body["choice_ids"])), "is_fsm": False}
    ctx.store["sections"].put(stamp(section, created=True))
    parent["has_section"] = True
    return created(render_section(ctx, section))


def update_section(ctx: RequestContext, field_id: str, section_id: str):
    parent = _parent(ctx, field_id)
    section = _section(ctx, parent, section_id)
    body = ctx.body()
    _validate(ctx, parent, body, section)
    section.update({k: (list(dict.fromkeys(v)) if k == "choice_ids" else v) for k, v in body.items()})
    stamp(section)
    return ok(render_section(ctx, section))


def _forget_section(ctx: RequestContext, section: dict[str, Any]) -> None:
    for field in ctx.store["ticket_fields"].values():
        mappings = field.get("section_mappings", [])
        if any(m.get("section_id") == section["id"] for m in mappings):
            field["section_mappings"] = [m for m in mappings if m.get("section_id") != section["id"]]
    ctx.store["sections"].remove(section["id"])


def delete_section(ctx: RequestContext, field_id: str, section_id: str):
    parent = _parent(ctx, field_id)
    _forget_section(ctx, _section(ctx, parent, section_id))
    parent["has_section"] = bool(sections_of(ctx, parent["id"]))
    return no_content()


def drop_sections_of(ctx: RequestContext, field_id: int) -> None:
    """A deleted field takes its sections with it, and no field stays mapped into them."""
    for section in sections_of(ctx, field_id):
        _forget_section(ctx, section)


def register(router: Router, emulator: Any) -> None:
    base = "/api/v2/admin/ticket_fields/{field_id}/sections"
    router.add("GET", base, list_sections)
    router.add("POST", base, create_section)
    router.add("GET", base + "/{section_id}", view_section)
    router.add("PUT", base + "/{section_id}", update_section)
    router.add("DELETE", base + "/{section_id}", delete_section)
