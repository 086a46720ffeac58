"""Groups (Block 2): agents are routed to groups; rules, SLA policies and mailboxes name them.

+ name: natural key, unique (case-insensitively) in an account.
+ description; unassigned_for: 30m, 1h, 2h, 4h, 8h, 12h, 1d, 2d or 3d before escalation.
+ escalate_to: the agent (by email) told when a ticket stays unassigned; the plan checks the
  person is in the account.
+ auto_ticket_assign: round-robin assignment on or off (the API's 0/1 is written true/false).
+ group_type: support_agent_group or field_agent_group.
+ business_hour_id: the business hours calendar by name.
Members are managed on the agents (``agents[].group_ids``): the group list does not even carry
them, and one owner per fact keeps two YAML sections from fighting over it.
"""

from __future__ import annotations

from typing import Any, Literal

from providers.freshdesk.kinds._common import Strict, model_fields, pick
from provisioner.kind import Kind
from provisioner.references import Ref


class Group(Strict):
    name: str
    description: str | None = None
    escalate_to: str | None = None
    unassigned_for: Literal["30m", "1h", "2h", "4h", "8h", "12h", "1d", "2d", "3d"] | None = None
    auto_ticket_assign: bool | None = None
    group_type: Literal["support_agent_group", "field_agent_group"] | None = None
    business_hour_id: str | None = None


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    doc = pick(doc, model_fields(Group))
    if "auto_ticket_assign" in doc and doc["auto_ticket_assign"] is not None:
        doc["auto_ticket_assign"] = bool(doc["auto_ticket_assign"])
    return doc


def to_payload(doc: dict[str, Any]) -> dict[str, Any]:
    """Business hour ids are JSON strings when read but numbers when a group names one."""
    hours = doc.get("business_hour_id")
    if isinstance(hours, str) and hours.isdigit():
        doc = {**doc, "business_hour_id": int(hours)}
    return doc


GROUPS = Kind(
    name="groups", block=2, natural_key="name", path="/api/v2/groups",
    server_owned=frozenset({"id", "created_at", "updated_at", "agent_ids"}),
    references=(Ref("escalate_to", "agents"), Ref("business_hour_id", "business_hours")),
    model=Group, normalize=normalize, to_payload=to_payload,
    summary="Agent groups; rules, SLA policies, canned responses and mailboxes name them.",
    example=("groups:\n  - name: Billing\n    description: Invoices, refunds and plan changes\n"
             "    unassigned_for: 1h\n    business_hour_id: Default\n"),
)
