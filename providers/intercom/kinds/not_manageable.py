"""What Intercom's API cannot manage at all, declared so that the capability table says why.

Each is a kind that is never read, created, changed or deleted; a YAML section naming one is
refused when the YAML is loaded, with the reason, rather than silently ignored.
"""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from providers.intercom.kinds._common import Strict, refuse
from provisioner.kind import Capabilities, Kind

REASONS = {
    "workflows": ("workflows (and Series, Fin procedures) are built in the Intercom UI; the API can only "
                  "export one by id (GET /export/workflows/{id}), with no list, create or update"),
    "sla_rules": ("SLA rules are not in the Intercom API; a conversation only carries the SLA applied to it "
                  "(sla_applied), read-only"),
    "roles": "teammate roles and permissions are not exposed by the Intercom API (admin.role is read-only)",
}
BLOCKS = {"workflows": 5, "sla_rules": 5, "roles": 2}


def not_manageable(name: str) -> Kind:
    reason = REASONS[name]

    class NotManageable(Strict):
        @model_validator(mode="before")
        @classmethod
        def _refuse(cls, data: Any) -> Any:
            raise refuse(f"{name} cannot be managed: {reason}")

    NotManageable.__name__ = NotManageable.__qualname__ = f"{name.title().replace('_', '')}NotManageable"
    return Kind(
        name=name, block=BLOCKS[name], natural_key="name", path="", model=NotManageable,
        capabilities=Capabilities(read=False, create=False, update=False, delete=False, why_not={"read": reason}),
        summary=f"Not manageable: {reason}.",
    )


WORKFLOWS, SLA_RULES, ROLES = (not_manageable(name) for name in ("workflows", "sla_rules", "roles"))
