"""A trigger category that still holds triggers cannot be deleted (``TriggerCategoryNotEmpty``)."""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext
from providers.zendesk.validators._account_after import objects_after


def check(context: ValidationContext) -> list[Diagnostic]:
    deleted = {c.key for c in context.changes_of("trigger_categories", "delete")}
    if not deleted:
        return []
    users: dict[str, list[str]] = {}
    for key, doc, _ in objects_after(context, "triggers"):
        category = doc.get("category_id")
        if category in deleted:
            users.setdefault(str(category), []).append(key)
    return [
        Diagnostic(severity="error", rule="trigger_category_in_use", kind="trigger_categories", key=category,
                   summary=f"cannot delete a category that still holds {len(triggers)} trigger(s): "
                           + ", ".join(repr(t) for t in triggers[:5]) + (" …" if len(triggers) > 5 else ""),
                   detail="move those triggers to another category (category_id) or delete them in the same plan")
        for category, triggers in users.items()
    ]
