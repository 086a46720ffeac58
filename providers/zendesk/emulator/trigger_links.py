"""How a trigger write picks its category (``category_id`` or an inline ``category``).

Kept apart from ``triggers.py`` so the trigger-category module can own the category rules
without a circular import.
"""

from __future__ import annotations

from typing import Any

from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid
from providers.zendesk.emulator.records import sort_by_position


def resolve_category(ctx: RequestContext, data: dict[str, Any], creating: bool) -> str | None:
    """The category id to store, or None to leave it unchanged.

    * ``category_id`` given: stored as a string; once the account has trigger categories it
      must name one of them (422 otherwise).
    * ``category`` object on create: a new category is created inline (OAS TriggerObject).
    * neither, on create: the trigger joins the first category, if the account has any.
    """
    categories = ctx.store["trigger_categories"]
    if data.get("category_id") is not None:
        category_id = str(data["category_id"])
        if categories.values() and categories.get(category_id) is None:
            raise invalid("category_id", f"Category: {category_id} does not exist")
        return category_id
    if creating and isinstance(data.get("category"), dict):
        from providers.zendesk.emulator.trigger_categories import create_category_record

        return create_category_record(ctx, data["category"])["id"]
    if creating and categories.values():
        return sort_by_position(categories.values())[0]["id"]
    return None
