"""Group SLA policies (Block 5): how long a group may own a ticket, by priority.

+ title: natural key. + description.
+ filter: ``{all: [{field: group_id, operator: includes|not_includes, value: [group names]}]}``
  (the only condition Zendesk allows here).
+ policy_metrics: ``[{priority, metric: group_ownership_time, target: seconds, business_hours}]``.
The first matching policy in the YAML order applies, so order is managed (reorder endpoint).
Ids are strings.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Capabilities, Kind
from provisioner.references import Ref


class GroupCondition(Strict):
    field: Literal["group_id"]
    operator: Literal["includes", "not_includes"]
    value: list[str] = Field(min_length=1)


class GroupFilter(Strict):
    all: list[GroupCondition] = Field(min_length=1)


class OwnershipMetric(Strict):
    priority: Literal["urgent", "high", "normal", "low"]
    metric: Literal["group_ownership_time"]
    target: int = Field(gt=0)
    business_hours: bool


class GroupSlaPolicy(Strict):
    title: str
    description: str | None = None
    filter: GroupFilter
    policy_metrics: list[OwnershipMetric]


GROUP_SLA_POLICIES = Kind(
    name="group_sla_policies", block=5, natural_key="title", path="/api/v2/group_slas/policies",
    envelope="group_sla_policy", list_key="group_sla_policies", ordered=True, model=GroupSlaPolicy,
    references=(Ref("filter.all[].value", "groups", when=("field", ("group_id",))),),
    capabilities=Capabilities(reorder=True),
    api={"paging": "none",
         "reorder": {"path": "/api/v2/group_slas/policies/reorder", "body_key": "group_sla_policy_ids"}},
    summary="Group SLA policies: how long each group may own a ticket.",
    example=("group_sla_policies:\n  - title: Tier 1 hand-off\n    filter:\n      all:\n"
             "        - {field: group_id, operator: includes, value: [Support Tier 1]}\n    policy_metrics:\n"
             "      - {priority: urgent, metric: group_ownership_time, target: 3600, business_hours: false}\n"),
)
