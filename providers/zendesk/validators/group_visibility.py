"""A private group cannot be made public again (Zendesk refuses the update)."""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext


def check(context: ValidationContext) -> list[Diagnostic]:
    return [
        Diagnostic(severity="error", rule="group_visibility", kind="groups", key=change.key,
                   summary="a private group cannot be made public again",
                   detail="create a new public group and move the agents and rules to it")
        for change in context.changes_of("groups", "update")
        if "is_public" in change.fields and (change.before or {}).get("is_public") is False
        and (change.after or {}).get("is_public") is True
    ]
