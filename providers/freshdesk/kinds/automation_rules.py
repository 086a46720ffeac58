"""Automation rules of Freshdesk's three types, declared as three kinds from one template.

One YAML section per type keeps each list in its own firing order and each name unique within
its type (Freshdesk allows the same name across types):

+ ``ticket_creation_rules`` (type 1, Block 5): run on every new ticket (dispatcher);
+ ``ticket_update_rules`` (type 4, Block 5): run when an event happens (observer); these also
  need ``performer`` (who made the change: ``{type, members: [agent emails]}``) and ``events``;
+ ``time_trigger_rules`` (type 3, Block 6): run hourly on tickets matching conditions.

A rule has ``name`` (natural key), ``description``, ``active`` (default true), ``operator``
(AND or OR between two condition sets), ``conditions`` (at most two sets of ``{match_type:
all|any, properties: [{resource_type, field_name, operator, value}]}``; ``resource_type``
defaults to ticket) and ``actions`` (``[{field_name, value, ...}]``, shapes vary by action).
Groups are named by name and agents by email wherever a rule assigns, matches or notifies one;
custom fields are named by label. The YAML order is the firing order.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from providers.freshdesk.field_names import rewrite_rule
from providers.freshdesk.kinds._common import Open, Strict, model_fields, pick
from provisioner.kind import Capabilities, Kind
from provisioner.references import Ref

# Values that sit where an id would but name no object ("--" is "none" in events).
NOT_A_REFERENCE = frozenset({"", "--", "*", "none", "any", 0, -1})
GROUP_FIELDS = ("group_id",)
AGENT_FIELDS = ("responder_id",)


class Property(Open):
    resource_type: Literal["ticket", "requester", "contact", "company"] | None = None
    field_name: str
    operator: str
    value: Any = None


class ConditionSet(Strict):
    match_type: Literal["all", "any"]
    properties: list[Property] = Field(min_length=1)


class Action(Open):
    """``{field_name, value}``; some actions carry more keys (``email_to``, ``email_subject``)."""

    field_name: str
    value: Any = None


class Performer(Strict):
    """Who made the change: 1 an agent (``members``: emails; none means any), 2 the requester,
    3 an agent or the requester, 4 the system."""

    type: int
    members: list[str] | None = None


class Event(Open):
    """``{field_name, from, to}``: the change that fires the rule (``--`` is none, ``*`` any)."""

    field_name: str
    from_: Any = Field(None, alias="from")
    to: Any = None


class Rule(Strict):
    name: str
    description: str | None = None
    active: bool | None = None
    operator: Literal["AND", "OR"] | None = None
    conditions: list[ConditionSet] = Field(max_length=2)  # [] for a rule on every ticket
    actions: list[Action] = Field(min_length=1)


class ObserverRule(Rule):
    performer: Performer
    events: list[Event] = Field(min_length=1)


def _value_refs(prefix: str, *fields: str) -> tuple[Ref, ...]:
    """Refs for ``<prefix>`` values that name a group or an agent, chosen by ``field_name``."""
    return tuple(
        Ref(f"{prefix}.{field}", target, when=("field_name", names), literals=NOT_A_REFERENCE)
        for field in fields
        for names, target in ((GROUP_FIELDS, "groups"), (AGENT_FIELDS, "agents"))
    )


REFERENCES = (
    _value_refs("conditions[].properties[]", "value")
    + _value_refs("actions[]", "value")
    + _value_refs("events[]", "from", "to")
    + (
        Ref("actions[].value", "agents", when=("field_name", ("add_watcher",)), literals=NOT_A_REFERENCE),
        Ref("actions[].email_to", "groups", when=("field_name", ("send_email_to_group",)), literals=NOT_A_REFERENCE),
        Ref("actions[].email_to", "agents", when=("field_name", ("send_email_to_agent",)), literals=NOT_A_REFERENCE),
        Ref("performer.members", "agents"),
    )
)


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    """Condition sets are named by their place and properties default to tickets: both go."""
    doc = pick(doc, model_fields(ObserverRule))
    sets = []
    for entry in doc.get("conditions") or []:
        properties = [{k: v for k, v in p.items() if not (k == "resource_type" and v == "ticket")}
                      for p in entry.get("properties", [])]
        sets.append({"match_type": entry.get("match_type"), "properties": properties})
    doc["conditions"] = sets
    return doc


def to_payload(doc: dict[str, Any]) -> dict[str, Any]:
    if "conditions" not in doc:
        return doc
    sets = []
    for number, entry in enumerate(doc["conditions"] or [], start=1):
        properties = [{"resource_type": "ticket", **p} for p in entry.get("properties", [])]
        sets.append({"name": f"condition_set_{number}", "match_type": entry.get("match_type"), "properties": properties})
    return {**doc, "conditions": sets}


class RuleOperations:
    """Custom fields travel by generated name; the YAML (and the plan) shows their labels."""

    @staticmethod
    def read(adapter, kind: Kind) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
        return [rewrite_rule(raw, adapter.field_names.label) for raw in adapter.list_all(kind.path)]

    @staticmethod
    def create(adapter, kind: Kind, body: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        return adapter.http.json("POST", kind.path, json_body=rewrite_rule(body, adapter.field_names.name))

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        return adapter.http.json("PUT", f"{kind.path}/{obj_id}", json_body=rewrite_rule(body, adapter.field_names.name))


def rule_kind(*, name: str, rule_type: int, block: int, summary: str, example: str) -> Kind:
    observer = rule_type == 4
    return Kind(
        name=name, block=block, natural_key="name", path=f"/api/v2/automations/{rule_type}/rules",
        server_owned=frozenset({"id", "created_at", "updated_at", "position", "outdated", "summary",
                                "affected_tickets_count", "last_updated_by", "meta"}),
        ordered=True, model=ObserverRule if observer else Rule, references=REFERENCES,
        normalize=normalize, to_payload=to_payload, defaults={"active": True},
        capabilities=Capabilities(reorder=True),
        api={"operations": RuleOperations, "position_field": "position", "rule_type": rule_type},
        summary=summary, example=example,
    )


TICKET_CREATION_RULES = rule_kind(
    name="ticket_creation_rules", rule_type=1, block=5,
    summary="Automation rules run on ticket creation (type 1), in order.",
    example=("ticket_creation_rules:\n  - name: Route billing emails\n    conditions:\n      - match_type: any\n"
             "        properties:\n          - {field_name: subject_or_description, operator: contains_any_of, "
             "value: [invoice, refund]}\n    actions:\n      - {field_name: group_id, value: Billing}\n"),
)
TICKET_UPDATE_RULES = rule_kind(
    name="ticket_update_rules", rule_type=4, block=5,
    summary="Automation rules run when a ticket is updated (type 4): performer, events, conditions.",
    example=("ticket_update_rules:\n  - name: Reopen on customer reply\n    performer: {type: 2}\n"
             "    events:\n      - {field_name: reply_sent}\n    conditions:\n      - match_type: all\n"
             "        properties:\n          - {field_name: status, operator: in, value: [4]}\n"
             "    actions:\n      - {field_name: status, value: 2}\n"),
)
TIME_TRIGGER_RULES = rule_kind(
    name="time_trigger_rules", rule_type=3, block=6,
    summary="Automation rules run hourly on matching tickets (type 3, time triggers).",
    example=("time_trigger_rules:\n  - name: Close resolved tickets after 2 days\n    conditions:\n"
             "      - match_type: all\n        properties:\n          - {field_name: status, operator: in, value: [4]}\n"
             "          - {field_name: hours_since_resolved, operator: greater_than, value: 48}\n"
             "    actions:\n      - {field_name: status, value: 5}\n"),
)
