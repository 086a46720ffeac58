"""Triggers (Block 5): event rules that route and notify, run in their listed order.

+ title: natural key. + conditions: ``{all: [...], any: [...]}`` of ``{field, operator, value}``.
+ actions: ``[{field, value}]``. Groups, forms and custom fields are named, not numbered:
  ``{field: group_id, value: Billing}``, ``{field: "custom_fields:Product Area", ...}``.
+ active (default true), description. The YAML order is the firing order.
"""

from __future__ import annotations

from providers.zendesk.kinds._rules import Action, Conditions, Strict, rule_refs
from provisioner.kind import Capabilities, Kind


class Trigger(Strict):
    title: str
    description: str | None = None
    active: bool | None = None
    conditions: Conditions | None = None
    actions: list[Action]
    category_id: str | None = None


TRIGGERS = Kind(
    name="triggers", block=5, natural_key="title", path="/api/v2/triggers", envelope="trigger",
    list_key="triggers", server_owned=frozenset({"id", "url", "created_at", "updated_at", "default"}),
    ordered=True, references=rule_refs(), model=Trigger, defaults={"active": True},
    capabilities=Capabilities(reorder=True),
    api={"reorder": {"path": "/api/v2/triggers/reorder", "body_key": "trigger_ids"}},
    summary="Ticket triggers: conditions and actions run on every ticket update, in order.",
    example=("triggers:\n  - title: Route billing tickets\n    conditions:\n      all:\n"
             "        - {field: update_type, operator: is, value: Create}\n"
             "        - {field: comment_includes_word, operator: includes, value: billing}\n"
             "    actions:\n      - {field: group_id, value: Billing}\n"),
)
