"""A custom role that agents still hold cannot be deleted (nor replaced)."""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext


def check(context: ValidationContext) -> list[Diagnostic]:
    found = []
    for change in context.changes_of("custom_roles", "delete", "replace"):
        holders = [o.key for o in context.live.of("agents") if o.doc.get("custom_role_id") == change.key]
        if holders:
            found.append(Diagnostic(
                severity="error", rule="custom_role_in_use", kind="custom_roles", key=change.key,
                summary=f"{len(holders)} agent(s) still hold this role: " + ", ".join(holders[:5])
                        + (" …" if len(holders) > 5 else ""),
                detail="give them another role in Admin Center → People first"))
    return found
