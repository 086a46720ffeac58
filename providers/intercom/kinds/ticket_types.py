"""Ticket types (Block 4): the kinds of ticket a team works (Intercom's ticket forms).

+ name: natural key. + description, icon (an emoji), category (Customer, Back-office, Tracker),
  is_internal.
+ attributes: the type's fields (see ``ticket_type_attributes``); left out, they are not managed.
+ archived: there is no delete. A pruned type is archived (``PUT {"archived": true}``); an
  archived type the YAML names again is restored.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import field_validator

from providers.intercom.kinds._common import Strict, refuse_duplicates
from providers.intercom.kinds.ticket_type_attributes import (TicketTypeAttribute, managed, normalize_attribute,
                                                              sync_attributes)
from provisioner.kind import Capabilities, Doc, Kind

ARCHIVE_ONLY = ("Intercom has no delete for ticket types: the type is archived (existing tickets keep it) "
                "and can be restored by naming it again")


class TicketType(Strict):
    name: str
    description: str | None = None
    icon: str | None = None
    category: Literal["Customer", "Back-office", "Tracker"] | None = None
    is_internal: bool | None = None
    archived: bool | None = None
    attributes: list[TicketTypeAttribute] | None = None

    @field_validator("attributes")
    @classmethod
    def _by_name(cls, attributes: list[TicketTypeAttribute] | None) -> list[TicketTypeAttribute] | None:
        if attributes is None:
            return None
        refuse_duplicates(attributes, lambda a: a.name, "attribute")
        return sorted(attributes, key=lambda a: a.name)


def normalize(doc: Doc) -> Doc:
    embedded = (doc.pop("ticket_type_attributes", None) or {}).get("data") or []
    live = [normalize_attribute(a) for a in managed(embedded) if not a.get("archived")]
    doc["attributes"] = sorted(live, key=lambda a: a["name"])
    return doc


class TicketTypeOperations:
    """A type and its attributes are separate endpoints; one change of the plan writes both."""

    def create(self, adapter: Any, kind: Kind, body: Doc) -> Doc:
        created = adapter.create_once(kind, {k: v for k, v in body.items() if k not in ("attributes", "archived")})
        path = f"{kind.path}/{created['id']}"
        if body.get("attributes"):
            self._sync(adapter, path, body["attributes"])
        if body.get("archived"):
            adapter.http.json("PUT", path, json_body={"archived": True})
        return created

    def update(self, adapter: Any, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:
        path = f"{kind.path}/{obj_id}"
        fields = {k: v for k, v in body.items() if k != "attributes"}
        answer = adapter.http.json("PUT", path, json_body=fields) if fields else {}
        if "attributes" in body:
            self._sync(adapter, path, body["attributes"] or [])
        return answer or {}

    def _sync(self, adapter: Any, path: str, desired: list[Doc]) -> None:
        def step() -> None:
            current = adapter.http.json("GET", path) or {}
            embedded = (current.get("ticket_type_attributes") or {}).get("data") or []
            sync_attributes(adapter.http, path, embedded, desired)

        adapter.until_settled(step)


TICKET_TYPES = Kind(
    name="ticket_types", block=4, natural_key="name", path="/ticket_types", list_key="data",
    server_owned=frozenset({"id", "type", "workspace_id", "created_at", "updated_at", "ticket_states"}),
    model=TicketType, normalize=normalize, defaults={"archived": False},
    is_system=lambda raw: bool(raw.get("archived")),
    capabilities=Capabilities(delete_means="archive", why_not={"delete": ARCHIVE_ONLY}),
    api={"paging": "none", "archive": "put", "operations": TicketTypeOperations()},
    summary="Ticket types and their attributes (archived, never deleted).",
    example=("ticket_types:\n  - name: Bug report\n    category: Back-office\n    icon: \"🐞\"\n    attributes:\n"
             "      - {name: Severity, data_type: list, list_items: [Low, Medium, High], required_to_create: true}\n"
             "      - {name: Steps to reproduce, data_type: string, multiline: true}\n"),
)
