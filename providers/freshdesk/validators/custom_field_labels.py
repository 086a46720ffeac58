"""Rules and skills name custom fields by label: each label must name a field.

The API would take an unknown ``field_name`` (it cannot know a label was meant) and the rule
would silently never match. Built-in names (``priority``, ``subject_or_description``) are
Freshdesk's own lower-case identifiers and are not checked; anything else is a label and must
name a field the YAML declares or the account has. A generated ``cf_`` name works but differs
between accounts, so it gets a warning pointing at the label.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from providers.freshdesk.field_names import RESOURCE_FIELDS
from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

RULE_KINDS = ("ticket_creation_rules", "ticket_update_rules", "time_trigger_rules", "skills")
FIELD_KINDS = {"ticket": "ticket_fields", "contact": "contact_fields", "company": "company_fields"}
BUILT_IN_NAME = re.compile(r"^[a-z0-9_.]+$")


def field_names(doc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(field list, field_name) of every field a rule or skill names."""
    for entry in doc.get("conditions") or []:
        for prop in entry.get("properties", [entry]) if isinstance(entry, dict) else []:
            resource = RESOURCE_FIELDS.get(str(prop.get("resource_type") or "ticket"), "ticket")
            yield resource, prop.get("field_name")
    for key in ("actions", "events"):
        for item in doc.get(key) or []:
            if isinstance(item, dict):
                yield "ticket", item.get("field_name")


def labels(context: ValidationContext, kind: str) -> set[str] | None:
    """Labels of one field list (declared or live, nested levels too); None when not read."""
    if kind not in context.live.objects and not context.desired.of(kind):
        return None
    docs = [o.doc for o in context.desired.of(kind)] + [o.doc for o in context.live.of(kind)]
    found = {str(d.get("label")) for d in docs}
    found |= {str(level.get("label")) for d in docs for level in d.get("dependent_fields") or []}
    return found


def check(context: ValidationContext) -> list[Diagnostic]:
    known = {resource: labels(context, kind) for resource, kind in FIELD_KINDS.items()}
    found: list[Diagnostic] = []
    for kind in RULE_KINDS:
        for obj in context.desired.of(kind):
            for resource, name in field_names(obj.doc):
                if not isinstance(name, str):
                    continue
                if name.startswith("cf_"):
                    found.append(Diagnostic(
                        severity="warning", rule="custom_field_labels", kind=kind, key=obj.key,
                        summary=f"field_name {name!r} is a generated field name; it differs between accounts",
                        detail=f"write the field's label instead ({obj.location})"))
                elif not BUILT_IN_NAME.match(name) and known[resource] is not None and name not in known[resource]:
                    found.append(Diagnostic(
                        severity="error", rule="custom_field_labels", kind=kind, key=obj.key,
                        summary=f"field_name {name!r} names no {FIELD_KINDS[resource].replace('_', ' ')[:-1]} label",
                        detail=f"declare the field under {FIELD_KINDS[resource]} or fix the label ({obj.location})"))
    return found
