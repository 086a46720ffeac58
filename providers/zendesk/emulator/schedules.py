"""Business-hours schedules (``/business_hours/schedules``, wrapper ``schedule``), unpaginated.

Not in the vendored OAS; shapes follow Zendesk's Schedules reference. ``name`` and
``time_zone`` are required. A new schedule starts with Monday–Friday 09:00–17:00. Intervals
(minutes since Sunday 00:00, never spanning midnight) are read-only on the schedule itself and
change only through ``PUT .../{id}/workweek`` ``{"workweek": {"intervals": [...]}}``.
Holidays live in ``schedule_holidays``.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, require, stamp_created, touch
from providers.zendesk.emulator.time_zones import is_known_zone

BASE = "/api/v2/business_hours/schedules"
DAY = 24 * 60
WEEK = 7 * DAY
DEFAULT_INTERVALS = [{"start_time": day * DAY + 9 * 60, "end_time": day * DAY + 17 * 60} for day in range(1, 6)]


def render(ctx: RequestContext, schedule: dict[str, Any]) -> dict[str, Any]:
    return {**schedule, "url": ctx.api_url(f"/business_hours/schedules/{schedule['id']}")}


def _check_zone(value: Any) -> None:
    if not is_known_zone(value):
        raise invalid("time_zone", f"Time zone: {value} is not a valid time zone")


def check_intervals(given: Any) -> list[dict[str, int]]:
    if not isinstance(given, list):
        raise invalid("intervals", "Intervals: must be a list")
    intervals = []
    for item in given:
        start, end = (item or {}).get("start_time"), (item or {}).get("end_time")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
            raise invalid("intervals", "Intervals: start_time and end_time must be minutes")
        if not (0 <= start < end <= WEEK):
            raise invalid("intervals", "Intervals: start_time must come before end_time within the week")
        if start // DAY != (end - 1) // DAY:
            raise invalid("intervals", "Intervals: an interval cannot span more than one day")
        intervals.append({"start_time": start, "end_time": end})
    intervals.sort(key=lambda i: i["start_time"])
    for before, after in zip(intervals, intervals[1:]):
        if after["start_time"] < before["end_time"]:
            raise invalid("intervals", "Intervals: intervals cannot overlap")
    return intervals


def list_schedules(ctx: RequestContext):
    schedules = sorted(ctx.store["schedules"].values(), key=lambda s: s["id"])
    return respond_list(ctx, "schedules", [render(ctx, s) for s in schedules], mode="unpaginated")


def show_schedule(ctx: RequestContext, schedule_id: str):
    schedule = get_or_404(ctx.store["schedules"], parse_id(schedule_id))
    return json_response(200, {"schedule": render(ctx, schedule)})


def create_schedule(ctx: RequestContext):
    data = ctx.wrapped("schedule")
    require(data, "name", "time_zone")
    _check_zone(data["time_zone"])
    schedule = {"id": new_id(ctx.store, "schedules"), "name": data["name"], "time_zone": data["time_zone"],
                "intervals": [dict(i) for i in DEFAULT_INTERVALS]}
    ctx.store["schedules"].put(stamp_created(schedule))
    return json_response(201, {"schedule": render(ctx, schedule)})


def update_schedule(ctx: RequestContext, schedule_id: str):
    schedule = get_or_404(ctx.store["schedules"], parse_id(schedule_id))
    data = ctx.wrapped("schedule")
    if "name" in data:
        require(data, "name")
    if "time_zone" in data:
        _check_zone(data["time_zone"])
    for key in ("name", "time_zone"):
        if key in data:
            schedule[key] = data[key]
    touch(schedule)
    return json_response(200, {"schedule": render(ctx, schedule)})


def update_workweek(ctx: RequestContext, schedule_id: str):
    schedule = get_or_404(ctx.store["schedules"], parse_id(schedule_id))
    workweek = ctx.wrapped("workweek")
    schedule["intervals"] = check_intervals(workweek.get("intervals"))
    touch(schedule)
    return json_response(200, {"workweek": {"intervals": schedule["intervals"]}})


def delete_schedule(ctx: RequestContext, schedule_id: str):
    schedule = get_or_404(ctx.store["schedules"], parse_id(schedule_id))
    ctx.store["schedules"].remove(schedule["id"])
    for holiday in ctx.store["holidays"].values():
        if holiday["schedule_id"] == schedule["id"]:
            ctx.store["holidays"].remove(holiday["id"])
    return json_response(204)


def register(router: Router) -> None:
    router.add("GET", BASE, list_schedules)
    router.add("POST", BASE, create_schedule)
    router.add("GET", f"{BASE}/{{schedule_id}}", show_schedule)
    router.add("PUT", f"{BASE}/{{schedule_id}}", update_schedule)
    router.add("DELETE", f"{BASE}/{{schedule_id}}", delete_schedule)
    router.add("PUT", f"{BASE}/{{schedule_id}}/workweek", update_workweek)
