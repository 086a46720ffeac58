"""Say in the plan that a ticket type attribute the YAML dropped is archived, not deleted.

Intercom has no delete for ticket type attributes: the attribute is hidden from new tickets and
stays on existing ones. The diff shows the attribute leaving the list; this warning names what
really happens to it.
"""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext
from providers.intercom.validators._attributes import attribute_updates

RULE = "ticket_type_attribute_archive"


def check(context: ValidationContext) -> list[Diagnostic]:
    found = []
    for change, before, after in attribute_updates(context):
        dropped = [name for name in before if name not in after]
        if dropped:
            found.append(Diagnostic(
                severity="warning", rule=RULE, kind=change.kind, key=change.key,
                summary=f"attribute(s) {', '.join(map(repr, dropped))} will be archived, not deleted",
                detail="Intercom cannot delete ticket type attributes: existing tickets keep their values, and "
                       "listing the attribute again restores it"))
    return found
