"""Groups (Block 2): agents are routed to groups; most rules name one.

+ name: natural key, unique in practice.
+ description, is_public: a private group cannot be made public again.
"""

from __future__ import annotations

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Kind


class Group(Strict):
    name: str
    description: str | None = None
    is_public: bool | None = None


GROUPS = Kind(
    name="groups", block=2, natural_key="name", path="/api/v2/groups", envelope="group", list_key="groups",
    server_owned=frozenset({"id", "url", "created_at", "updated_at", "default", "deleted"}),
    builtin=frozenset({"Support"}), model=Group, is_system=lambda raw: bool(raw.get("default")),
    api={"list_params": {"exclude_deleted": "true"}},
    summary="Agent groups; triggers route tickets to them by name.",
    example="groups:\n  - name: Billing\n    description: Invoices, refunds and plan changes\n",
)
