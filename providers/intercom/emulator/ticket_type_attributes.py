"""``/ticket_types/{id}/attributes``: create and update (archive with ``archived: true``).

There is no list or GET: attributes are read embedded in their ticket type. Documented rules
(2.16 description, ``examples/ticket-type-attribute-create.json``):
- ``name``, ``description`` and ``data_type`` (string, list, integer, decimal, boolean,
  datetime, files) are required; ``data_type`` cannot be updated (400 here when a different one
  is sent);
- ``list_items`` is a comma-delimited string; ``multiline`` applies to strings and
  ``allow_multiple_values`` to files; they come back inside ``input_options``;
- new attributes go after the existing ones (``order``), with ``visible_on_create`` and
  ``visible_to_contacts`` defaulting to true and the ``required_*`` flags to false.
List items come back as ``input_options.list_options [{id, label, archived}]``: tickets set a list
attribute by the item's id (a GUID, per the ticket docs), but the exact key name is not shown in
the description; removing an item from ``list_items`` archives it rather than dropping it.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .errors import invalid, missing, not_found
from .inputs import body_object, optional_bool, optional_str
from .seed import new_id

DATA_TYPES = ("string", "list", "integer", "decimal", "boolean", "datetime", "files")
FLAGS = {"required_to_create": False, "required_to_create_for_contacts": False,
         "visible_on_create": True, "visible_to_contacts": True}


def new_attribute(emu: Any, ticket_type: dict[str, Any], body: dict[str, Any], *, order: int,
                  default: bool = False) -> dict[str, Any]:
    """Validate a create body and store the attribute (also used for the two default ones)."""
    for field in ("name", "description", "data_type"):
        if not isinstance(body.get(field), str) or (field != "description" and not body[field].strip()):
            raise missing(f"{field} is a required parameter")
    data_type = body["data_type"]
    if data_type not in DATA_TYPES:
        raise invalid(f"data_type must be one of: {', '.join(DATA_TYPES)}")
    now = emu.now()
    attribute: dict[str, Any] = {
        "type": "ticket_type_attribute", "id": new_id(emu.store, "ticket_type_attributes"),
        "workspace_id": emu.workspace_id, "name": body["name"], "description": body["description"],
        "data_type": data_type, "order": order,
        **{flag: _flag(body, flag, fallback) for flag, fallback in FLAGS.items()},
        "default": default, "ticket_type_id": int(ticket_type["id"]), "archived": False,
        "created_at": now, "updated_at": now,
    }
    input_options = _input_options(data_type, body, previous=None)
    if input_options is not None:
        attribute["input_options"] = input_options
    return emu.store["ticket_type_attributes"].put(attribute)


def register(router: Router, emu: Any) -> None:
    attributes = emu.store["ticket_type_attributes"]

    def ticket_type_of(ticket_type_id: str) -> dict[str, Any]:
        ticket_type = emu.store["ticket_types"].get(ticket_type_id)
        if ticket_type is None:
            raise not_found()
        return ticket_type

    def create(request: httpx.Request, ticket_type_id: str) -> httpx.Response:
        ticket_type = ticket_type_of(ticket_type_id)
        siblings = [a for a in attributes.values() if a["ticket_type_id"] == int(ticket_type["id"])]
        order = max((a["order"] for a in siblings), default=-1) + 1
        attribute = new_attribute(emu, ticket_type, body_object(request), order=order)
        ticket_type["updated_at"] = emu.now()
        return json_response(200, attribute)

    def update(request: httpx.Request, ticket_type_id: str, attribute_id: str) -> httpx.Response:
        ticket_type = ticket_type_of(ticket_type_id)
        attribute = attributes.get(attribute_id)
        if attribute is None or attribute["ticket_type_id"] != int(ticket_type["id"]):
            raise not_found()
        body = body_object(request)
        if body.get("data_type") is not None and body["data_type"] != attribute["data_type"]:
            raise invalid("data_type cannot be updated")
        changes: dict[str, Any] = {}
        for field in ("name", "description"):
            value = optional_str(body, field)
            if value is not None:
                changes[field] = value
        for field in (*FLAGS, "archived"):
            value = optional_bool(body, field)
            if value is not None:
                changes[field] = value
        input_options = _input_options(attribute["data_type"], body, previous=attribute.get("input_options"))
        if input_options is not None:
            changes["input_options"] = input_options
        attribute.update(changes)
        attribute["updated_at"] = emu.now()
        return json_response(200, attribute)

    router.add("POST", "/ticket_types/{ticket_type_id}/attributes", create)
    router.add("PUT", "/ticket_types/{ticket_type_id}/attributes/{attribute_id}", update)


def _flag(body: dict[str, Any], name: str, fallback: bool) -> bool:
    value = optional_bool(body, name)
    return fallback if value is None else value


def _input_options(data_type: str, body: dict[str, Any], previous: dict[str, Any] | None) -> dict[str, Any] | None:
    """The ``input_options`` to store, or None to leave them as they are (or absent)."""
    if data_type == "string":
        multiline = optional_bool(body, "multiline")
        if previous is None:
            return {"multiline": bool(multiline)}
        return {**previous, "multiline": multiline} if multiline is not None else None
    if data_type == "files":
        multiple = optional_bool(body, "allow_multiple_values")
        if previous is None:
            return {"allow_multiple_values": bool(multiple)}
        return {**previous, "allow_multiple_values": multiple} if multiple is not None else None
    if data_type == "list":
        raw = optional_str(body, "list_items")
        if raw is None:
            if previous is None:
                raise missing("list_items is a required parameter for list attributes")
            return None
        labels = [item.strip() for item in raw.split(",") if item.strip()]
        if not labels:
            raise invalid("list_items must contain at least one item")
        return {"list_options": _merge_list_options(previous, labels)}
    return None


def _merge_list_options(previous: dict[str, Any] | None, labels: list[str]) -> list[dict[str, Any]]:
    existing = {o["label"]: o for o in (previous or {}).get("list_options", [])}
    merged = [{"id": existing[label]["id"] if label in existing else str(uuid.uuid4()),
               "label": label, "archived": False} for label in labels]
    merged += [{**o, "archived": True} for label, o in existing.items() if label not in labels]
    return merged
