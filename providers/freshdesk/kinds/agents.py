"""Agents (Block 5): which groups each existing agent works in and which skills they hold.

+ email: natural key. Agents are people with seats: the tool never creates or deletes one. An
  agent the YAML names that the account does not have is a plan-time error.
+ group_ids: group names; skill_ids: skill names (the complete sets, in any order).
+ ticket_scope: global (every ticket), group (their groups' tickets) or restricted (their own).
+ occasional: a day-pass agent.
Other objects name agents by email too (a group's ``escalate_to``, a rule's ``responder_id``)
without declaring them here: the plan checks each against the account (``provisioner.people``).
Membership lives in Block 5 with routing because agents hold skills, routing objects created in
that block.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import field_validator

from providers.freshdesk.kinds._common import Strict, Words, pick
from provisioner.kind import Capabilities, Kind
from provisioner.references import Ref

TICKET_SCOPES = Words({1: "global", 2: "group", 3: "restricted"})


class Agent(Strict):
    email: str
    group_ids: list[str] | None = None
    skill_ids: list[str] | None = None
    ticket_scope: Literal["global", "group", "restricted"] | None = None
    occasional: bool | None = None

    @field_validator("email")
    @classmethod
    def _lower(cls, value: str) -> str:
        """Freshdesk folds agent emails to lower case; so does the YAML, to match them."""
        return value.strip().lower()


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    contact = doc.get("contact") or {}
    doc = {**pick(doc, ("group_ids", "skill_ids", "ticket_scope", "occasional")), "email": contact.get("email")}
    return TICKET_SCOPES.to_words(doc, "ticket_scope")


def to_payload(doc: dict[str, Any]) -> dict[str, Any]:
    doc = {k: v for k, v in doc.items() if k != "email"}
    return TICKET_SCOPES.to_numbers(doc, "ticket_scope")


AGENTS = Kind(
    name="agents", block=5, natural_key="email", path="/api/v2/agents",
    server_owned=frozenset({"id", "created_at", "updated_at"}),
    references=(Ref("group_ids", "groups"), Ref("skill_ids", "skills")),
    unordered=frozenset({"group_ids", "skill_ids"}),
    model=Agent, normalize=normalize, to_payload=to_payload,
    capabilities=Capabilities(create=False, delete=False, why_not={
        "create": "agents are invited in Admin → Agents (each one takes a seat); the tool manages existing "
                  "agents' groups and skills: check the email or invite the agent first",
        "delete": "deleting an agent turns them into a contact and unassigns their tickets; do it in Admin → Agents",
    }),
    summary="Existing agents' group membership, skills and ticket scope, by email.",
    example="agents:\n  - email: sam@example.com\n    group_ids: [Billing]\n    skill_ids: [Spanish speakers]\n",
)
