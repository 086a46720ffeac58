"""Say in the plan that conversation attribute options the YAML dropped are archived.

Options are deleted through ``DELETE …/options/{id}``, which archives them: conversations keep
the value. Intercom also refuses to leave a list attribute with fewer than two active options,
which the YAML model already guarantees.
"""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

RULE = "conversation_option_archive"


def check(context: ValidationContext) -> list[Diagnostic]:
    found = []
    for change in context.changes_of("conversation_attributes", "update"):
        if "options" not in change.fields:
            continue
        wanted = set((change.after or {}).get("options") or [])
        dropped = [o for o in (change.before or {}).get("options") or [] if o not in wanted]
        if dropped:
            found.append(Diagnostic(
                severity="warning", rule=RULE, kind=change.kind, key=change.key,
                summary=f"option(s) {', '.join(map(repr, dropped))} will be archived, not deleted",
                detail="conversations keep the archived value; Intercom cannot restore an archived option, so "
                       "listing it again adds a new one"))
    return found
