"""A ticket type attribute's data_type cannot change (Intercom refuses it): say so at plan time."""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext
from providers.intercom.validators._attributes import attribute_updates

RULE = "ticket_type_attribute_type"


def check(context: ValidationContext) -> list[Diagnostic]:
    found = []
    for change, before, after in attribute_updates(context):
        for name, wanted in after.items():
            live = before.get(name)
            if live is not None and live.get("data_type") != wanted.get("data_type"):
                found.append(Diagnostic(
                    severity="error", rule=RULE, kind=change.kind, key=change.key,
                    summary=f"attribute {name!r}: data_type cannot change ({live.get('data_type')} → "
                            f"{wanted.get('data_type')})",
                    detail="give the attribute a new name: the old one is then archived, and its values stay "
                           "on existing tickets"))
    return found
