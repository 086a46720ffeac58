"""A tag belongs to one field: drop-down and multi-select option values and checkbox tags may
not repeat across the fields of a kind (Zendesk refuses the second with "The tag ... is already
used in a custom field drop-down, multi-select or checkbox"). Ticket fields, user fields and
organization fields are each checked across the account as it will be after the plan.
"""

from __future__ import annotations

from providers.zendesk.kinds._customer_fields import option_tags
from providers.zendesk.validators._account_after import location, objects_after
from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

FIELD_KINDS = ("ticket_fields", "user_fields", "organization_fields")


def check(context: ValidationContext) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for kind in FIELD_KINDS:
        owners: dict[str, list[tuple[str, bool]]] = {}
        for key, doc, declared in objects_after(context, kind):
            for tag in dict.fromkeys(option_tags(doc)):
                owners.setdefault(tag, []).append((key, declared))
            repeated = sorted({t for t in option_tags(doc) if option_tags(doc).count(t) > 1})
            for tag in repeated:
                found.append(Diagnostic(
                    severity="error", rule="unique_tags", kind=kind, key=key,
                    summary=f"tag {tag!r} is used by two options of this field",
                    detail=f"give each option its own value{location(context, kind, key)}"))
        for tag, fields in owners.items():
            if len(fields) < 2:
                continue
            names = ", ".join(repr(k) for k, _ in fields)
            for key, declared in fields:
                if declared:
                    found.append(Diagnostic(
                        severity="error", rule="unique_tags", kind=kind, key=key,
                        summary=f"tag {tag!r} is also used by another of the {kind} ({names})",
                        detail=f"a tag can belong to one field only; rename one of them{location(context, kind, key)}"))
    return found
