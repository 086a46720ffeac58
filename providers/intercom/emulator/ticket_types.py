"""``/ticket_types``: list, create, read, update and archive (``PUT {"archived": true}``).

Documented behaviour (2.16 description, ``examples/ticket-type-create.json``):
- every new type gets two default attributes, ``_default_title_`` (order 0) and
  ``_default_description_`` (order 1, multiline), with ``default: true``;
- a type embeds its attributes as ``ticket_type_attributes {"type": "list", "data": [...]}``
  (the examples use ``data``; the schema's ``ticket_type_attributes`` key is not what is sent),
  archived ones included with ``archived: true``, and the workspace's ticket states as
  ``ticket_states {"type": "list", "data": [...]}``;
- ``category`` is ``Customer`` (default), ``Back-office`` or ``Tracker``; ``icon`` defaults to 🎟️;
- there is no DELETE; archived types stay in the list with ``archived: true``.
"""

from __future__ import annotations

from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .errors import invalid, missing, not_found
from .inputs import body_object, optional_bool, optional_str
from .records import by_numeric_id
from .seed import new_id
from .ticket_type_attributes import new_attribute

CATEGORIES = ("Customer", "Back-office", "Tracker")
DEFAULT_ICON = "\U0001f39f\ufe0f"


def render_ticket_type(emu: Any, ticket_type: dict[str, Any]) -> dict[str, Any]:
    attributes = [a for a in emu.store["ticket_type_attributes"].values()
                  if a["ticket_type_id"] == int(ticket_type["id"])]
    attributes.sort(key=lambda a: (a["order"], int(a["id"])))
    return {**ticket_type,
            "ticket_type_attributes": {"type": "list", "data": attributes},
            "ticket_states": {"type": "list", "data": by_numeric_id(emu.store["ticket_states"].values())}}


def register(router: Router, emu: Any) -> None:
    types = emu.store["ticket_types"]

    def lookup(ticket_type_id: str) -> dict[str, Any]:
        ticket_type = types.get(ticket_type_id)
        if ticket_type is None:
            raise not_found()
        return ticket_type

    def list_types(request: httpx.Request) -> httpx.Response:
        data = [render_ticket_type(emu, t) for t in by_numeric_id(types.values())]
        return json_response(200, {"type": "list", "data": data})

    def create_type(request: httpx.Request) -> httpx.Response:
        body = body_object(request)
        name = optional_str(body, "name")
        if not name or not name.strip():
            raise missing("Name is a required parameter.")
        category = body.get("category") or "Customer"
        if category not in CATEGORIES:
            raise invalid("Category must be one of: Customer, Back-office, Tracker")
        now = emu.now()
        ticket_type = types.put({
            "type": "ticket_type", "id": new_id(emu.store, "ticket_types"), "name": name,
            "description": optional_str(body, "description") or "",
            "icon": optional_str(body, "icon") or DEFAULT_ICON, "workspace_id": emu.workspace_id,
            "archived": False, "created_at": now, "updated_at": now,
            "is_internal": bool(optional_bool(body, "is_internal")), "category": category,
        })
        for order, (attr_name, multiline) in enumerate((("_default_title_", False), ("_default_description_", True))):
            new_attribute(emu, ticket_type, {"name": attr_name, "description": "", "data_type": "string",
                                             "multiline": multiline}, order=order, default=True)
        return json_response(200, render_ticket_type(emu, ticket_type))

    def get_type(request: httpx.Request, ticket_type_id: str) -> httpx.Response:
        return json_response(200, render_ticket_type(emu, lookup(ticket_type_id)))

    def update_type(request: httpx.Request, ticket_type_id: str) -> httpx.Response:
        ticket_type = lookup(ticket_type_id)
        body = body_object(request)
        changes: dict[str, Any] = {}
        for field in ("name", "description", "icon"):
            value = optional_str(body, field)
            if value is not None:
                changes[field] = value
        if "name" in changes and not changes["name"].strip():
            raise invalid("Name can't be blank")
        if body.get("category") is not None:
            if body["category"] not in CATEGORIES:
                raise invalid("Category must be one of: Customer, Back-office, Tracker")
            changes["category"] = body["category"]
        for field in ("archived", "is_internal"):
            value = optional_bool(body, field)
            if value is not None:
                changes[field] = value
        ticket_type.update(changes)
        ticket_type["updated_at"] = emu.now()
        return json_response(200, render_ticket_type(emu, ticket_type))

    router.add("GET", "/ticket_types", list_types)
    router.add("POST", "/ticket_types", create_type)
    router.add("GET", "/ticket_types/{ticket_type_id}", get_type)
    router.add("PUT", "/ticket_types/{ticket_type_id}", update_type)
