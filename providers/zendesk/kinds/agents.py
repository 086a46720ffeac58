"""Agents (Block 2, read-only): the people other objects name by email.

+ email: natural key. Agents take a seat and are invited in Admin Center, so the tool never
  creates, changes or deletes one. Group memberships and Help Center article authors name
  agents by email; each email is checked against the target account when
  planning (a missing person is a ``missing_user`` error, or the project's ``fallback_user``
  with a warning), never discovered half-way through an apply.
Declaring agents here is optional: it asserts that they exist with that name, role and custom
role (by role name), and the plan reports any difference.
"""

from __future__ import annotations

from typing import Literal

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Capabilities, Doc, Kind
from provisioner.references import Ref

WHY = "agents are invited (and given a seat) in Admin Center → People; the tool names existing agents by email"


class Agent(Strict):
    email: str
    name: str | None = None
    role: Literal["agent", "admin"] | None = None
    custom_role_id: str | None = None


def normalize(doc: Doc) -> Doc:
    return {k: doc.get(k) for k in ("email", "name", "role", "custom_role_id")}


AGENTS = Kind(
    name="agents", block=2, natural_key="email", path="/api/v2/users", list_key="users",
    model=Agent, normalize=normalize, references=(Ref("custom_role_id", "custom_roles"),),
    # Every agent is the account's, not the YAML's: never listed as unmanaged, never exported.
    is_system=lambda raw: True,
    capabilities=Capabilities(create=False, update=False, delete=False,
                              why_not={"create": WHY, "update": WHY, "delete": WHY}),
    api={"list_params": {"role[]": ["agent", "admin"]}},
    summary="Agents and admins (read-only): named by email in memberships, rules and articles.",
    example="agents:\n  - email: ana@example.com\n    role: agent\n    custom_role_id: Billing specialist\n",
)
