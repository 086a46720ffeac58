"""Conversation attributes (Block 4): custom fields on conversations (API 2.16+).

+ name: natural key. + data_type: string, integer, list, decimal, boolean, datetime,
  relationship or files; immutable (the update endpoint does not take it).
+ description, required, multiline (string), reference (relationship: ``{type: one|many,
  object_type_id}``), visible_to_team_ids (team names).
+ options (list): the labels. Options are a sub-resource: a new label is added, a label the
  YAML drops is archived (Intercom keeps at least two active). They are compared as a set:
  Intercom appends new options and cannot reorder them.
DELETE archives an attribute, and an archived one cannot be restored through the API: it is
no longer listed, and an attribute the YAML names again is created anew.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from providers.intercom.kinds._common import Strict, refuse, refuse_duplicates
from provisioner.kind import Capabilities, Doc, Kind
from provisioner.references import Ref

ARCHIVE_ONLY = ("DELETE archives a conversation attribute (existing conversations keep its values); "
                "Intercom cannot restore it, so naming it again creates a new one")


class Reference(Strict):
    type: Literal["one", "many"]
    object_type_id: str | None = None


class ConversationAttribute(Strict):
    name: str
    data_type: Literal["string", "integer", "list", "decimal", "boolean", "datetime", "relationship", "files"]
    description: str | None = None
    required: bool | None = None
    multiline: bool | None = None
    visible_to_team_ids: list[str] | None = None
    options: list[str] | None = Field(default=None, validate_default=True)
    reference: Reference | None = Field(default=None, validate_default=True)

    @field_validator("multiline")
    @classmethod
    def _multiline_for_strings(cls, value: bool | None, info: ValidationInfo) -> bool | None:
        if value is not None and info.data.get("data_type") != "string":
            raise refuse("multiline applies only to data_type string")
        return value

    @field_validator("options")
    @classmethod
    def _options_for_lists(cls, options: list[str] | None, info: ValidationInfo) -> list[str] | None:
        if info.data.get("data_type") != "list":
            if options is not None:
                raise refuse("options apply only to data_type list")
            return None
        if options is None or len(options) < 2:
            raise refuse("a list attribute needs at least two options")
        refuse_duplicates(options, lambda label: label, "option")
        return options

    @field_validator("reference")
    @classmethod
    def _reference_for_relationships(cls, reference: Reference | None, info: ValidationInfo) -> Reference | None:
        relationship = info.data.get("data_type") == "relationship"
        if relationship and reference is None:
            raise refuse("a relationship attribute needs reference: {type: one|many, object_type_id: ...}")
        if not relationship and reference is not None:
            raise refuse("reference applies only to data_type relationship")
        return reference


def normalize(doc: Doc) -> Doc:
    if doc.get("data_type") == "list":
        doc["options"] = [o["label"] for o in doc.get("options") or [] if not o.get("archived")]
    else:
        doc.pop("options", None)
    if doc.get("data_type") != "string":
        doc.pop("multiline", None)
    if doc.get("data_type") != "relationship":
        doc.pop("reference", None)
    return doc


class ConversationAttributeOperations:
    """Options are written through ``/{id}/options``: added before others are archived, so the
    attribute never drops below the two active options Intercom insists on."""

    def create(self, adapter: Any, kind: Kind, body: Doc) -> Doc:
        fields = dict(body)
        if fields.get("options") is not None:
            fields["options"] = [{"label": label} for label in fields["options"]]
        return adapter.http.json("POST", kind.path, json_body=fields)

    def update(self, adapter: Any, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:
        path = f"{kind.path}/{obj_id}"
        fields = {k: v for k, v in body.items() if k != "options"}
        answer = adapter.http.json("PUT", path, json_body=fields) if fields else {}
        if body.get("options") is not None:
            adapter.until_settled(lambda: self._sync_options(adapter, path, body["options"]))
        return answer or {}

    def _sync_options(self, adapter: Any, path: str, labels: list[str]) -> None:
        current = adapter.http.json("GET", path) or {}
        active = {o["label"]: o for o in current.get("options") or [] if not o.get("archived")}
        for label in labels:
            if label not in active:
                adapter.http.json("POST", f"{path}/options", json_body={"label": label})
        for label, option in active.items():
            if label not in labels:
                adapter.http.request("DELETE", f"{path}/options/{option['id']}", ok_statuses=(404,))


CONVERSATION_ATTRIBUTES = Kind(
    name="conversation_attributes", block=4, natural_key="name", path="/conversations/attributes", list_key="data",
    server_owned=frozenset({"id", "type", "created_at", "updated_at", "admin_id", "archived"}),
    immutable=frozenset({"data_type"}), model=ConversationAttribute, normalize=normalize,
    references=(Ref("visible_to_team_ids", "teams", id_as_string=True),),
    unordered=frozenset({"visible_to_team_ids", "options"}),
    capabilities=Capabilities(delete_means="archive", why_not={"delete": ARCHIVE_ONLY}),
    api={"paging": "none", "operations": ConversationAttributeOperations()},
    summary="Custom conversation attributes and their list options (API 2.16+).",
    example=("conversation_attributes:\n  - name: Product area\n    data_type: list\n"
             "    options: [Billing, Mobile app, Web app]\n    visible_to_team_ids: [Support]\n"),
)
