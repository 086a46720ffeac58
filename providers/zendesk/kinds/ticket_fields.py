"""Ticket fields (Block 4) with their drop-down options.

+ title: natural key (the raw title, so dynamic-content placeholders round-trip).
+ type: text, textarea, checkbox, date, integer, decimal, regexp, partialcreditcard,
  multiselect, tagger, lookup. Immutable: changing it is refused unless replace is allowed,
  because recreating a field destroys its values on tickets.
+ custom_field_options: ``[{name, value}]``; the value is the tag, unique across fields. The
  API replaces the whole list on update, so the YAML list is the complete set.
The system fields (Subject, Description, Status, Type, Priority, Group, Assignee) exist in every
account; forms and views may name them without declaring them.
"""

from __future__ import annotations

from typing import Any

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Capabilities, Kind

SYSTEM_FIELDS = frozenset({"Subject", "Description", "Status", "Type", "Priority", "Group", "Assignee"})


class Option(Strict):
    name: str
    value: str
    default: bool | None = None


class TicketField(Strict):
    title: str
    type: str
    description: str | None = None
    active: bool | None = None
    required: bool | None = None
    required_in_portal: bool | None = None
    visible_in_portal: bool | None = None
    editable_in_portal: bool | None = None
    title_in_portal: str | None = None
    agent_description: str | None = None
    tag: str | None = None
    regexp_for_validation: str | None = None
    custom_field_options: list[Option] | None = None


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    """Options compare by name, value and default only; their ids and positions are the server's."""
    options = doc.get("custom_field_options")
    if options:
        doc["custom_field_options"] = [
            {"name": o.get("raw_name", o.get("name")), "value": o.get("value"), "default": bool(o.get("default"))}
            for o in options
        ]
    return doc


TICKET_FIELDS = Kind(
    name="ticket_fields", block=4, natural_key="title", path="/api/v2/ticket_fields",
    envelope="ticket_field", list_key="ticket_fields",
    server_owned=frozenset({"id", "url", "created_at", "updated_at", "removable", "agent_can_edit",
                            "system_field_options", "custom_statuses", "sub_type_id", "key"}),
    immutable=frozenset({"type"}), ordered=True, builtin=SYSTEM_FIELDS, model=TicketField,
    is_system=lambda raw: raw.get("removable") is False,
    normalize=normalize,
    api={"reorder": {"path": "/api/v2/ticket_fields/reorder", "body_key": "ticket_field_ids"}},
    capabilities=Capabilities(reorder=True),
    summary="Custom ticket fields and their options (tags).",
    example=("ticket_fields:\n  - title: Product Area\n    type: tagger\n    custom_field_options:\n"
             "      - {name: Billing, value: area_billing}\n      - {name: Mobile app, value: area_mobile}\n"),
)
