"""The default ticket form always shows every field: the API refuses to set its ``fields``."""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext


def check(context: ValidationContext) -> list[Diagnostic]:
    system = {o.key for o in context.live.of("ticket_forms") if o.system}
    return [
        Diagnostic(severity="error", rule="default_form", kind="ticket_forms", key=change.key,
                   summary="the default form always shows every field; the API cannot set its fields",
                   detail="remove 'fields' from it, or give another form the fields you want")
        for change in context.changes_of("ticket_forms", "update")
        if change.key in system and "fields" in change.fields
    ]
