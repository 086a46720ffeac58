"""A drop-down or multi-select field holds at most 2,000 options (Zendesk refuses more)."""

from __future__ import annotations

from providers.zendesk.validators._account_after import location
from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

MAX_OPTIONS = 2000
FIELD_KINDS = ("ticket_fields", "user_fields", "organization_fields")


def check(context: ValidationContext) -> list[Diagnostic]:
    return [
        Diagnostic(severity="error", rule="option_limit", kind=kind, key=obj.key,
                   summary=f"{len(obj.doc['custom_field_options'])} options; a field holds at most {MAX_OPTIONS}",
                   detail=f"split the values over several fields, or use a lookup field{location(context, kind, obj.key)}")
        for kind in FIELD_KINDS for obj in context.desired.of(kind)
        if len(obj.doc.get("custom_field_options") or []) > MAX_OPTIONS
    ]
