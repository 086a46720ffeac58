"""Skills-based routing attributes (Block 5): a skill type and its values, in one object.

+ name: natural key, the attribute ("Language", "Product").
+ values: the skills of that type (``[German, French]``), the complete set in any order: values
  not listed are deleted (which removes that skill from agents and tickets), new ones created.
Zendesk keeps values as their own objects under the attribute (UUID ids); the operations below
create and delete only the values that differ (a renamed value is a new value). Which agents
hold which skill is set in Admin Center.
"""

from __future__ import annotations

from typing import Any

from pydantic import field_validator

from providers.zendesk.kinds._rules import Strict, refuse
from provisioner.kind import Doc, Kind

PATH = "/api/v2/routing/attributes"


class RoutingAttribute(Strict):
    name: str
    values: list[str] | None = None

    @field_validator("values")
    @classmethod
    def _distinct(cls, values: list[str] | None) -> list[str] | None:
        seen = [v.lower() for v in values or []]
        duplicate = next((v for v in values or [] if seen.count(v.lower()) > 1), None)
        if duplicate is not None:
            raise refuse(f"value {duplicate!r} is listed twice (names are unique within an attribute)")
        return values


def normalize(doc: Doc) -> Doc:
    return {"name": doc.get("name"), "values": [v["name"] for v in doc.get("values") or []]}


class AttributeOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[Doc]:  # type: ignore[no-untyped-def]
        # One request: the values come sideloaded (``include=attribute_values``), not one list each.
        attributes: list[Doc] = []
        values: dict[Any, list[Doc]] = {}
        for body in adapter.pages(PATH, "none", {"include": "attribute_values"}):
            attributes += body.get("attributes", [])
            for value in body.get("attribute_values", []):
                values.setdefault(value.get("attribute_id"), []).append(value)
        for attribute in attributes:
            attribute["values"] = values.get(attribute["id"], [])
        return attributes

    @staticmethod
    def create(adapter, kind: Kind, body: Doc) -> Doc:  # type: ignore[no-untyped-def]
        attribute = adapter.http.json("POST", PATH, json_body={"attribute": {"name": body["name"]}})["attribute"]
        for value in body.get("values") or []:
            _add_value(adapter, attribute["id"], value)
        return attribute

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:  # type: ignore[no-untyped-def]
        if "name" in body:
            adapter.http.json("PUT", f"{PATH}/{obj_id}", json_body={"attribute": {"name": body["name"]}})
        if body.get("values") is not None:
            current = {v["name"]: v["id"] for v in adapter.list_all(f"{PATH}/{obj_id}/values", "attribute_values",
                                                                     paging="none")}
            for name, value_id in current.items():
                if name not in body["values"]:
                    adapter.http.request("DELETE", f"{PATH}/{obj_id}/values/{value_id}", ok_statuses=(404,))
            for name in body["values"]:
                if name not in current:
                    _add_value(adapter, obj_id, name)
        return {}


def _add_value(adapter, attribute_id: Any, name: str) -> None:  # type: ignore[no-untyped-def]
    adapter.http.json("POST", f"{PATH}/{attribute_id}/values", json_body={"attribute_value": {"name": name}})


ROUTING_ATTRIBUTES = Kind(
    name="routing_attributes", block=5, natural_key="name", path=PATH, envelope="attribute", list_key="attributes",
    model=RoutingAttribute, normalize=normalize, unordered=frozenset({"values"}),
    api={"operations": AttributeOperations, "paging": "none"},
    summary="Skills-based routing attributes and their values (skills).",
    example="routing_attributes:\n  - name: Language\n    values: [German, French, Spanish]\n",
)
