"""Ticket forms (Block 4): which fields an agent or requester sees, in order.

+ name: natural key.
+ ticket_field_ids: field titles in display order (system fields by their titles).
+ agent_conditions / end_user_conditions: conditional fields; ``parent_field_id`` and
  ``child_fields[].id`` are field titles.
"""

from __future__ import annotations

from typing import Any

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Capabilities, Kind
from provisioner.references import Ref


class ChildField(Strict):
    id: str
    is_required: bool | None = None
    required_on_statuses: dict[str, Any] | None = None


class FormCondition(Strict):
    parent_field_id: str
    value: Any = None
    child_fields: list[ChildField] = []


class TicketForm(Strict):
    name: str
    display_name: str | None = None
    active: bool | None = None
    default: bool | None = None
    end_user_visible: bool | None = None
    in_all_brands: bool | None = None
    ticket_field_ids: list[str] | None = None
    agent_conditions: list[FormCondition] | None = None
    end_user_conditions: list[FormCondition] | None = None


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    doc.pop("raw_name", None)
    doc.pop("raw_display_name", None)
    return doc


TICKET_FORMS = Kind(
    name="ticket_forms", block=4, natural_key="name", path="/api/v2/ticket_forms",
    envelope="ticket_form", list_key="ticket_forms",
    server_owned=frozenset({"id", "url", "created_at", "updated_at", "deleted_at", "restricted_brand_ids"}),
    ordered=True, builtin=frozenset({"Default Ticket Form"}), model=TicketForm, normalize=normalize,
    is_system=lambda raw: bool(raw.get("default")),
    references=(
        Ref("ticket_field_ids", "ticket_fields"),
        Ref("agent_conditions[].parent_field_id", "ticket_fields"),
        Ref("agent_conditions[].child_fields[].id", "ticket_fields"),
        Ref("end_user_conditions[].parent_field_id", "ticket_fields"),
        Ref("end_user_conditions[].child_fields[].id", "ticket_fields"),
    ),
    capabilities=Capabilities(reorder=True),
    api={"reorder": {"path": "/api/v2/ticket_forms/reorder", "body_key": "ticket_form_ids"}},
    summary="Ticket forms and the fields they show, by field title.",
    example="ticket_forms:\n  - name: Billing request\n    ticket_field_ids: [Subject, Description, Product Area]\n",
)
