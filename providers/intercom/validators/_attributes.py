"""Pairs of a ticket type's attributes before and after an update, matched by name."""

from __future__ import annotations

from typing import Any, Iterator

from provisioner.plan.model import Change
from provisioner.validators import ValidationContext


def attribute_updates(context: ValidationContext) -> Iterator[tuple[Change, dict[str, Any], dict[str, Any]]]:
    """(change, live attributes by name, desired attributes by name) for every ticket type
    update that touches its attributes."""
    for change in context.changes_of("ticket_types", "update"):
        if "attributes" not in change.fields:
            continue
        before = {a["name"]: a for a in (change.before or {}).get("attributes") or []}
        after = {a["name"]: a for a in (change.after or {}).get("attributes") or []}
        yield change, before, after
