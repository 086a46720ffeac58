"""Ticket forms: ``/api/v2/ticket-forms`` plus per-form fields and clone.

- The list accepts at most **``per_page=50``** (400 above that), and lists forms without their
  ``fields``; ``GET /ticket-forms/{id}`` includes them (research note 1.2, [L]).
- ``name`` is derived from ``title`` and cannot be sent; titles are unique.
- ``fields: [{id, ...overrides}]`` picks ticket fields for a form, in order; the per-form flags
  (``required_for_customers``, ``displayed_to_customers``, ``customers_can_edit``,
  ``label_for_customers``, ``required_for_agents``, ``required_for_closure``) override the
  field's own for that form only. ``/ticket-forms/{id}/fields/{field_id}`` reads, changes
  (``position`` moves the field) or removes one of them.
- The seeded default form (``default: true``) always shows every ticket field and cannot be
  deleted; ``POST /ticket-forms/{id}/clone`` copies a form under a new title.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import UNEXPECTED_FIELD_MESSAGE, duplicate, field_error, invalid, not_found, validation_failed
from providers.freshdesk.emulator.paging import TICKET_FORMS_MAX_PER_PAGE, paged
from providers.freshdesk.emulator.records import by_id, by_position, find, name_taken, new_id, public, snake, stamp
from providers.freshdesk.emulator.validation import Rule, check_body, check_value

OVERRIDE_RULES = {
    "label_for_customers": Rule("string"),
    "required_for_customers": Rule("boolean"),
    "displayed_to_customers": Rule("boolean"),
    "customers_can_edit": Rule("boolean"),
    "required_for_agents": Rule("boolean"),
    "required_for_closure": Rule("boolean"),
}
FORM_FIELD_RULES = {**OVERRIDE_RULES, "position": Rule("positive_integer")}
RULES = {"title": Rule("string", required=True), "description": Rule("string", nullable=True), "fields": Rule("array")}
SHOWN_FIELD_KEYS = ("id", "name", "label", "type", "position", "label_for_customers", "required_for_customers",
                    "displayed_to_customers", "customers_can_edit", "required_for_agents", "required_for_closure",
                    "choices")


def _memberships(ctx: RequestContext, form: dict[str, Any]) -> list[dict[str, Any]]:
    """The form's field entries in order; the default form always holds every ticket field."""
    if not form["default"]:
        return form["_fields"]
    overrides = {entry["id"]: entry for entry in form["_fields"]}
    return [overrides.get(f["id"], {"id": f["id"]}) for f in by_position(ctx.store["ticket_fields"].values())]


def _render_field(ctx: RequestContext, entry: dict[str, Any], position: int) -> dict[str, Any]:
    field = ctx.store["ticket_fields"].get(entry["id"]) or {}
    shown = {k: field[k] for k in SHOWN_FIELD_KEYS if k in field}
    shown.update({k: v for k, v in entry.items() if k != "id"})
    shown["position"] = position
    return shown


def render(ctx: RequestContext, form: dict[str, Any], *, with_fields: bool = True) -> dict[str, Any]:
    body = public(form)
    if with_fields:
        body["fields"] = [_render_field(ctx, e, n) for n, e in enumerate(_memberships(ctx, form), start=1)]
    return body


def _check_fields(ctx: RequestContext, raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list) or not all(isinstance(e, dict) and isinstance(e.get("id"), int) for e in raw):
        return [field_error("fields", "Each field should be a key/value pair with a numeric id", "datatype_mismatch")]
    problems: list[dict[str, Any]] = []
    for entry in raw:
        for key, value in entry.items():
            if key == "id":
                continue
            rule = OVERRIDE_RULES.get(key)
            problems.extend([field_error(f"fields.{key}", UNEXPECTED_FIELD_MESSAGE, "invalid_field")] if rule is None
                            else check_value(f"fields.{key}", value, rule))
    absent = [e["id"] for e in raw if ctx.store["ticket_fields"].get(e["id"]) is None]
    if absent:
        problems.append(field_error("fields", f"There are no records matching the ids: '{','.join(map(str, absent))}'",
                                    "invalid_value"))
    if len({e["id"] for e in raw}) != len(raw):
        problems.append(field_error("fields", "A field can appear only once on a form", "duplicate_value"))
    return problems


def _validate(ctx: RequestContext, body: dict[str, Any], form: dict[str, Any] | None) -> None:
    errors = check_body(body, RULES, creating=form is None)
    if "fields" in body and form is not None and form["default"]:
        errors.append(field_error("fields", "The default form always shows every field", "invalid_value"))
    elif "fields" in body and not errors:
        errors.extend(_check_fields(ctx, body["fields"]))
    if errors:
        raise validation_failed(errors)
    if "title" in body and name_taken(ctx.store["ticket_forms"].values(), body["title"], key="title",
                                      except_id=form["id"] if form else None):
        raise duplicate("title")


def _apply(form: dict[str, Any], body: dict[str, Any]) -> None:
    if "title" in body:
        form["title"] = body["title"]
        form["name"] = snake(body["title"])
    if "description" in body:
        form["description"] = body["description"]
    if "fields" in body:
        form["_fields"] = [dict(entry) for entry in body["fields"]]


def list_forms(ctx: RequestContext):
    forms = [render(ctx, f, with_fields=False) for f in by_id(ctx.store["ticket_forms"].values())]
    return paged(ctx, forms, max_per_page=TICKET_FORMS_MAX_PER_PAGE)


def view_form(ctx: RequestContext, form_id: str):
    return ok(render(ctx, find(ctx.store, "ticket_forms", parse_id(form_id))))


def _new_form(ctx: RequestContext, title: str) -> dict[str, Any]:
    form = {"id": new_id(ctx.store, "ticket_forms"), "name": snake(title), "title": title, "description": None,
            "default": False, "_fields": []}
    return stamp(form, created=True)


def create_form(ctx: RequestContext):
    body = ctx.body()
    _validate(ctx, body, None)
    form = _new_form(ctx, body["title"])
    _apply(form, body)
    ctx.store["ticket_forms"].put(form)
    return created(render(ctx, form))


def update_form(ctx: RequestContext, form_id: str):
    form = find(ctx.store, "ticket_forms", parse_id(form_id))
    body = ctx.body()
    _validate(ctx, body, form)
    _apply(form, body)
    stamp(form)
    return ok(render(ctx, form))


def delete_form(ctx: RequestContext, form_id: str):
    form = find(ctx.store, "ticket_forms", parse_id(form_id))
    if form["default"]:
        raise invalid("id", "The default ticket form cannot be deleted")
    ctx.store["ticket_forms"].remove(form["id"])
    return no_content()


def clone_form(ctx: RequestContext, form_id: str):
    source = find(ctx.store, "ticket_forms", parse_id(form_id))
    body = ctx.body()
    unknown = [k for k in body if k not in ("name", "title")]
    if unknown:
        raise validation_failed([field_error(k, UNEXPECTED_FIELD_MESSAGE, "invalid_field") for k in unknown])
    title = body.get("title") or body.get("name") or f"Copy of {source['title']}"
    if name_taken(ctx.store["ticket_forms"].values(), title, key="title"):
        raise duplicate("title")
    form = _new_form(ctx, title)
    form["description"] = source["description"]
    form["_fields"] = [dict(e) for e in _memberships(ctx, source)]
    ctx.store["ticket_forms"].put(form)
    return created(render(ctx, form))


def _entry(ctx: RequestContext, form_id: str, field_id: str) -> tuple[dict[str, Any], dict[str, Any], list]:
    form = find(ctx.store, "ticket_forms", parse_id(form_id))
    entries = _memberships(ctx, form)
    wanted = parse_id(field_id)
    for entry in entries:
        if entry["id"] == wanted:
            return form, entry, entries
    raise not_found()


def view_form_field(ctx: RequestContext, form_id: str, field_id: str):
    _, entry, entries = _entry(ctx, form_id, field_id)
    return ok(_render_field(ctx, entry, entries.index(entry) + 1))


def update_form_field(ctx: RequestContext, form_id: str, field_id: str):
    form, entry, entries = _entry(ctx, form_id, field_id)
    body = ctx.body()
    errors = check_body(body, FORM_FIELD_RULES, creating=False)
    if "position" in body and form["default"]:
        errors.append(field_error("position", "Reorder the default form through the ticket field position",
                                  "invalid_field"))
    if errors:
        raise validation_failed(errors)
    entry.update({k: v for k, v in body.items() if k != "position"})
    if form["default"] and entry not in form["_fields"]:
        form["_fields"].append(entry)
    if "position" in body:
        entries.remove(entry)
        entries.insert(min(body["position"] - 1, len(entries)), entry)
    stamp(form)
    return ok(_render_field(ctx, entry, _memberships(ctx, form).index(entry) + 1))


def delete_form_field(ctx: RequestContext, form_id: str, field_id: str):
    form, entry, _ = _entry(ctx, form_id, field_id)
    if form["default"]:
        raise invalid("field_id", "Fields cannot be removed from the default form")
    form["_fields"].remove(entry)
    stamp(form)
    return no_content()


def drop_field_from_forms(ctx: RequestContext, field_id: int) -> None:
    """A deleted ticket field leaves every form."""
    for form in ctx.store["ticket_forms"].values():
        form["_fields"] = [e for e in form["_fields"] if e["id"] != field_id]


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/ticket-forms", list_forms)
    router.add("POST", "/api/v2/ticket-forms", create_form)
    router.add("GET", "/api/v2/ticket-forms/{form_id}", view_form)
    router.add("PUT", "/api/v2/ticket-forms/{form_id}", update_form)
    router.add("DELETE", "/api/v2/ticket-forms/{form_id}", delete_form)
    router.add("POST", "/api/v2/ticket-forms/{form_id}/clone", clone_form)
    router.add("GET", "/api/v2/ticket-forms/{form_id}/fields/{field_id}", view_form_field)
    router.add("PUT", "/api/v2/ticket-forms/{form_id}/fields/{field_id}", update_form_field)
    router.add("DELETE", "/api/v2/ticket-forms/{form_id}/fields/{field_id}", delete_form_field)
