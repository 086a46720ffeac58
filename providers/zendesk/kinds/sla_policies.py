"""SLA policies (Block 5): reply and resolution targets per priority.

+ title: natural key. + filter: ``{all, any}`` conditions choosing the tickets it covers.
+ policy_metrics: ``[{priority: urgent|high|normal|low, metric: first_reply_time|next_reply_time|
  periodic_update_time|requester_wait_time|agent_work_time, target: minutes, business_hours: bool}]``.
The first matching policy in the YAML order applies, so order is managed.
"""

from __future__ import annotations

from providers.zendesk.kinds._rules import Conditions, Strict, condition_refs
from provisioner.kind import Capabilities, Kind


class Metric(Strict):
    priority: str
    metric: str
    target: int
    business_hours: bool


class SlaPolicy(Strict):
    title: str
    description: str | None = None
    filter: Conditions
    policy_metrics: list[Metric]


SLA_POLICIES = Kind(
    name="sla_policies", block=5, natural_key="title", path="/api/v2/slas/policies", envelope="sla_policy",
    list_key="sla_policies", ordered=True, model=SlaPolicy,
    references=condition_refs("filter.all[]") + condition_refs("filter.any[]"),
    capabilities=Capabilities(reorder=True),
    api={"paging": "none", "reorder": {"path": "/api/v2/slas/policies/reorder", "body_key": "sla_policy_ids"}},
    summary="SLA policies with first-reply and resolution targets by priority.",
    example=("sla_policies:\n  - title: Standard\n    filter:\n      all:\n        - {field: type, operator: is_not, value: task}\n"
             "    policy_metrics:\n      - {priority: urgent, metric: first_reply_time, target: 60, business_hours: false}\n"),
)
