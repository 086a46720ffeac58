"""Dynamic sections of ticket fields (Block 4): extra fields that appear for some choices.

+ label: natural key (Freshdesk keeps it unique per dropdown; keep it unique in the YAML).
+ ticket_field: the dropdown (custom, or the built-in Type) whose choices open the section; it
  cannot move to another dropdown.
+ choices: the dropdown values that show the section (a value opens at most one section).
+ fields: labels of the fields shown inside the section (any order).
On the wire a section hangs under its dropdown (``/admin/ticket_fields/{id}/sections``), names
choices by id, and learns its fields from each field's ``section_mappings``; the operations
below translate all three, so the live object's id is ``<dropdown id>/<section id>``.
"""

from __future__ import annotations

from typing import Any

from providers.common.fan_out import fan_out
from providers.freshdesk.kinds._common import Strict
from provisioner.kind import Kind
from provisioner.references import Ref

FIELDS_PATH = "/api/v2/admin/ticket_fields"


class Section(Strict):
    label: str
    ticket_field: str
    choices: list[str]
    fields: list[str] | None = None


def _choice_ids(parent: dict[str, Any]) -> dict[str, Any]:
    return {c["value"]: c["id"] for c in parent.get("choices") or [] if isinstance(c, dict) and "value" in c}


def _described(parent: dict[str, Any], section: dict[str, Any]) -> dict[str, Any]:
    """The section as read, plus the choice values its ids stand for and its two-part id."""
    values = {cid: value for value, cid in _choice_ids(parent).items()}
    return {**section, "path_id": f"{parent['id']}/{section['id']}",
            "choice_values": [values.get(cid, cid) for cid in section.get("choice_ids", [])]}


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    return {"label": doc.get("label"), "ticket_field": doc.get("parent_ticket_field_id"),
            "choices": doc.get("choice_values", []), "fields": doc.get("ticket_field_ids", [])}


def _split(path_id: Any) -> tuple[str, str]:
    parent, _, section = str(path_id).partition("/")
    return parent, section


class SectionOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
        parents = [parent for parent in adapter.list_all(FIELDS_PATH, paging="none") if parent.get("has_section")]
        lists = fan_out(lambda parent: adapter.list_all(f"{FIELDS_PATH}/{parent['id']}/sections", paging="none"), parents)
        return [_described(parent, section) for parent, sections in zip(parents, lists) for section in sections]

    @staticmethod
    def create(adapter, kind: Kind, body: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        parent = adapter.get(f"{FIELDS_PATH}/{body['ticket_field']}")
        ids = _choice_ids(parent)
        section = adapter.http.json("POST", f"{FIELDS_PATH}/{parent['id']}/sections", json_body={
            "label": body["label"], "choice_ids": [ids.get(v, v) for v in body["choices"]]})
        _map_fields(adapter, section["id"], place=body.get("fields") or [], remove=[])
        return _described(parent, section)

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        parent_id, section_id = _split(obj_id)
        path = f"{FIELDS_PATH}/{parent_id}/sections/{section_id}"
        change: dict[str, Any] = {}
        if "label" in body:
            change["label"] = body["label"]
        if "choices" in body:
            ids = _choice_ids(adapter.get(f"{FIELDS_PATH}/{parent_id}"))
            change["choice_ids"] = [ids.get(v, v) for v in body["choices"]]
        section = adapter.http.json("PUT", path, json_body=change) if change else adapter.get(path)
        if "fields" in body:
            current = [str(i) for i in section.get("ticket_field_ids", [])]
            wanted = [str(i) for i in body["fields"] or []]
            _map_fields(adapter, section["id"], place=[i for i in wanted if i not in current],
                        remove=[i for i in current if i not in wanted], order=wanted)
        return section

    @staticmethod
    def delete(adapter, kind: Kind, obj_id: Any) -> None:  # type: ignore[no-untyped-def]
        parent_id, section_id = _split(obj_id)
        adapter.http.request("DELETE", f"{FIELDS_PATH}/{parent_id}/sections/{section_id}", ok_statuses=(404,))


def _map_fields(adapter, section_id: Any, *, place: list[Any], remove: list[Any],  # type: ignore[no-untyped-def]
                order: list[Any] | None = None) -> None:
    """Put fields into the section (at their place in ``order``) or take them out, through each
    field's own ``section_mappings`` (a field may sit in sections of several dropdowns)."""
    order = list(order if order is not None else place)
    for field_id in list(place) + list(remove):
        field = adapter.get(f"{FIELDS_PATH}/{field_id}")
        mappings = [m for m in field.get("section_mappings") or [] if m.get("section_id") != section_id]
        if field_id in place:
            mappings.append({"section_id": section_id, "position": order.index(field_id) + 1})
        adapter.http.json("PUT", f"{FIELDS_PATH}/{field_id}", json_body={"section_mappings": mappings})


TICKET_FIELD_SECTIONS = Kind(
    name="ticket_field_sections", block=4, natural_key="label", path=FIELDS_PATH, id_field="path_id",
    server_owned=frozenset({"id", "path_id", "created_at", "updated_at", "is_fsm"}),
    immutable=frozenset({"ticket_field"}),
    references=(Ref("ticket_field", "ticket_fields"), Ref("fields", "ticket_fields")),
    unordered=frozenset({"fields"}), model=Section, normalize=normalize,
    api={"operations": SectionOperations, "field_kind": True},
    summary="Dynamic sections: fields that appear when a dropdown has one of some values.",
    example=("ticket_field_sections:\n  - label: Refund details\n    ticket_field: Request type\n"
             "    choices: [Refund]\n    fields: [Order number]\n"),
)
