"""A ``{{dc.name}}`` placeholder must name a dynamic content item: Zendesk shows an unknown
placeholder to the customer as written. Checked in everything the plan writes."""

from __future__ import annotations

import re
from typing import Any, Iterator

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

PLACEHOLDER = re.compile(r"\{\{\s*dc\.([A-Za-z0-9_\-]+)\s*\}\}")


def placeholder_of(name: str) -> str:
    """The placeholder Zendesk derives from an item's name (``Refund policy`` → ``refund_policy``)."""
    return re.sub(r"[^a-z0-9_]+", "", re.sub(r"\s+", "_", name.strip().lower()))


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


def check(context: ValidationContext) -> list[Diagnostic]:
    known = {placeholder_of(o.key) for o in context.desired.of("dynamic_content_items")}
    known |= {placeholder_of(o.key) for o in context.live.of("dynamic_content_items")}
    if "dynamic_content_items" not in context.live.objects and not context.desired.of("dynamic_content_items"):
        return []  # not read (another block selected): nothing to check against
    found = []
    for change in context.changes:
        if change.kind == "dynamic_content_items" or change.after is None:
            continue
        unknown = sorted({m.group(1) for text in _texts(change.after) for m in PLACEHOLDER.finditer(text)} - known)
        if unknown:
            found.append(Diagnostic(
                severity="error", rule="dynamic_content_placeholders", kind=change.kind, key=change.key,
                summary="names dynamic content that does not exist: " + ", ".join(f"{{{{dc.{u}}}}}" for u in unknown),
                detail="declare the item under dynamic_content_items, or fix the placeholder"))
    return found
