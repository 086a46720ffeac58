"""Roles (Block 2, read-only): what agents may do.

+ name: natural key; the four built-in roles exist in every account.
+ description.
The API has no role create, update or delete. Declaring a role checks it for drift.
"""

from __future__ import annotations

from typing import Any

from providers.freshdesk.kinds._common import Strict, model_fields, pick
from provisioner.kind import Capabilities, Kind

WHY = "read-only in the Freshdesk API; edit roles in Admin → Roles"
BUILT_IN_ROLES = frozenset({"Account Administrator", "Administrator", "Supervisor", "Agent"})


class Role(Strict):
    name: str
    description: str | None = None


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    return pick(doc, model_fields(Role))


ROLES = Kind(
    name="roles", block=2, natural_key="name", path="/api/v2/roles",
    server_owned=frozenset({"id", "created_at", "updated_at", "default", "agent_type"}),
    builtin=BUILT_IN_ROLES, model=Role, normalize=normalize, is_system=lambda raw: bool(raw.get("default")),
    capabilities=Capabilities(create=False, update=False, delete=False,
                              why_not={"create": WHY, "update": WHY, "delete": WHY}),
    summary="Agent roles (read-only): checked for drift.",
    example="roles:\n  - name: Supervisor\n",
)
