"""A new SLA policy needs targets for all four priorities and at least one condition.

Freshdesk refuses a create without ``sla_target.priority_1`` .. ``priority_4`` or with an empty
``applicable_to`` (only the built-in default policy covers every ticket). Found here, before
anything is written, rather than halfway through an apply.
"""

from __future__ import annotations

from providers.freshdesk.kinds.sla_policies import PRIORITIES
from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext


def check(context: ValidationContext) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for change in context.changes_of("sla_policies", "create", "replace"):
        doc = change.after or {}
        missing = [p for p in PRIORITIES if p not in (doc.get("sla_target") or {})]
        if missing:
            found.append(Diagnostic(severity="error", rule="sla_policy_targets", kind="sla_policies", key=change.key,
                                    summary=f"sla_target needs every priority; missing {', '.join(missing)}",
                                    detail="priority_4 is Urgent and priority_1 is Low; times are in seconds"))
        if not any((doc.get("applicable_to") or {}).values()):
            found.append(Diagnostic(severity="error", rule="sla_policy_targets", kind="sla_policies", key=change.key,
                                    summary="applicable_to needs at least one condition (groups, ticket types, sources, ...)",
                                    detail="only the built-in default policy covers every ticket"))
    return found
