"""A data attribute whose model or data_type changed cannot be replaced under the same name.

``--allow-replace`` normally deletes an object and creates it again. Intercom cannot delete a
data attribute, only archive it, and an archived attribute keeps its name: the create would be
refused halfway through, after the original was archived. So the plan says so up front.
"""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

RULE = "data_attribute_replace"


def check(context: ValidationContext) -> list[Diagnostic]:
    return [
        Diagnostic(severity="error", rule=RULE, kind=change.kind, key=change.key,
                   summary=f"{', '.join(f for f in change.fields if f in ('model', 'data_type'))} cannot change, "
                           "and the attribute cannot be replaced: Intercom archives instead of deleting, and the "
                           "archived attribute keeps its name",
                   detail="declare a new attribute under another name (and archive this one by removing it with prune)")
        for change in context.changes_of("data_attributes", "replace")
    ]
