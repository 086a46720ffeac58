"""A dynamic section hangs off a dropdown's choices: the dropdown must have them.

Checked against the dropdown as the YAML declares it (or as it is live): the parent must be a
dropdown (a custom one or the built-in Type), every value must be one of its choices, and a
value may open only one section.
"""

from __future__ import annotations

from typing import Any

from providers.freshdesk.kinds._choices import values
from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

SECTION_PARENTS = ("custom_dropdown", "default_ticket_type")


def parent_doc(context: ValidationContext, label: str) -> dict[str, Any] | None:
    declared = context.desired.find("ticket_fields", label)
    if declared is not None:
        return declared.doc
    live = context.live.matching("ticket_fields", label)
    return live[0].doc if live else None


def check(context: ValidationContext) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    opened: dict[tuple[str, str], str] = {}
    for obj in context.desired.of("ticket_field_sections"):
        parent = parent_doc(context, obj.doc["ticket_field"])
        if parent is None:
            continue  # the reference checks already report a dropdown that does not exist
        if "type" in parent and parent["type"] not in SECTION_PARENTS:
            found.append(Diagnostic(severity="error", rule="section_choices", kind=obj.kind, key=obj.key,
                                    summary=f"{obj.doc['ticket_field']!r} is a {parent['type']}; sections hang off dropdowns",
                                    detail=f"({obj.location})"))
            continue
        offered = values(parent.get("choices"))
        for value in obj.doc.get("choices", []):
            if value not in offered:
                found.append(Diagnostic(severity="error", rule="section_choices", kind=obj.kind, key=obj.key,
                                        summary=f"{value!r} is not a choice of {obj.doc['ticket_field']!r}",
                                        detail=f"its choices: {', '.join(map(str, offered))} ({obj.location})"))
            elif (obj.doc["ticket_field"], value) in opened:
                found.append(Diagnostic(severity="error", rule="section_choices", kind=obj.kind, key=obj.key,
                                        summary=f"{value!r} already opens section {opened[(obj.doc['ticket_field'], value)]!r}",
                                        detail=f"a choice opens at most one section ({obj.location})"))
            else:
                opened[(obj.doc["ticket_field"], value)] = obj.key
    return found
