"""Ticket trigger categories (``/trigger_categories``, wrapper ``trigger_category``).

One of the newer APIs, with its own conventions: string ids, PATCH (not PUT) for updates, a
200 (not 201) on create, and the JSON:API-style ``{"errors": [{"code", "title"}]}`` envelope
for every error. A category that still holds triggers cannot be deleted
(``TriggerCategoryNotEmpty``). ``POST /trigger_categories/jobs`` patches category positions
and trigger positions/categories/active flags in one validated batch; it is the only way to
reorder triggers once an account has more than one category. Accounts start with one
category, "Notifications", holding the standard triggers.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import ZendeskError, json_api_error
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import new_id, sort_by_position, stamp_created, touch

BASE = "/api/v2/trigger_categories"
SORTS = {"position", "name", "created_at", "updated_at"}


def make_category(store: Store, name: str, position: int | None = None) -> dict[str, Any]:
    if position is None:
        position = max((c["position"] for c in store["trigger_categories"].values()), default=-1) + 1
    category = {"id": new_id(store, "trigger_categories", as_string=True), "name": name, "position": position}
    return store["trigger_categories"].put(stamp_created(category))


def _not_found() -> ZendeskError:
    return json_api_error(404, "TriggerCategoryNotFound", "Category can\u2019t be found. Check the ID and try again.")


def _invalid(title: str) -> ZendeskError:
    return json_api_error(400, "InvalidTriggerCategory", title)


def _category(ctx: RequestContext, category_id: str) -> dict[str, Any]:
    category = ctx.store["trigger_categories"].get(category_id)
    if category is None:
        raise _not_found()
    return category


def _payload(ctx: RequestContext) -> dict[str, Any]:
    body = ctx.body()
    data = body.get("trigger_category") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise _invalid("trigger_category is required")
    return data


def _check(data: dict[str, Any], creating: bool) -> None:
    if creating or "name" in data:
        if not isinstance(data.get("name"), str) or not data["name"].strip():
            raise _invalid("Name cannot be blank")
    if "position" in data and (isinstance(data["position"], bool) or not isinstance(data["position"], int)):
        raise _invalid("Position must be an integer")


def create_category_record(ctx: RequestContext, data: dict[str, Any]) -> dict[str, Any]:
    """Create from a request body (also used by a trigger create with an inline ``category``)."""
    _check(data, creating=True)
    return make_category(ctx.store, data["name"].strip(), data.get("position"))


def _rule_counts(ctx: RequestContext, category_id: str) -> dict[str, int]:
    triggers = [t for t in ctx.store["triggers"].values() if t.get("category_id") == category_id]
    active = sum(1 for t in triggers if t["active"])
    return {"active_count": active, "inactive_count": len(triggers) - active}


def _render(ctx: RequestContext, category: dict[str, Any]) -> dict[str, Any]:
    if ctx.query("include") == "rule_counts":
        return {**category, "rule_counts": _rule_counts(ctx, category["id"])}
    return dict(category)


def list_categories(ctx: RequestContext):
    sort = ctx.query("sort") or "position"
    field = sort.lstrip("-")
    if field not in SORTS:
        raise json_api_error(400, "InvalidPaginationParameter", f"sort must be one of {sorted(SORTS)}")

    def key(category: dict[str, Any]) -> list[Any]:
        return [category.get(field), int(category["id"])]

    categories = sorted(ctx.store["trigger_categories"].values(), key=key, reverse=sort.startswith("-"))
    return respond_list(ctx, "trigger_categories", [_render(ctx, c) for c in categories],
                        sort_key=key, descending=sort.startswith("-"))


def show_category(ctx: RequestContext, category_id: str):
    return json_response(200, {"trigger_category": _render(ctx, _category(ctx, category_id))})


def create_category(ctx: RequestContext):
    category = create_category_record(ctx, _payload(ctx))
    return json_response(200, {"trigger_category": _render(ctx, category)})


def patch_category(ctx: RequestContext, category_id: str):
    category = _category(ctx, category_id)
    data = _payload(ctx)
    _check(data, creating=False)
    for key in ("name", "position"):
        if key in data:
            category[key] = data[key].strip() if key == "name" else data[key]
    touch(category)
    return json_response(200, {"trigger_category": _render(ctx, category)})


def delete_category(ctx: RequestContext, category_id: str):
    category = _category(ctx, category_id)
    if any(t.get("category_id") == category["id"] for t in ctx.store["triggers"].values()):
        raise json_api_error(400, "TriggerCategoryNotEmpty", "A category with active ticket triggers cannot be deleted.")
    ctx.store["trigger_categories"].remove(category["id"])
    return json_response(204)


def _batch_errors(ctx: RequestContext, items: dict[str, Any]) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = []
    for entry in items.get("trigger_categories") or []:
        if not isinstance(entry, dict) or ctx.store["trigger_categories"].get(entry.get("id")) is None:
            errors.append({"code": "InvalidTriggerCategory", "title": "id is not valid"})
        elif isinstance(entry.get("position"), bool) or not isinstance(entry.get("position"), int):
            errors.append({"code": "InvalidTriggerCategory", "title": "position is not valid"})
    for entry in items.get("triggers") or []:
        trigger_id = str((entry or {}).get("id"))
        if not isinstance(entry, dict) or ctx.store["triggers"].get(entry.get("id")) is None:
            errors.append({"code": "InvalidTrigger", "title": "id is not valid", "trigger_id": trigger_id})
            continue
        if "category_id" in entry and ctx.store["trigger_categories"].get(entry["category_id"]) is None:
            errors.append({"code": "InvalidTrigger", "title": "category_id is not valid", "trigger_id": trigger_id})
        if "position" in entry and (isinstance(entry["position"], bool) or not isinstance(entry["position"], int)):
            errors.append({"code": "InvalidTrigger", "title": "position is not valid", "trigger_id": trigger_id})
        if "active" in entry and not isinstance(entry["active"], bool):
            errors.append({"code": "InvalidTrigger", "title": "active is not valid", "trigger_id": trigger_id})
    return errors


def run_job(ctx: RequestContext):
    body = ctx.body()
    job = body.get("job") if isinstance(body, dict) else None
    if not isinstance(job, dict) or job.get("action") != "patch" or not isinstance(job.get("items"), dict):
        return json_response(400, {"status": "failed", "errors": [
            {"code": "InvalidJob", "title": "job.action must be patch and job.items an object"}]})
    items = job["items"]
    errors = _batch_errors(ctx, items)
    if errors:
        return json_response(400, {"status": "failed", "errors": errors})
    categories = [ctx.store["trigger_categories"].get(e["id"]) for e in items.get("trigger_categories") or []]
    for category, entry in zip(categories, items.get("trigger_categories") or []):
        category["position"] = entry["position"]
        touch(category)
    triggers = [ctx.store["triggers"].get(e["id"]) for e in items.get("triggers") or []]
    for trigger, entry in zip(triggers, items.get("triggers") or []):
        for key in ("position", "active", "category_id"):
            if key in entry:
                trigger[key] = str(entry[key]) if key == "category_id" else entry[key]
        touch(trigger)
    from providers.zendesk.emulator.triggers import render as render_trigger

    return json_response(200, {"status": "complete", "results": {
        "trigger_categories": [_render(ctx, c) for c in sort_by_position(categories)],
        "triggers": [render_trigger(ctx, t) for t in triggers],
    }})


def register(router: Router) -> None:
    router.add("GET", BASE, list_categories)
    router.add("POST", BASE, create_category)
    router.add("POST", f"{BASE}/jobs", run_job)
    router.add("GET", f"{BASE}/{{category_id}}", show_category)
    router.add("PATCH", f"{BASE}/{{category_id}}", patch_category)
    router.add("DELETE", f"{BASE}/{{category_id}}", delete_category)
