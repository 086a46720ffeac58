"""Built-in fields (Subject, Status, Email, ...) accept changes to their flags only.

The API refuses a new label, choices (except the ticket Type's) or archiving on a field the
account was created with; the plan says so instead of the apply failing on it.
"""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

# Per field kind: what the API lets a built-in field change.
ALLOWED = {
    "ticket_fields": {"label_for_customers", "description", "required_for_closure", "required_for_agents",
                      "required_for_customers", "customers_can_edit", "displayed_to_customers", "customers_can_filter"},
    "contact_fields": {"label_for_customers", "required_for_agents", "required_for_customers",
                       "displayed_for_customers", "customers_can_edit", "editable_in_signup"},
    "company_fields": {"required_for_agents"},
}
TICKET_TYPE = "default_ticket_type"


def check(context: ValidationContext) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for kind, allowed in ALLOWED.items():
        built_in = {o.key: o.doc for o in context.live.of(kind) if o.system}
        for change in context.changes_of(kind, "update"):
            if change.key not in built_in:
                continue
            may = allowed | ({"choices"} if built_in[change.key].get("type") == TICKET_TYPE else set())
            refused = [f for f in change.fields if f not in may]
            if refused:
                found.append(Diagnostic(severity="error", rule="built_in_fields", kind=kind, key=change.key,
                                        summary=f"{change.key!r} is a built-in field; the API cannot change its "
                                                f"{', '.join(refused)}",
                                        detail=f"a built-in field takes only: {', '.join(sorted(may))}"))
    return found
