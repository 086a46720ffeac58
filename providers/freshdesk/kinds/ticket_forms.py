"""Ticket forms (Block 4): which fields a customer sees on a form, in order.

+ title: natural key, unique. The server derives ``name`` from it.
+ description.
+ fields: the form's fields in order, each a field label (built-in ones too) or
  ``{field: <label>, ...}`` with the per-form flags that override the field's own:
  label_for_customers, required_for_customers, displayed_to_customers, customers_can_edit,
  required_for_agents, required_for_closure.
The default form always shows every field and cannot be changed through the API; it exists in
every account and is never deleted. The form list leaves ``fields`` out, so reading forms takes
one request per form.
"""

from __future__ import annotations

from typing import Any

from pydantic import field_validator

from providers.common.fan_out import fan_out
from providers.freshdesk.kinds._common import Strict, pick
from provisioner.kind import Kind
from provisioner.references import Ref

OVERRIDES = ("label_for_customers", "required_for_customers", "displayed_to_customers", "customers_can_edit",
             "required_for_agents", "required_for_closure")


class FormField(Strict):
    field: str
    label_for_customers: str | None = None
    required_for_customers: bool | None = None
    displayed_to_customers: bool | None = None
    customers_can_edit: bool | None = None
    required_for_agents: bool | None = None
    required_for_closure: bool | None = None


class TicketForm(Strict):
    title: str
    description: str | None = None
    fields: list[FormField | str] | None = None  # a bare label is short for {field: label}

    @field_validator("fields", mode="before")
    @classmethod
    def _labels_as_entries(cls, value: Any) -> Any:
        """``Subject`` is short for ``{field: Subject}``; both compare the same."""
        if isinstance(value, list):
            return [{"field": item} if isinstance(item, str) else item for item in value]
        return value


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    result = pick(doc, ("title", "description"))
    if "fields" in doc:
        result["fields"] = [{"field": f.get("id"), **pick(f, OVERRIDES)}
                            for f in sorted(doc["fields"], key=lambda f: f.get("position") or 0)]
    return result


def to_payload(doc: dict[str, Any]) -> dict[str, Any]:
    if "fields" not in doc:
        return doc
    fields = [{"id": entry["field"], **{k: v for k, v in entry.items() if k != "field"}} for entry in doc["fields"] or []]
    return {**doc, "fields": fields}


class FormOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
        forms = adapter.list_all(kind.path, per_page=kind.api["per_page"])
        # The list leaves out each form's fields: every form but the default one is read whole.
        return fan_out(lambda form: form if form.get("default") else adapter.get(f"{kind.path}/{form['id']}"), forms)


TICKET_FORMS = Kind(
    name="ticket_forms", block=4, natural_key="title", path="/api/v2/ticket-forms",
    server_owned=frozenset({"id", "created_at", "updated_at", "name", "default"}),
    builtin=frozenset({"Default Ticket Form"}), model=TicketForm, normalize=normalize, to_payload=to_payload,
    is_system=lambda raw: bool(raw.get("default")),
    references=(Ref("fields[].field", "ticket_fields"),),
    api={"per_page": 50, "operations": FormOperations},
    summary="Ticket forms: the fields customers see, in order, by label, with per-form overrides.",
    example=("ticket_forms:\n  - title: Billing request\n    fields:\n      - Subject\n      - Description\n"
             "      - {field: Order number, required_for_customers: true}\n"),
)
