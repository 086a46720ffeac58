"""Custom ticket statuses (``/custom_statuses``, wrapper ``custom_status``), unpaginated.

A fresh account has one default status per category (New, Open, Pending, On-hold, Solved).
``status_category`` and ``agent_label`` (at most 48 characters) are required;
``status_category`` cannot change, a default status cannot be deactivated or deleted, and
``PUT /custom_status/default`` ``{"ids": "1,2"}`` makes each listed status its category's default.
Labels and descriptions keep ``raw_*`` copies (dynamic content renders into the plain ones).
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import blank, invalid
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import apply_raw, get_or_404, new_id, parse_id, stamp_created, touch

BASE = "/api/v2/custom_statuses"
CATEGORIES = ("new", "open", "pending", "hold", "solved")
MAX_LABEL = 48
TEXTS = ("agent_label", "end_user_label", "description", "end_user_description")
SYSTEM_STATUSES = (
    ("new", "New", "Open", "Ticket is awaiting assignment to an agent"),
    ("open", "Open", "Open", "Staff is working on the ticket"),
    ("pending", "Pending", "Awaiting your reply", "Staff is waiting for the requester to reply"),
    ("hold", "On-hold", "Open", "Staff is waiting for a third party"),
    ("solved", "Solved", "Solved", "The ticket has been solved"),
)


def make_status(store: Store, category: str, agent_label: str, end_user_label: str,
                description: str = "", *, default: bool = False) -> dict[str, Any]:
    status = {"id": new_id(store, "custom_statuses"), "status_category": category, "active": True,
              "default": default}
    for name, value in (("agent_label", agent_label), ("end_user_label", end_user_label),
                        ("description", description), ("end_user_description", description)):
        status[name] = status[f"raw_{name}"] = value
    return store["custom_statuses"].put(stamp_created(status))


def seed_statuses(store: Store) -> None:
    for category, agent_label, end_user_label, description in SYSTEM_STATUSES:
        make_status(store, category, agent_label, end_user_label, description, default=True)


def _apply(ctx: RequestContext, status: dict[str, Any], data: dict[str, Any]) -> None:
    for name in TEXTS:
        apply_raw(ctx.store, status, data, name)
    label = status.get("raw_agent_label")
    if not label:
        raise blank("agent_label")
    if len(label) > MAX_LABEL:
        raise invalid("agent_label", f"Agent label: is too long (maximum is {MAX_LABEL} characters)", "TooLong")
    if "active" in data:
        if data["active"] is False and status.get("default"):
            raise invalid("active", "Active: a default status cannot be deactivated")
        status["active"] = bool(data["active"])


def list_statuses(ctx: RequestContext):
    statuses = sorted(ctx.store["custom_statuses"].values(),
                      key=lambda s: (CATEGORIES.index(s["status_category"]), s["id"]))
    categories = ctx.query_list("status_categories")
    if categories:
        statuses = [s for s in statuses if s["status_category"] in categories]
    for flag in ("active", "default"):
        wanted = ctx.query_bool(flag)
        if wanted is not None:
            statuses = [s for s in statuses if s[flag] == wanted]
    return respond_list(ctx, "custom_statuses", statuses, mode="unpaginated")


def show_status(ctx: RequestContext, status_id: str):
    return json_response(200, {"custom_status": get_or_404(ctx.store["custom_statuses"], parse_id(status_id))})


def create_status(ctx: RequestContext):
    data = ctx.wrapped("custom_status")
    if not data.get("status_category"):
        raise blank("status_category")
    if data["status_category"] not in CATEGORIES:
        raise invalid("status_category", f"Status category: {data['status_category']} is not valid")
    status: dict[str, Any] = {"id": 0, "status_category": data["status_category"], "active": True, "default": False}
    for name in TEXTS:
        status[name] = status[f"raw_{name}"] = ""
    _apply(ctx, status, data)
    status["id"] = new_id(ctx.store, "custom_statuses")
    ctx.store["custom_statuses"].put(stamp_created(status))
    return json_response(201, {"custom_status": status})


def update_status(ctx: RequestContext, status_id: str):
    status = get_or_404(ctx.store["custom_statuses"], parse_id(status_id))
    data = ctx.wrapped("custom_status")
    if "status_category" in data and data["status_category"] != status["status_category"]:
        raise invalid("status_category", "Status category: cannot be changed")
    draft = dict(status)
    _apply(ctx, draft, data)
    status.update(draft)
    touch(status)
    return json_response(200, {"custom_status": status})


def delete_status(ctx: RequestContext, status_id: str):
    status = get_or_404(ctx.store["custom_statuses"], parse_id(status_id))
    if status["default"]:
        raise invalid("base", "A default status cannot be deleted")
    ctx.store["custom_statuses"].remove(status["id"])
    for link in ctx.store["ticket_form_statuses"].values():
        if link["custom_status_id"] == status["id"]:
            ctx.store["ticket_form_statuses"].remove(link["id"])
    return json_response(204)


def set_defaults(ctx: RequestContext):
    body = ctx.body()
    raw = body.get("ids") if isinstance(body, dict) else None
    if not raw:
        raise blank("ids")
    ids = [parse_id(part) for part in str(raw).split(",") if part.strip()]
    chosen = [get_or_404(ctx.store["custom_statuses"], i) for i in ids]
    for status in chosen:
        if not status["active"]:
            raise invalid("ids", f"Ids: status {status['id']} is inactive and cannot be a default")
    for status in chosen:
        for other in ctx.store["custom_statuses"].values():
            if other["status_category"] == status["status_category"] and other["default"]:
                other["default"] = False
                touch(other)
        status["default"] = True
        touch(status)
    return json_response(200, {})


def register(router: Router) -> None:
    router.add("GET", BASE, list_statuses)
    router.add("POST", BASE, create_status)
    router.add("GET", f"{BASE}/{{status_id}}", show_status)
    router.add("PUT", f"{BASE}/{{status_id}}", update_status)
    router.add("DELETE", f"{BASE}/{{status_id}}", delete_status)
    router.add("PUT", "/api/v2/custom_status/default", set_defaults)
