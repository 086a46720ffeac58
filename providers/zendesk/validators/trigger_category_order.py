"""Triggers fire category by category, so the YAML must list a category's triggers together.

The live firing order is (category position, trigger position): a YAML order that interleaves
categories, or lists them against the categories' own order, can never be reached and would
show as a reorder on every plan. Triggers without ``category_id`` are not checked.
"""

from __future__ import annotations

from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext


def check(context: ValidationContext) -> list[Diagnostic]:
    sequence = [(o.key, o.doc.get("category_id")) for o in context.desired.of("triggers") if o.doc.get("category_id")]
    runs: list[str] = []
    for _, category in sequence:
        if not runs or runs[-1] != category:
            runs.append(category)
    found: list[Diagnostic] = []
    split = sorted({c for c in runs if runs.count(c) > 1})
    for category in split:
        found.append(Diagnostic(
            severity="error", rule="trigger_category_order", kind="triggers", key=category,
            summary=f"the triggers of category {category!r} are not listed together",
            detail="triggers fire category by category: list each category's triggers one after another"))
    order = [o.key for o in context.desired.of("trigger_categories")]
    listed = [c for c in dict.fromkeys(runs) if c in order]
    if not split and listed != sorted(listed, key=order.index):
        found.append(Diagnostic(
            severity="error", rule="trigger_category_order", kind="triggers",
            summary=f"triggers are listed by category as {' › '.join(listed)}, but the categories fire as "
                    f"{' › '.join(sorted(listed, key=order.index))}",
            detail="list the triggers in the order of trigger_categories, or reorder the categories"))
    return found
