"""``/conversations/attributes`` (2.16+): conversation custom attributes and their list options.

Documented behaviour (2.16 description, ``examples/conversation-attribute-create.json``):
- ``data_type`` is one of string, integer, list, decimal, boolean, datetime, relationship, files;
  anything else answers 422 "data_type 'x' is not valid. Allowed types: ...";
- ``id`` is an integer; string attributes carry ``multiline``, list attributes ``options
  [{id (uuid), label, archived}]``, relationship attributes ``reference {type: one|many,
  object_type_id}``;
- DELETE archives (soft delete) and answers the attribute with ``archived: true``; the list hides
  archived ones unless ``include_archived=true``; there is no unarchive;
- options are managed under ``/{id}/options``: POST adds ``{"label"}`` (the only key accepted),
  PUT renames, DELETE archives (the option stays, ``archived: true``) and refuses to leave fewer
  than 2 active options; option endpoints on a non-list attribute answer 422;
- errors on this family carry ``request_id: null`` and not-found is
  ``conversation_attribute_not_found`` ("Conversation attribute not found" / "List option not
  found").
``data_type`` is not in the update schema; a different one is refused with 422 here.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .errors import ApiError
from .inputs import body_object, query_bool
from .records import by_numeric_id
from .seed import new_id

DATA_TYPES = ("string", "integer", "list", "decimal", "boolean", "datetime", "relationship", "files")


def _error(status: int, code: str, message: str) -> ApiError:
    return ApiError(status, code, message, request_id=False)


def _unprocessable(message: str) -> ApiError:
    return _error(422, "parameter_invalid", message)


def _attribute_not_found() -> ApiError:
    return _error(404, "conversation_attribute_not_found", "Conversation attribute not found")


def _option_label(body: dict[str, Any]) -> str:
    if set(body) - {"label"}:
        raise _unprocessable("only 'label' is accepted")
    if "label" not in body or body["label"] is None:
        raise _unprocessable("label is required")
    if not isinstance(body["label"], str):
        raise _unprocessable("label must be a string")
    return body["label"]


def _common_fields(body: dict[str, Any], data_type: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in ("name", "description"):
        if body.get(name) is not None:
            if not isinstance(body[name], str):
                raise _unprocessable(f"{name} must be a string")
            fields[name] = body[name]
    if "name" in fields and not fields["name"].strip():
        raise _unprocessable("name can't be blank")
    if body.get("required") is not None:
        if not isinstance(body["required"], bool):
            raise _unprocessable("required must be a boolean")
        fields["required"] = body["required"]
    if body.get("visible_to_team_ids") is not None:
        team_ids = body["visible_to_team_ids"]
        if not isinstance(team_ids, list):
            raise _unprocessable("visible_to_team_ids must be an array")
        fields["visible_to_team_ids"] = [str(t) for t in team_ids]
    if data_type == "string" and body.get("multiline") is not None:
        fields["multiline"] = bool(body["multiline"])
    if data_type == "relationship" and body.get("reference") is not None:
        reference = body["reference"]
        if not isinstance(reference, dict) or reference.get("type") not in ("one", "many"):
            raise _unprocessable("reference.type must be one or many")
        fields["reference"] = {k: reference[k] for k in ("type", "object_type_id") if k in reference}
    return fields


def register(router: Router, emu: Any) -> None:
    attributes = emu.store["conversation_attributes"]

    def lookup(attribute_id: str) -> dict[str, Any]:
        attribute = attributes.get(attribute_id) if attribute_id.isdigit() else None
        if attribute is None:
            raise _attribute_not_found()
        return attribute

    def list_lookup(attribute_id: str) -> dict[str, Any]:
        attribute = lookup(attribute_id)
        if attribute["data_type"] != "list":
            raise _unprocessable("Options can only be managed on list attributes")
        return attribute

    def option_of(attribute: dict[str, Any], option_id: str) -> dict[str, Any]:
        option = next((o for o in attribute["options"] if o["id"] == option_id), None)
        if option is None:
            raise _error(404, "conversation_attribute_not_found", "List option not found")
        return option

    def touched(attribute: dict[str, Any]) -> httpx.Response:
        attribute["updated_at"] = emu.now()
        return json_response(200, attribute)

    def list_attributes(request: httpx.Request) -> httpx.Response:
        include_archived = query_bool(request, "include_archived")
        data = [a for a in by_numeric_id(attributes.values()) if include_archived or not a["archived"]]
        return json_response(200, {"type": "list", "data": data})

    def create_attribute(request: httpx.Request) -> httpx.Response:
        body = body_object(request)
        data_type = body.get("data_type")
        if data_type not in DATA_TYPES:
            raise _unprocessable(f"data_type '{data_type}' is not valid. Allowed types: {', '.join(DATA_TYPES)}")
        fields = _common_fields(body, data_type)
        if "name" not in fields:
            raise _unprocessable("name is required")
        now = emu.now()
        attribute: dict[str, Any] = {
            "type": "conversation_attribute", "id": int(new_id(emu.store, "conversation_attributes")),
            "name": fields.pop("name"), "description": "", "data_type": data_type, "required": False,
            "visible_to_team_ids": [], "archived": False, "created_at": now, "updated_at": now,
            "admin_id": emu.owner_admin_id,
        }
        if data_type == "string":
            attribute["multiline"] = False
        if data_type == "list":
            if not isinstance(body.get("options") or [], list):
                raise _unprocessable("options must be an array")
            labels = [_option_label(o if isinstance(o, dict) else {}) for o in body.get("options") or []]
            if len(labels) < 2:
                raise _unprocessable("A list attribute must have at least 2 active options")
            attribute["options"] = [{"id": str(uuid.uuid4()), "label": label, "archived": False} for label in labels]
        if data_type == "relationship" and "reference" not in fields:
            raise _unprocessable("reference is required for relationship attributes")
        attribute.update(fields)
        attributes.put(attribute)
        return json_response(200, attribute)

    def get_attribute(request: httpx.Request, attribute_id: str) -> httpx.Response:
        return json_response(200, lookup(attribute_id))

    def update_attribute(request: httpx.Request, attribute_id: str) -> httpx.Response:
        attribute = lookup(attribute_id)
        body = body_object(request)
        if body.get("data_type") is not None and body["data_type"] != attribute["data_type"]:
            raise _unprocessable("data_type cannot be changed")
        attribute.update(_common_fields(body, attribute["data_type"]))
        return touched(attribute)

    def archive_attribute(request: httpx.Request, attribute_id: str) -> httpx.Response:
        attribute = lookup(attribute_id)
        attribute["archived"] = True
        return touched(attribute)

    def add_option(request: httpx.Request, attribute_id: str) -> httpx.Response:
        attribute = list_lookup(attribute_id)
        label = _option_label(body_object(request))
        attribute["options"].append({"id": str(uuid.uuid4()), "label": label, "archived": False})
        return touched(attribute)

    def rename_option(request: httpx.Request, attribute_id: str, option_id: str) -> httpx.Response:
        attribute = list_lookup(attribute_id)
        option = option_of(attribute, option_id)
        option["label"] = _option_label(body_object(request))
        return touched(attribute)

    def archive_option(request: httpx.Request, attribute_id: str, option_id: str) -> httpx.Response:
        attribute = list_lookup(attribute_id)
        option = option_of(attribute, option_id)
        active = [o for o in attribute["options"] if not o["archived"] and o is not option]
        if len(active) < 2:
            raise _unprocessable("A list attribute must have at least 2 active options")
        option["archived"] = True
        return touched(attribute)

    base = "/conversations/attributes"
    router.add("GET", base, list_attributes)
    router.add("POST", base, create_attribute)
    router.add("GET", base + "/{attribute_id}", get_attribute)
    router.add("PUT", base + "/{attribute_id}", update_attribute)
    router.add("DELETE", base + "/{attribute_id}", archive_attribute)
    router.add("POST", base + "/{attribute_id}/options", add_option)
    router.add("PUT", base + "/{attribute_id}/options/{option_id}", rename_option)
    router.add("DELETE", base + "/{attribute_id}/options/{option_id}", archive_option)
