"""Solution categories: ``/api/v2/solutions/categories`` (list, view, create, update, delete).

A category needs a unique ``name`` and shows in the portals listed in ``visible_in_portals``
(the account's main portal when not given). Deleting a category deletes its folders, their
subfolders and every article in them, as the docs warn. Translations
(``/solutions/categories/{id}/{language}``) are not emulated.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import duplicate, invalid, validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import by_id, find, name_taken, new_id, public, stamp
from providers.freshdesk.emulator.solution_folders import delete_folder_tree
from providers.freshdesk.emulator.validation import Rule, check_body

RULES = {
    "name": Rule("string", required=True),
    "description": Rule("string", nullable=True),
    "visible_in_portals": Rule("array", items="integer"),
}


def _validate(ctx: RequestContext, body: dict[str, Any], category: dict[str, Any] | None) -> None:
    errors = check_body(body, RULES, creating=category is None)
    if errors:
        raise validation_failed(errors)
    if "name" in body and name_taken(ctx.store["solution_categories"].values(), body["name"],
                                     except_id=category["id"] if category else None):
        raise duplicate("name")
    portals = set(ctx.store.extra["portal_ids"])
    unknown = [p for p in body.get("visible_in_portals", []) if p not in portals]
    if unknown:
        raise invalid("visible_in_portals", f"There are no records matching the ids: '{','.join(map(str, unknown))}'")


def list_categories(ctx: RequestContext):
    return paged(ctx, [public(c) for c in by_id(ctx.store["solution_categories"].values())])


def view_category(ctx: RequestContext, category_id: str):
    return ok(public(find(ctx.store, "solution_categories", parse_id(category_id))))


def create_category(ctx: RequestContext):
    body = ctx.body()
    _validate(ctx, body, None)
    category = {"id": new_id(ctx.store, "solution_categories"), "name": body["name"],
                "description": body.get("description"),
                "visible_in_portals": body.get("visible_in_portals", list(ctx.store.extra["portal_ids"][:1]))}
    ctx.store["solution_categories"].put(stamp(category, created=True))
    return created(public(category))


def update_category(ctx: RequestContext, category_id: str):
    category = find(ctx.store, "solution_categories", parse_id(category_id))
    body = ctx.body()
    _validate(ctx, body, category)
    category.update(body)
    stamp(category)
    return ok(public(category))


def delete_category(ctx: RequestContext, category_id: str):
    category = find(ctx.store, "solution_categories", parse_id(category_id))
    for folder in [f for f in ctx.store["solution_folders"].values() if f["category_id"] == category["id"]]:
        if ctx.store["solution_folders"].get(folder["id"]) is not None:
            delete_folder_tree(ctx, folder)
    ctx.store["solution_categories"].remove(category["id"])
    return no_content()


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/solutions/categories", list_categories)
    router.add("POST", "/api/v2/solutions/categories", create_category)
    router.add("GET", "/api/v2/solutions/categories/{category_id}", view_category)
    router.add("PUT", "/api/v2/solutions/categories/{category_id}", update_category)
    router.add("DELETE", "/api/v2/solutions/categories/{category_id}", delete_category)
