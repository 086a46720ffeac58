"""Triggers (Block 5): event rules that route and notify, run in their listed order.

+ title: natural key. + conditions: ``{all: [...], any: [...]}`` of ``{field, operator, value}``.
+ actions: ``[{field, value}]``. Groups, forms and custom fields are named, not numbered:
  ``{field: group_id, value: Billing}``, ``{field: "custom_fields:Product Area", ...}``.
+ active (default true), description. The YAML order is the firing order.
+ category_id: the trigger category, by name (``category_id: Routing``); left out, a new
  trigger joins the first category. Triggers fire category by category, so list the triggers
  of one category together, in the categories' order (a validator checks this).
+ Webhooks and legacy targets are named in notifications: ``{field: notification_webhook,
  value: [Escalations hook, '{"ticket": "{{ticket.id}}"}']}``.
With one category, the order is set through ``/triggers/reorder``; with several, Zendesk refuses
that endpoint (``LimitOneCategory``) and the order goes through the trigger categories' batch job.
"""

from __future__ import annotations

from typing import Any

from providers.zendesk.kinds._rules import Action, Conditions, Strict, rule_refs
from providers.zendesk.kinds.trigger_categories import PATH as CATEGORIES, run_job
from provisioner.kind import Capabilities, Kind
from provisioner.references import Ref


class Trigger(Strict):
    title: str
    description: str | None = None
    active: bool | None = None
    conditions: Conditions | None = None
    actions: list[Action]
    category_id: str | None = None


class TriggerOperations:
    @staticmethod
    def reorder(adapter, kind: Kind, ids: list[Any]) -> None:  # type: ignore[no-untyped-def]
        """``ids`` is every trigger in the new firing order (managed ones first)."""
        if len(adapter.list_all(CATEGORIES, "trigger_categories")) > 1:
            run_job(adapter, {"triggers": [{"id": i, "position": n} for n, i in enumerate(ids, start=1)]})
        else:
            adapter.http.json("PUT", "/api/v2/triggers/reorder", json_body={"trigger_ids": ids})


TRIGGERS = Kind(
    name="triggers", block=5, natural_key="title", path="/api/v2/triggers", envelope="trigger",
    list_key="triggers", server_owned=frozenset({"id", "url", "created_at", "updated_at", "default"}),
    ordered=True, references=rule_refs() + (Ref("category_id", "trigger_categories"),), model=Trigger,
    defaults={"active": True}, capabilities=Capabilities(reorder=True),
    api={"operations": TriggerOperations, "newest_first": True},
    summary="Ticket triggers: conditions and actions run on every ticket update, in order.",
    example=("triggers:\n  - title: Route billing tickets\n    conditions:\n      all:\n"
             "        - {field: update_type, operator: is, value: Create}\n"
             "        - {field: comment_includes_word, operator: includes, value: billing}\n"
             "    actions:\n      - {field: group_id, value: Billing}\n"),
)
