"""Holidays of a business-hours schedule (``.../schedules/{id}/holidays``, wrapper ``holiday``).

``name``, ``start_date`` and ``end_date`` (``YYYY-MM-DD``) are required and the end may not
come before the start. A holiday is only reachable through its own schedule.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid, not_found
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, require, stamp_created, touch

BASE = "/api/v2/business_hours/schedules/{schedule_id}/holidays"
PUBLIC_KEYS = ("id", "name", "start_date", "end_date")


def render(ctx: RequestContext, holiday: dict[str, Any]) -> dict[str, Any]:
    shown = {key: holiday[key] for key in PUBLIC_KEYS}
    shown["url"] = ctx.api_url(f"/business_hours/schedules/{holiday['schedule_id']}/holidays/{holiday['id']}")
    return shown


def _date(value: Any, attribute: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise invalid(attribute, f"{attribute.replace('_', ' ').capitalize()}: must be a date (YYYY-MM-DD)") from None


def _apply(holiday: dict[str, Any], data: dict[str, Any]) -> None:
    for key in ("name", "start_date", "end_date"):
        if key in data:
            holiday[key] = data[key]
    if not holiday.get("name"):
        require(holiday, "name")
    start, end = _date(holiday.get("start_date"), "start_date"), _date(holiday.get("end_date"), "end_date")
    if end < start:
        raise invalid("end_date", "End date: must be on or after the start date")


def _holiday(ctx: RequestContext, schedule_id: int, holiday_id: str) -> dict[str, Any]:
    holiday = get_or_404(ctx.store["holidays"], parse_id(holiday_id))
    if holiday["schedule_id"] != schedule_id:
        raise not_found()
    return holiday


def _schedule_id(ctx: RequestContext, raw: str) -> int:
    return get_or_404(ctx.store["schedules"], parse_id(raw))["id"]


def list_holidays(ctx: RequestContext, schedule_id: str):
    owner = _schedule_id(ctx, schedule_id)
    holidays = sorted((h for h in ctx.store["holidays"].values() if h["schedule_id"] == owner),
                      key=lambda h: (h["start_date"], h["id"]))
    return respond_list(ctx, "holidays", [render(ctx, h) for h in holidays], mode="unpaginated")


def show_holiday(ctx: RequestContext, schedule_id: str, holiday_id: str):
    holiday = _holiday(ctx, _schedule_id(ctx, schedule_id), holiday_id)
    return json_response(200, {"holiday": render(ctx, holiday)})


def create_holiday(ctx: RequestContext, schedule_id: str):
    owner = _schedule_id(ctx, schedule_id)
    holiday: dict[str, Any] = {"id": 0, "schedule_id": owner}
    _apply(holiday, ctx.wrapped("holiday"))
    holiday["id"] = new_id(ctx.store, "holidays")
    ctx.store["holidays"].put(stamp_created(holiday))
    return json_response(201, {"holiday": render(ctx, holiday)})


def update_holiday(ctx: RequestContext, schedule_id: str, holiday_id: str):
    holiday = _holiday(ctx, _schedule_id(ctx, schedule_id), holiday_id)
    draft = dict(holiday)
    _apply(draft, ctx.wrapped("holiday"))
    holiday.update(draft)
    touch(holiday)
    return json_response(200, {"holiday": render(ctx, holiday)})


def delete_holiday(ctx: RequestContext, schedule_id: str, holiday_id: str):
    holiday = _holiday(ctx, _schedule_id(ctx, schedule_id), holiday_id)
    ctx.store["holidays"].remove(holiday["id"])
    return json_response(204)


def register(router: Router) -> None:
    router.add("GET", BASE, list_holidays)
    router.add("POST", BASE, create_holiday)
    router.add("GET", f"{BASE}/{{holiday_id}}", show_holiday)
    router.add("PUT", f"{BASE}/{{holiday_id}}", update_holiday)
    router.add("DELETE", f"{BASE}/{{holiday_id}}", delete_holiday)
