"""The attributes of a ticket type, written in YAML under their ticket type.

Intercom has no list or GET for them: they are read embedded in their ticket type and written
through ``/ticket_types/{id}/attributes[/{attribute_id}]``. There is no delete either: an
attribute the YAML no longer lists is archived (it stays on existing tickets), and one the YAML
lists again is restored. Attributes are matched by ``name`` within their ticket type and
compared in name order: the API appends new attributes and has no way to reorder them.

+ name, description, data_type (string, list, integer, decimal, boolean, datetime, files;
  immutable), required_to_create, required_to_create_for_contacts, visible_on_create,
  visible_to_contacts; multiline (string), allow_multiple_values (files), list_items (list:
  the items in order; Intercom takes them comma-separated, so an item cannot hold a comma).
The two default attributes of every type (``_default_title_``, ``_default_description_``) are
the type's own and are not listed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from providers.intercom.kinds._common import Strict, refuse
from provisioner.kind import Doc
from provisioner.plan.diff import matches

RESERVED = frozenset({"_default_title_", "_default_description_"})
FLAGS = ("required_to_create", "required_to_create_for_contacts", "visible_on_create", "visible_to_contacts")


class TicketTypeAttribute(Strict):
    name: str
    data_type: Literal["string", "list", "integer", "decimal", "boolean", "datetime", "files"]
    description: str | None = None
    required_to_create: bool | None = None
    required_to_create_for_contacts: bool | None = None
    visible_on_create: bool | None = None
    visible_to_contacts: bool | None = None
    multiline: bool | None = None
    allow_multiple_values: bool | None = None
    list_items: list[str] | None = Field(default=None, validate_default=True)

    @field_validator("name")
    @classmethod
    def _not_reserved(cls, name: str) -> str:
        if name in RESERVED or not name.strip():
            raise refuse(f"{name!r} is the name of a default attribute every ticket type has; choose another")
        return name

    @field_validator("multiline")
    @classmethod
    def _multiline_for_strings(cls, value: bool | None, info: ValidationInfo) -> bool | None:
        if value is not None and info.data.get("data_type") != "string":
            raise refuse("multiline applies only to data_type string")
        return value

    @field_validator("allow_multiple_values")
    @classmethod
    def _multiple_for_files(cls, value: bool | None, info: ValidationInfo) -> bool | None:
        if value is not None and info.data.get("data_type") != "files":
            raise refuse("allow_multiple_values applies only to data_type files")
        return value

    @field_validator("list_items")
    @classmethod
    def _items_for_lists(cls, items: list[str] | None, info: ValidationInfo) -> list[str] | None:
        if info.data.get("data_type") != "list":
            if items is not None:
                raise refuse("list_items apply only to data_type list")
            return items
        if not items:
            raise refuse("an attribute of data_type list needs list_items")
        for item in items:
            if "," in item or not item.strip():
                raise refuse(f"list item {item!r}: Intercom takes the items comma-separated, so an item "
                             "cannot be empty or hold a comma")
        return items


def normalize_attribute(raw: Doc) -> Doc:
    """One live attribute in YAML terms (flags and input options flattened)."""
    doc = {name: raw[name] for name in ("name", "data_type", "description", *FLAGS) if name in raw}
    options = raw.get("input_options") or {}
    if raw.get("data_type") == "string" and "multiline" in options:
        doc["multiline"] = bool(options["multiline"])
    if raw.get("data_type") == "files" and "allow_multiple_values" in options:
        doc["allow_multiple_values"] = bool(options["allow_multiple_values"])
    if raw.get("data_type") == "list":
        doc["list_items"] = [o["label"] for o in options.get("list_options") or [] if not o.get("archived")]
    return doc


def managed(raw_attributes: list[Doc]) -> list[Doc]:
    """The attributes the YAML speaks of: not the two defaults (archived ones are told apart)."""
    return [a for a in raw_attributes if not a.get("default") and a.get("name") not in RESERVED]


def attribute_body(attribute: Doc, *, creating: bool) -> Doc:
    body = dict(attribute)
    if body.get("list_items") is not None:
        body["list_items"] = ",".join(body["list_items"])
    if creating:
        body.setdefault("description", "")  # required by the create endpoint
    else:
        body.pop("data_type", None)  # cannot change; a different one is refused at plan time
    return body


def sync_attributes(http: Any, type_path: str, raw_attributes: list[Doc], desired: list[Doc]) -> None:
    """Make the type's attributes the desired ones: update or restore by name, create the
    missing, archive the rest. Idempotent, so a write without a clear answer can be repeated."""
    current = managed(raw_attributes)
    active = {a["name"]: a for a in current if not a.get("archived")}
    archived: dict[str, Doc] = {}
    for attribute in current:
        if attribute.get("archived"):
            archived.setdefault(attribute["name"], attribute)
    wanted = {a["name"] for a in desired}
    for attribute in desired:
        live = active.get(attribute["name"])
        if live is not None:
            if not matches(attribute, normalize_attribute(live)):
                http.json("PUT", f"{type_path}/attributes/{live['id']}", json_body=attribute_body(attribute, creating=False))
            continue
        old = archived.get(attribute["name"])
        if old is not None and old.get("data_type") == attribute["data_type"]:
            body = {**attribute_body(attribute, creating=False), "archived": False}
            http.json("PUT", f"{type_path}/attributes/{old['id']}", json_body=body)
            continue
        http.json("POST", f"{type_path}/attributes", json_body=attribute_body(attribute, creating=True))
    for name, live in active.items():
        if name not in wanted:
            http.json("PUT", f"{type_path}/attributes/{live['id']}", json_body={"archived": True})
