"""Data attributes (Block 4): custom attributes of contacts (people) and companies.

+ name: natural key. Intercom reserves a name across both models and keeps archived attributes'
  names, so it is unique. Only letters, digits, spaces, hyphens, underscores and currency symbols.
+ model: ``contact`` or ``company``. + data_type: string, integer, float, boolean, date or
  options. Both are immutable: the API cannot change them, and a replacement cannot take the
  name (the archived original keeps it), so a change is refused.
+ options: the values of an ``options`` attribute (at least two), in display order.
+ description, messenger_writable.
+ archived: there is no delete. A pruned attribute is archived (``PUT {"archived": true}``);
  an archived one the YAML names again is restored (``archived: true → false``).
The standard attributes every workspace has (``email``, ``name`` …) have no id and are not
configuration; they are never listed.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from providers.intercom.kinds._common import Strict, refuse
from provisioner.kind import Capabilities, Doc, Kind

ARCHIVE_ONLY = ("Intercom has no delete for data attributes: the attribute is archived (hidden, its "
                "values kept) and can be restored by naming it again")


class DataAttribute(Strict):
    name: str
    model: Literal["contact", "company"]
    data_type: Literal["string", "integer", "float", "boolean", "date", "options"]
    description: str | None = None
    options: list[str] | None = Field(default=None, validate_default=True)
    messenger_writable: bool | None = None
    archived: bool | None = None

    @field_validator("name")
    @classmethod
    def _allowed_characters(cls, name: str) -> str:
        bad = sorted({c for c in name if not (c.isalnum() or c in " -_" or unicodedata.category(c) == "Sc")})
        if bad or not name.strip():
            raise refuse(f"Intercom allows only letters, digits, spaces, hyphens, underscores and currency "
                         f"symbols in a data attribute name{' (not ' + ' '.join(repr(c) for c in bad) + ')' if bad else ''}")
        return name

    @field_validator("description")
    @classmethod
    def _empty_is_none(cls, description: str | None) -> str | None:
        return description or None

    @field_validator("options")
    @classmethod
    def _options_for_options_type(cls, options: list[str] | None, info: ValidationInfo) -> list[str] | None:
        data_type = info.data.get("data_type")
        if data_type == "options" and (options is None or len(set(options)) < 2):
            raise refuse("an attribute of data_type options needs at least two distinct options")
        if data_type != "options" and options is not None:
            raise refuse("options apply only to data_type options")
        return options


class DataAttributeOperations:
    def read(self, adapter: Any, kind: Kind) -> list[Doc]:
        return [raw for raw in adapter.list_all(kind) if raw.get("custom") and raw.get("id") is not None]


def normalize(doc: Doc) -> Doc:
    """An options attribute reads back as ``data_type: string`` with its ``options`` listed.
    An attribute created without a description has none; one cleared has ``""``: the same."""
    if not doc.get("description"):
        doc.pop("description", None)
    if doc.get("options") is not None:
        doc["data_type"] = "options"
    else:
        doc.pop("options", None)
    return doc


def to_payload(doc: Doc) -> Doc:
    body = dict(doc)
    if body.get("options") is not None:
        body["options"] = [{"value": value} for value in body["options"]]
    return body


DATA_ATTRIBUTES = Kind(
    name="data_attributes", block=4, natural_key="name", path="/data_attributes", list_key="data",
    server_owned=frozenset({"id", "type", "full_name", "label", "api_writable", "ui_writable", "custom",
                            "admin_id", "created_at", "updated_at"}),
    immutable=frozenset({"model", "data_type"}), model=DataAttribute, normalize=normalize, to_payload=to_payload,
    defaults={"archived": False}, is_system=lambda raw: bool(raw.get("archived")),
    capabilities=Capabilities(delete_means="archive", why_not={"delete": ARCHIVE_ONLY}),
    api={"paging": "none", "archive": "put", "list_params": {"include_archived": "true"},
         "operations": DataAttributeOperations()},
    summary="Custom attributes of contacts and companies (archived, never deleted).",
    example=("data_attributes:\n  - name: plan_tier\n    model: company\n    data_type: options\n"
             "    options: [Starter, Growth, Enterprise]\n    description: Commercial plan of the company\n"),
)
