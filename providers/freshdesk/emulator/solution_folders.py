"""Solution folders: under a category, nested through subfolders.

Routes: ``/solutions/categories/{id}/folders`` (list, create), ``/solutions/folders/{id}`` (view,
update, delete) and ``/solutions/folders/{id}/subfolders`` (list, create).
- ``name`` and ``visibility`` are required on a top-level folder; a subfolder inherits its
  parent's visibility when none is given. Visibility: 1 all users, 2 logged-in users,
  3 agents, 4 selected companies (needs ``company_ids``, refused otherwise), 5 bots.
- Names are unique among siblings. Responses carry the read-only ``hierarchy`` (category, then
  each folder down to this one, as in the doc example), ``articles_count``, ``sub_folders_count``,
  ``category_id`` and, for subfolders, ``parent_folder_id``.
- Deleting a folder deletes its subfolders and their articles.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import duplicate, field_error, validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import by_id, find, name_taken, new_id, public, stamp
from providers.freshdesk.emulator.validation import Rule, check_body, missing

VISIBILITIES = (1, 2, 3, 4, 5)
SELECTED_COMPANIES = 4
RULES = {
    "name": Rule("string", required=True),
    "description": Rule("string", nullable=True),
    "visibility": Rule("integer", required=True, choices=VISIBILITIES),
    "company_ids": Rule("array", items="integer"),
}
SUBFOLDER_RULES = {**RULES, "visibility": Rule("integer", choices=VISIBILITIES)}


def children(ctx: RequestContext, category_id: int, parent_id: int | None) -> list[dict[str, Any]]:
    return by_id(f for f in ctx.store["solution_folders"].values()
                 if f["category_id"] == category_id and f.get("parent_folder_id") == parent_id)


def hierarchy(ctx: RequestContext, folder: dict[str, Any]) -> list[dict[str, Any]]:
    """Category first, then each folder from the top down to ``folder``."""
    chain = []
    current: dict[str, Any] | None = folder
    while current is not None:
        chain.append(current)
        parent = current.get("parent_folder_id")
        current = ctx.store["solution_folders"].get(parent) if parent else None
    category = ctx.store["solution_categories"].get(folder["category_id"])
    levels = [{"level": 0, "type": "category", "data": {"id": category["id"], "name": category["name"], "language": "en"}}]
    for level, item in enumerate(reversed(chain), start=1):
        levels.append({"level": level, "type": "folder", "data": {"id": item["id"], "name": item["name"], "language": "en"}})
    return levels


def render(ctx: RequestContext, folder: dict[str, Any]) -> dict[str, Any]:
    body = public(folder)
    if body.get("parent_folder_id") is None:
        body.pop("parent_folder_id", None)
    if folder["visibility"] != SELECTED_COMPANIES:
        body.pop("company_ids", None)
    body["hierarchy"] = hierarchy(ctx, folder)
    body["articles_count"] = sum(1 for a in ctx.store["solution_articles"].values() if a["folder_id"] == folder["id"])
    body["sub_folders_count"] = len(children(ctx, folder["category_id"], folder["id"]))
    return body


def _validate(ctx: RequestContext, body: dict[str, Any], *, folder: dict[str, Any] | None,
              category_id: int, parent_id: int | None, rules: dict[str, Rule]) -> None:
    errors = check_body(body, rules, creating=folder is None)
    visibility = body.get("visibility", (folder or {}).get("visibility"))
    if not errors:
        if visibility == SELECTED_COMPANIES and not body.get("company_ids") and not (folder or {}).get("company_ids"):
            errors.append(missing("company_ids", "array"))
        if visibility != SELECTED_COMPANIES and body.get("company_ids"):
            errors.append(field_error("company_ids", "company_ids can be set only when visibility is 4",
                                      "invalid_value"))
    if errors:
        raise validation_failed(errors)
    siblings = children(ctx, category_id, parent_id)
    if "name" in body and name_taken(siblings, body["name"], except_id=folder["id"] if folder else None):
        raise duplicate("name")


def _create(ctx: RequestContext, category_id: int, parent: dict[str, Any] | None):
    body = ctx.body()
    rules = SUBFOLDER_RULES if parent else RULES
    _validate(ctx, body, folder=None, category_id=category_id, parent_id=parent["id"] if parent else None, rules=rules)
    folder = {"id": new_id(ctx.store, "solution_folders"), "name": body["name"],
              "description": body.get("description"),
              "visibility": body.get("visibility", parent["visibility"] if parent else None),
              "company_ids": body.get("company_ids", (parent or {}).get("company_ids", [])),
              "category_id": category_id, "parent_folder_id": parent["id"] if parent else None}
    if folder["visibility"] != SELECTED_COMPANIES:
        folder["company_ids"] = []
    ctx.store["solution_folders"].put(stamp(folder, created=True))
    return created(render(ctx, folder))


def list_category_folders(ctx: RequestContext, category_id: str):
    category = find(ctx.store, "solution_categories", parse_id(category_id))
    return paged(ctx, [render(ctx, f) for f in children(ctx, category["id"], None)])


def create_category_folder(ctx: RequestContext, category_id: str):
    category = find(ctx.store, "solution_categories", parse_id(category_id))
    return _create(ctx, category["id"], None)


def list_subfolders(ctx: RequestContext, folder_id: str):
    parent = find(ctx.store, "solution_folders", parse_id(folder_id))
    return paged(ctx, [render(ctx, f) for f in children(ctx, parent["category_id"], parent["id"])])


def create_subfolder(ctx: RequestContext, folder_id: str):
    parent = find(ctx.store, "solution_folders", parse_id(folder_id))
    return _create(ctx, parent["category_id"], parent)


def view_folder(ctx: RequestContext, folder_id: str):
    return ok(render(ctx, find(ctx.store, "solution_folders", parse_id(folder_id))))


def update_folder(ctx: RequestContext, folder_id: str):
    folder = find(ctx.store, "solution_folders", parse_id(folder_id))
    body = ctx.body()
    _validate(ctx, body, folder=folder, category_id=folder["category_id"],
              parent_id=folder.get("parent_folder_id"), rules=SUBFOLDER_RULES)
    folder.update(body)
    if folder["visibility"] != SELECTED_COMPANIES:
        folder["company_ids"] = []
    stamp(folder)
    return ok(render(ctx, folder))


def delete_folder_tree(ctx: RequestContext, folder: dict[str, Any]) -> None:
    """Remove a folder, its subfolders and all their articles."""
    for child in children(ctx, folder["category_id"], folder["id"]):
        delete_folder_tree(ctx, child)
    for article in [a for a in ctx.store["solution_articles"].values() if a["folder_id"] == folder["id"]]:
        ctx.store["solution_articles"].remove(article["id"])
    ctx.store["solution_folders"].remove(folder["id"])


def delete_folder(ctx: RequestContext, folder_id: str):
    delete_folder_tree(ctx, find(ctx.store, "solution_folders", parse_id(folder_id)))
    return no_content()


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/solutions/categories/{category_id}/folders", list_category_folders)
    router.add("POST", "/api/v2/solutions/categories/{category_id}/folders", create_category_folder)
    router.add("GET", "/api/v2/solutions/folders/{folder_id}", view_folder)
    router.add("PUT", "/api/v2/solutions/folders/{folder_id}", update_folder)
    router.add("DELETE", "/api/v2/solutions/folders/{folder_id}", delete_folder)
    router.add("GET", "/api/v2/solutions/folders/{folder_id}/subfolders", list_subfolders)
    router.add("POST", "/api/v2/solutions/folders/{folder_id}/subfolders", create_subfolder)
