"""``/data_attributes``: contact and company custom attributes (list, create, update/archive).

Documented rules (2.16 description, examples in ``vendor-specs/intercom/examples``):
- there is no DELETE and no GET by id; ``PUT {"archived": true}`` archives, ``false`` restores;
- the list takes ``model`` (``contact``/``company``; ``conversation`` answers 422 since 2.16) and
  ``include_archived`` (archived ones are hidden by default); standard attributes come first,
  with ``custom: false`` and no ``id``;
- names may contain only alphanumerics, spaces, hyphens, underscores and currency symbols, and a
  name is taken across *both* models: "You already have 'X' in your company data. To save this as
  new people data, use a different name.";
- ``data_type: options`` needs at least two ``options`` and is answered as ``data_type: "string"``
  with ``options`` as a list of strings (the update example); ``datetime`` is answered as ``date``
  (the response enum has no ``datetime``);
- ``data_type`` cannot change after creation (the PUT page warns it is "not possible"); sending a
  different one answers 400 here, where the real API's exact reaction is undocumented;
- PUT on an unknown id: 404 ``field_not_found`` "We couldn't find that data attribute to update".
"""

from __future__ import annotations

import unicodedata
from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .builtin_data_attributes import builtin_attributes
from .errors import ApiError, invalid, missing
from .inputs import body_object, optional_bool, optional_str, query_bool
from .seed import new_id

MODELS = ("contact", "company")
CREATE_TYPES = ("string", "integer", "float", "boolean", "date", "datetime", "options")
MODEL_LABEL = {"contact": "people", "company": "company"}
NAME_RULE = "Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens"


def register(router: Router, emu: Any) -> None:
    attrs = emu.store["data_attributes"]

    def list_attributes(request: httpx.Request) -> httpx.Response:
        model = request.url.params.get("model")
        if model == "conversation":
            raise ApiError(422, "parameter_invalid", "model=conversation is no longer supported. "
                           "Use GET /conversations/attributes instead")
        if model is not None and model not in MODELS:
            raise invalid("The Data Attribute model field must be either contact or company")
        include_archived = query_bool(request, "include_archived")
        models = [model] if model else list(MODELS)
        data: list[dict[str, Any]] = []
        for each in models:
            data.extend(builtin_attributes(each))
            data.extend(a for a in sorted(attrs.values(), key=lambda a: a["id"])
                        if a["model"] == each and (include_archived or not a["archived"]))
        return json_response(200, {"type": "list", "data": data})

    def create_attribute(request: httpx.Request) -> httpx.Response:
        body = body_object(request)
        name = body.get("name")
        if not isinstance(name, str) or not name.strip():
            raise missing("Name is a required parameter.")
        model = body.get("model")
        if model not in MODELS:
            raise invalid("The Data Attribute model field must be either contact or company")
        data_type = body.get("data_type")
        if data_type not in CREATE_TYPES:
            raise invalid("Data Type isn't an option")
        if not _valid_name(name):
            raise invalid(NAME_RULE)
        _check_name_free(attrs.values(), name, model)
        description = optional_str(body, "description")
        messenger_writable = optional_bool(body, "messenger_writable")
        now = emu.now()
        attribute: dict[str, Any] = {
            "id": int(new_id(emu.store, "data_attributes")), "type": "data_attribute", "name": name,
            "full_name": f"custom_attributes.{name}", "label": name,
            "data_type": {"options": "string", "datetime": "date"}.get(data_type, data_type),
            "api_writable": True, "ui_writable": False, "messenger_writable": bool(messenger_writable),
            "custom": True, "archived": False, "admin_id": emu.owner_admin_id,
            "created_at": now, "updated_at": now, "model": model,
        }
        if description is not None:
            attribute["description"] = description
        if data_type == "options":
            attribute["options"] = _options(body.get("options"))
        attrs.put(attribute)
        return json_response(200, attribute)

    def update_attribute(request: httpx.Request, data_attribute_id: str) -> httpx.Response:
        attribute = attrs.get(data_attribute_id) if data_attribute_id.isdigit() else None
        if attribute is None:
            raise ApiError(404, "field_not_found", "We couldn't find that data attribute to update")
        body = body_object(request)
        requested_type = body.get("data_type")
        if requested_type is not None and (not isinstance(requested_type, str)
                                           or requested_type not in _same_type_spellings(attribute)):
            raise invalid("Data type cannot be changed through the API; change it in the Intercom UI")
        changes: dict[str, Any] = {}
        for field in ("archived", "messenger_writable"):
            value = optional_bool(body, field)
            if value is not None:
                changes[field] = value
        description = optional_str(body, "description")
        if description is not None:
            changes["description"] = description
        if "options" in body:
            changes["options"] = _options(body["options"])
        attribute.update(changes)
        attribute["updated_at"] = emu.now()
        return json_response(200, attribute)

    router.add("GET", "/data_attributes", list_attributes)
    router.add("POST", "/data_attributes", create_attribute)
    router.add("PUT", "/data_attributes/{data_attribute_id}", update_attribute)


def _same_type_spellings(attribute: dict[str, Any]) -> set[str]:
    """Request spellings of the stored type: ``options`` is stored as string, ``datetime`` as date."""
    spellings = {attribute["data_type"]}
    if "options" in attribute:
        spellings.add("options")
    if attribute["data_type"] == "date":
        spellings.add("datetime")
    return spellings


def _valid_name(name: str) -> bool:
    for char in name:
        if char.isalnum() or char in " -_":
            continue
        if unicodedata.category(char) == "Sc":  # currency symbols
            continue
        return False
    return True


def _check_name_free(existing: list[dict[str, Any]], name: str, model: str) -> None:
    for other in existing:
        if other["name"].casefold() == name.casefold():
            raise invalid(f"You already have '{other['name']}' in your {MODEL_LABEL[other['model']]} data. "
                          f"To save this as new {MODEL_LABEL[model]} data, use a different name.")


def _options(raw: Any) -> list[str]:
    if not isinstance(raw, list):
        raise invalid("Options isn't an array")
    values = []
    for option in raw:
        if not isinstance(option, dict) or not isinstance(option.get("value"), str):
            raise invalid("Options must be objects with a string value")
        values.append(option["value"])
    if len(values) < 2:
        raise invalid("Options must contain at least two values")
    return values
