"""Ticket triggers (``/triggers``, wrapper ``trigger``).

``title`` and ``actions`` are required; conditions live in ``conditions {all, any}`` (legacy
top-level ``all``/``any`` accepted) and a PUT replaces conditions/actions wholesale. New
triggers go to the end of the firing order. ``PUT /triggers/reorder`` must list every trigger
(else 404) and is refused with ``LimitOneCategory`` when the account has several trigger
categories; ``update_many`` moves ``position``/``active``/``category_id`` only.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import ZendeskError, blank, invalid
from providers.zendesk.emulator.records import (
    apply_raw, get_or_404, new_id, next_position, parse_id, reorder_ids, stamp_created, touch,
)
from providers.zendesk.emulator.rule_common import (
    check_restriction, conditions_from, destroy_many, normalize_entries, respond_rules, search,
    update_many,
)
from providers.zendesk.emulator.trigger_links import resolve_category

BASE = "/api/v2/triggers"


def render(ctx: RequestContext, trigger: dict[str, Any]) -> dict[str, Any]:
    return {**trigger, "url": ctx.api_url(f"/triggers/{trigger['id']}")}


def _apply(ctx: RequestContext, trigger: dict[str, Any], data: dict[str, Any], creating: bool) -> None:
    store: Store = ctx.store
    apply_raw(store, trigger, data, "title")
    if creating or "title" in data or "raw_title" in data:
        if not trigger.get("raw_title"):
            raise blank("title")
    if "actions" in data or creating:
        actions = normalize_entries(data.get("actions"), "actions")
        if not actions:
            raise blank("actions")
        trigger["actions"] = actions
    conditions = conditions_from(data)
    if conditions is not None:
        trigger["conditions"] = conditions
    for name in ("active", "description", "position"):
        if name in data:
            trigger[name] = data[name]
    if "restriction" in data:
        trigger["restriction"] = check_restriction(ctx, data["restriction"])
    category_id = resolve_category(ctx, data, creating)
    if category_id is not None or "category_id" in data:
        trigger["category_id"] = category_id


def firing_order(ctx: RequestContext):
    """Triggers fire category by category (by category position), then by their own position."""
    categories = {c["id"]: c["position"] for c in ctx.store["trigger_categories"].values()}

    def key(trigger: dict[str, Any]) -> list[Any]:
        return [categories.get(trigger.get("category_id"), -1), trigger.get("position") or 0, trigger["id"]]

    return key


def list_triggers(ctx: RequestContext):
    triggers = ctx.store["triggers"].values()
    active = ctx.query_bool("active")
    if active is not None:
        triggers = [t for t in triggers if t["active"] == active]
    category = ctx.query("category_id")
    if category:
        triggers = [t for t in triggers if t.get("category_id") == category]
    return respond_rules(ctx, "triggers", triggers, render, default_key=firing_order(ctx))


def list_active(ctx: RequestContext):
    return respond_rules(ctx, "triggers", [t for t in ctx.store["triggers"].values() if t["active"]], render,
                         default_key=firing_order(ctx))


def search_triggers(ctx: RequestContext):
    return respond_rules(ctx, "triggers", search(ctx, ctx.store["triggers"].values()), render,
                         default_key=firing_order(ctx))


def show_trigger(ctx: RequestContext, trigger_id: str):
    trigger = get_or_404(ctx.store["triggers"], parse_id(trigger_id))
    return json_response(200, {"trigger": render(ctx, trigger)})


def create_trigger(ctx: RequestContext):
    data = ctx.wrapped("trigger")
    store = ctx.store
    trigger: dict[str, Any] = {
        "id": 0, "title": "", "raw_title": "", "description": "", "active": True,
        "default": False, "position": next_position(store["triggers"].values()),
        "conditions": {"all": [], "any": []}, "actions": [], "restriction": None,
        "category_id": None,
    }
    _apply(ctx, trigger, data, creating=True)
    trigger["id"] = new_id(store, "triggers")
    store["triggers"].put(stamp_created(trigger))
    return json_response(201, {"trigger": render(ctx, trigger)})


def update_trigger(ctx: RequestContext, trigger_id: str):
    trigger = get_or_404(ctx.store["triggers"], parse_id(trigger_id))
    draft = {**trigger}
    _apply(ctx, draft, ctx.wrapped("trigger"), creating=False)
    trigger.update(draft)
    touch(trigger)
    return json_response(200, {"trigger": render(ctx, trigger)})


def delete_trigger(ctx: RequestContext, trigger_id: str):
    trigger = get_or_404(ctx.store["triggers"], parse_id(trigger_id))
    ctx.store["triggers"].remove(trigger["id"])
    return json_response(204)


def reorder_triggers(ctx: RequestContext):
    if len(ctx.store["trigger_categories"].values()) > 1:
        raise ZendeskError(400, {"error": "LimitOneCategory",
                                 "description": "Reordering triggers is not allowed with more than one "
                                                "trigger category; use the trigger categories jobs endpoint"})
    ids = ctx.wrapped_list("trigger_ids")
    ordered = reorder_ids(ctx.store["triggers"], ids, strict=True)
    return json_response(200, {"triggers": [render(ctx, t) for t in ordered]})


def update_many_triggers(ctx: RequestContext):
    body = ctx.wrapped_list("triggers")
    for entry in body:
        if isinstance(entry, dict) and entry.get("category_id") is not None:
            if ctx.store["trigger_categories"].get(entry["category_id"]) is None:
                raise invalid("category_id", f"Category: {entry['category_id']} does not exist")
            entry["category_id"] = str(entry["category_id"])
    return update_many(ctx, ctx.store["triggers"], "triggers", render,
                       allowed=("position", "active", "category_id"))


def destroy_many_triggers(ctx: RequestContext):
    return destroy_many(ctx, ctx.store["triggers"])


def register(router: Router) -> None:
    router.add("GET", BASE, list_triggers)
    router.add("POST", BASE, create_trigger)
    router.add("GET", f"{BASE}/active", list_active)
    router.add("GET", f"{BASE}/search", search_triggers)
    router.add("PUT", f"{BASE}/reorder", reorder_triggers)
    router.add("PUT", f"{BASE}/update_many", update_many_triggers)
    router.add("DELETE", f"{BASE}/destroy_many", destroy_many_triggers)
    router.add("GET", f"{BASE}/{{trigger_id}}", show_trigger)
    router.add("PUT", f"{BASE}/{{trigger_id}}", update_trigger)
    router.add("DELETE", f"{BASE}/{{trigger_id}}", delete_trigger)
