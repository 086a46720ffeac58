"""A webhook that a trigger or automation still calls cannot be deleted (``WebhookInUse``)."""

from __future__ import annotations

from providers.zendesk.validators._account_after import objects_after
from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

RULE_KINDS = ("triggers", "automations")


def check(context: ValidationContext) -> list[Diagnostic]:
    deleted = {c.key for c in context.changes_of("webhooks", "delete")}
    if not deleted:
        return []
    callers: dict[str, list[str]] = {}
    for kind in RULE_KINDS:
        for key, doc, _ in objects_after(context, kind):
            for action in doc.get("actions") or []:
                value = action.get("value") if isinstance(action, dict) else None
                if action.get("field") == "notification_webhook" and isinstance(value, list) and value \
                        and str(value[0]) in deleted:
                    callers.setdefault(str(value[0]), []).append(f"{kind[:-1]} {key!r}")
    return [
        Diagnostic(severity="error", rule="webhook_in_use", kind="webhooks", key=webhook,
                   summary="cannot delete a webhook that rules still call: " + ", ".join(rules[:5]),
                   detail="remove the notification_webhook actions (or the rules) in the same plan")
        for webhook, rules in callers.items()
    ]
