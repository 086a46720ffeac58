"""SLA policies (Block 5): respond and resolve targets per priority, in evaluation order.

+ name: natural key (Freshdesk allows duplicates; pin one with ``match_id`` if you have them).
+ description; active (default true: switching a policy off in the UI shows as drift).
+ applicable_to: which tickets it covers: ``{group_ids: [group names], ticket_types: [...],
  sources: [source numbers], company_ids: [...], product_ids: [...]}``; at least one condition
  (the default policy covers every ticket and takes none).
+ sla_target: ``{priority_1..priority_4: {respond_within, resolve_within, next_respond_within,
  business_hours, escalation_enabled}}`` with times in **seconds**; priority_4 is Urgent and
  priority_1 is Low, as in the API.
+ escalation: ``{response: {escalation_time, agent_ids: [emails]}, resolution: {level_1..level_4:
  {escalation_time, agent_ids}}}``.
The YAML order is the evaluation order (the first policy that matches applies; the default one
comes last). The API has **no delete**: pruning a policy deactivates it (``active: false``),
and the plan says so. A deactivated policy the YAML does not name is left alone afterwards.
"""

from __future__ import annotations

from typing import Any, Literal

from providers.freshdesk.kinds._common import Strict, model_fields, pick, without_empty
from provisioner.kind import Capabilities, Kind
from provisioner.references import Ref

PRIORITIES = ("priority_1", "priority_2", "priority_3", "priority_4")
LEVELS = ("level_1", "level_2", "level_3", "level_4")


class Target(Strict):
    respond_within: int
    resolve_within: int
    next_respond_within: int | None = None
    business_hours: bool
    escalation_enabled: bool


class ApplicableTo(Strict):
    group_ids: list[str] | None = None
    ticket_types: list[str] | None = None
    sources: list[int] | None = None
    company_ids: list[int] | None = None
    product_ids: list[int] | None = None


class Escalate(Strict):
    escalation_time: int
    agent_ids: list[str] | None = None


class Resolution(Strict):
    level_1: Escalate | None = None
    level_2: Escalate | None = None
    level_3: Escalate | None = None
    level_4: Escalate | None = None


class Escalation(Strict):
    response: Escalate | None = None
    resolution: Resolution | None = None


class SlaPolicy(Strict):
    name: str
    description: str | None = None
    active: bool | None = None
    applicable_to: ApplicableTo | None = None
    sla_target: dict[Literal["priority_1", "priority_2", "priority_3", "priority_4"], Target] | None = None
    escalation: Escalation | None = None


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    doc = pick(doc, model_fields(SlaPolicy))
    if isinstance(doc.get("applicable_to"), dict):
        doc["applicable_to"] = without_empty(dict(doc["applicable_to"]), *model_fields(ApplicableTo))
    return without_empty(doc, "applicable_to", "escalation")


def is_system(raw: dict[str, Any]) -> bool:
    """The default policy, and policies already deactivated: neither is ever pruned again."""
    return bool(raw.get("is_default")) or raw.get("active") is False


class SlaOperations:
    """No single GET and no DELETE; a non-default policy's update must carry ``applicable_to``."""

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        if "applicable_to" not in body:
            current = next((p for p in adapter.list_all(kind.path) if str(p["id"]) == str(obj_id)), None)
            if current is not None and not current.get("is_default"):
                body = {**body, "applicable_to": current.get("applicable_to") or {}}
        return adapter.http.json("PUT", f"{kind.path}/{obj_id}", json_body=body)

    @staticmethod
    def delete(adapter, kind: Kind, obj_id: Any) -> None:  # type: ignore[no-untyped-def]
        SlaOperations.update(adapter, kind, obj_id, {"active": False}, {})


SLA_POLICIES = Kind(
    name="sla_policies", block=5, natural_key="name", path="/api/v2/sla_policies",
    server_owned=frozenset({"id", "created_at", "updated_at", "is_default", "position"}),
    ordered=True, model=SlaPolicy, normalize=normalize, is_system=is_system, defaults={"active": True},
    references=(Ref("applicable_to.group_ids", "groups"), Ref("escalation.response.agent_ids", "agents"))
    + tuple(Ref(f"escalation.resolution.{level}.agent_ids", "agents") for level in LEVELS),
    capabilities=Capabilities(reorder=True, delete_means="deactivate", why_not={
        "delete": "the Freshdesk API cannot delete SLA policies: pruning one sets active: false"}),
    api={"operations": SlaOperations, "position_field": "position"},
    summary="SLA policies: respond and resolve targets per priority, first match wins.",
    example=("sla_policies:\n  - name: Billing SLA\n    applicable_to: {group_ids: [Billing]}\n    sla_target:\n"
             "      priority_4: {respond_within: 3600, resolve_within: 14400, business_hours: false, escalation_enabled: true}\n"),
)
