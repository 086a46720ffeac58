"""Automations (Block 6): time-based rules, checked hourly.

+ title: natural key. + conditions: ``all`` needs a time condition (``hours_since_*``) and one on
  status, type, group, assignee or requester; Zendesk refuses others. + actions, active.
"""

from __future__ import annotations

from providers.zendesk.kinds._rules import Action, Conditions, Strict, rule_refs
from provisioner.kind import Capabilities, Kind


class Automation(Strict):
    title: str
    active: bool | None = None
    conditions: Conditions
    actions: list[Action]


AUTOMATIONS = Kind(
    name="automations", block=6, natural_key="title", path="/api/v2/automations", envelope="automation",
    list_key="automations", server_owned=frozenset({"id", "url", "created_at", "updated_at", "default"}),
    ordered=True, references=rule_refs(), model=Automation, defaults={"active": True},
    capabilities=Capabilities(reorder=True),
    api={"reorder": {"path": "/api/v2/automations/update_many", "body_key": "automations", "style": "update_many"},
         "newest_first": True},
    summary="Time-based automations (auto-close, reminders, escalations).",
    example=("automations:\n  - title: Close solved tickets after 4 days\n    conditions:\n      all:\n"
             "        - {field: status, operator: is, value: solved}\n"
             "        - {field: SOLVED, operator: greater_than, value: '96'}\n"
             "    actions:\n      - {field: status, value: closed}\n"),
)
