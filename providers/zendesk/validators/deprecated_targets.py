"""Rules that notify a legacy URL target do nothing since 2024-10-28: say so at plan time."""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

WORKING_TYPES = frozenset({"email_target"})


def check(context: ValidationContext) -> list[Diagnostic]:
    dead = {o.key: o.doc.get("type") for o in context.live.of("targets") if o.doc.get("type") not in WORKING_TYPES}
    found = []
    for change in context.changes:
        if change.kind not in {"triggers", "automations"} or change.after is None:
            continue
        for action in change.after.get("actions") or []:
            value = action.get("value") if isinstance(action, dict) else None
            if action.get("field") == "notification_target" and isinstance(value, list) and value and value[0] in dead:
                found.append(Diagnostic(
                    severity="warning", rule="deprecated_targets", kind=change.kind, key=change.key,
                    summary=f"notifies target {value[0]!r} ({dead[value[0]]}), which Zendesk no longer calls",
                    detail="declare a webhook and use {field: notification_webhook, value: [<webhook>, <body>]}"))
    return found
