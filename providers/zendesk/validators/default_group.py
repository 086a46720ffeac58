"""The default group cannot be deleted (nor replaced, which deletes it first)."""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext


def check(context: ValidationContext) -> list[Diagnostic]:
    default_ids = {str(o.id) for o in context.live.of("groups") if o.system}
    return [
        Diagnostic(severity="error", rule="default_group", kind="groups", key=change.key,
                   summary="the default group cannot be deleted; Zendesk puts new agents and unrouted tickets in it",
                   detail="make another group the default in Admin Center first, or keep this group")
        for change in context.changes_of("groups", "delete", "replace") if str(change.id) in default_ids
    ]
