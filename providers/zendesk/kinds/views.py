"""Views (Block 6): the ticket queues agents work from.

Zendesk reads views in one shape and writes them in another: GET returns ``conditions`` and
``execution.columns`` as objects; POST/PUT take top-level ``all``/``any`` (string values) and
``output.columns`` as ids. The YAML uses the read shape with columns as plain names
(``status``, ``requester``, ``custom_fields:Product Area``); ``to_payload`` writes the other.
"""

from __future__ import annotations

from typing import Any

from providers.zendesk.kinds._rules import (CUSTOM_FIELD_KEY, RESTRICTION_ID_REF, RESTRICTION_REF, Conditions,
                                            Restriction, Strict, condition_refs)
from provisioner.kind import Capabilities, Kind
from provisioner.references import Ref

OUTPUT_FIELDS = ("columns", "group_by", "group_order", "sort_by", "sort_order")


class Execution(Strict):
    columns: list[Any] | None = None
    group_by: str | None = None
    group_order: str | None = None
    sort_by: str | None = None
    sort_order: str | None = None


class View(Strict):
    title: str
    description: str | None = None
    active: bool | None = None
    conditions: Conditions
    execution: Execution | None = None
    restriction: Restriction | None = None


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    execution = doc.get("execution")
    if isinstance(execution, dict):
        columns = [c.get("id") if isinstance(c, dict) else c for c in execution.get("columns") or []]
        doc["execution"] = {name: execution.get(name) for name in OUTPUT_FIELDS if name != "columns"}
        doc["execution"]["columns"] = columns
    return doc


def _stringify(conditions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**c, "value": c["value"] if isinstance(c.get("value"), str) or c.get("value") is None else str(c["value"])}
            for c in conditions]


def to_payload(doc: dict[str, Any]) -> dict[str, Any]:
    body = {k: v for k, v in doc.items() if k not in {"conditions", "execution"}}
    if "conditions" in doc:
        body["all"] = _stringify(doc["conditions"].get("all", []))
        body["any"] = _stringify(doc["conditions"].get("any", []))
    if "execution" in doc:
        body["output"] = {k: v for k, v in doc["execution"].items() if v is not None}
    return body


VIEWS = Kind(
    name="views", block=6, natural_key="title", path="/api/v2/views", envelope="view", list_key="views",
    server_owned=frozenset({"id", "url", "created_at", "updated_at", "default", "position", "raw_title"}),
    ordered=True, model=View, normalize=normalize, to_payload=to_payload, defaults={"active": True},
    references=condition_refs("conditions.all[]") + condition_refs("conditions.any[]") + (
        RESTRICTION_REF, RESTRICTION_ID_REF, Ref("execution.columns", "ticket_fields", key_prefix=CUSTOM_FIELD_KEY)),
    capabilities=Capabilities(reorder=True),
    api={"reorder": {"path": "/api/v2/views/update_many", "body_key": "views", "style": "update_many"},
         "newest_first": True},
    summary="Shared views (ticket queues).",
    example=("views:\n  - title: Billing queue\n    conditions:\n      all:\n"
             "        - {field: status, operator: less_than, value: solved}\n"
             "        - {field: group_id, operator: is, value: Billing}\n"
             "    execution:\n      columns: [status, requester, 'custom_fields:Product Area', updated]\n"),
)
