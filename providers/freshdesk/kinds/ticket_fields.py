"""Ticket fields (Block 4), with dropdown choices and nested (dependent) levels.

+ label: natural key, unique in an account. The server derives the field's ``name``
  (``cf_product_area``) from the first label and never changes it; rules name fields by label
  in the YAML, so that generated name never appears there.
+ type: custom_text, custom_paragraph, custom_checkbox, custom_number, custom_decimal,
  custom_date, custom_dropdown or nested_field (built-in fields: default_status and so on).
  Immutable: recreating a field destroys its values on every ticket.
+ choices: a dropdown's values in order; a nested field nests ``{value, choices}`` up to three
  levels. The YAML list is the complete set (see ``_choices``).
+ dependent_fields: a nested field's level 2 and 3 fields: ``[{label, label_for_customers, level}]``.
+ label_for_customers, description, required_for_agents, required_for_customers,
  required_for_closure, displayed_to_customers, customers_can_edit, customers_can_filter, archived.
Built-in fields (Subject, Status, Priority, Type, ...) exist in every account: forms name them
without declaring them, and declaring one manages its customer-facing flags (and Type's choices).
Dynamic sections are their own kind (``ticket_field_sections``). Positions are not managed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import field_validator

from providers.freshdesk.kinds import _choices
from providers.freshdesk.kinds._choices import Choice, WithChoices
from providers.freshdesk.kinds._common import Strict, model_fields, pick
from provisioner.kind import Kind

PATH = "/api/v2/admin/ticket_fields"
CUSTOM_TYPES = ("custom_text", "custom_paragraph", "custom_checkbox", "custom_number", "custom_decimal",
                "custom_date", "custom_dropdown", "nested_field")
BUILT_IN_LABELS = frozenset({"Search a requester", "Subject", "Type", "Source", "Status", "Priority", "Group",
                             "Agent", "Description", "Company"})


class DependentField(Strict):
    label: str
    label_for_customers: str | None = None
    level: Literal[2, 3]


class TicketField(WithChoices):
    label: str
    type: str
    label_for_customers: str | None = None
    description: str | None = None
    required_for_agents: bool | None = None
    required_for_customers: bool | None = None
    required_for_closure: bool | None = None
    displayed_to_customers: bool | None = None
    customers_can_edit: bool | None = None
    customers_can_filter: bool | None = None
    archived: bool | None = None
    choices: list[Choice] | dict[str, Any] | None = None
    dependent_fields: list[DependentField] | None = None

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in CUSTOM_TYPES and not value.startswith("default_"):
            raise ValueError(f"must be one of {', '.join(CUSTOM_TYPES)} (or a built-in field's default_* type)")
        return value


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    doc = pick(doc, model_fields(TicketField))
    if "choices" in doc:
        doc["choices"] = _choices.from_live(doc["choices"])
    if doc.get("dependent_fields"):
        doc["dependent_fields"] = [pick(d, ("label", "label_for_customers", "level"))
                                   for d in sorted(doc["dependent_fields"], key=lambda d: d.get("level", 0))]
    else:
        doc.pop("dependent_fields", None)
    return doc


class TicketFieldOperations:
    """Choices go out as positions on create and as a merge against the live choices on update."""

    @staticmethod
    def create(adapter, kind: Kind, body: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        if isinstance(body.get("choices"), list):
            body = {**body, "choices": _choices.for_create(body["choices"])}
        return adapter.http.json("POST", kind.path, json_body=body)

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        if isinstance(body.get("choices"), list):
            current = adapter.get(f"{kind.path}/{obj_id}")
            nested = current.get("type") == "nested_field"
            body = {**body, "choices": _choices.for_update(current.get("choices") or [], body["choices"], nested=nested)}
        body = {k: v for k, v in body.items() if k != "type"}
        return adapter.http.json("PUT", f"{kind.path}/{obj_id}", json_body=body)


TICKET_FIELDS = Kind(
    name="ticket_fields", block=4, natural_key="label", path=PATH,
    server_owned=frozenset({"id", "created_at", "updated_at", "name", "default", "position", "has_section",
                            "section_mappings", "sections", "portal_cc", "portal_cc_to"}),
    immutable=frozenset({"type"}), builtin=BUILT_IN_LABELS, model=TicketField, normalize=normalize,
    is_system=lambda raw: bool(raw.get("default")),
    api={"paging": "none", "field_kind": True, "operations": TicketFieldOperations},
    summary="Ticket fields with dropdown choices and nested levels; rules and forms name them by label.",
    example=("ticket_fields:\n  - label: Product Area\n    type: custom_dropdown\n"
             "    displayed_to_customers: true\n    choices: [Web app, Mobile app, API]\n"),
)
