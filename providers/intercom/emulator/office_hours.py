"""``/office_hours_schedules`` and their ``office_hours_exceptions`` (2.16+, full CRUD).

Documented behaviour (2.16 description):
- a schedule has ``name``, an IANA ``time_zone_name`` and ``time_intervals``
  ``[{start_minute, end_minute}]`` counted from Monday 00:00 (0–10080), on 15-minute boundaries;
  all three are required on create; the answer adds the read-only ``day_of_week`` (0 = Monday)
  per interval and ``twenty_four_seven``;
- create answers **201**, others 200; validation failures answer 422; lists are unpaginated
  with ``type`` ``office_hours_schedule.list`` / ``office_hours_exception.list``;
- an exception has ``exception_date`` (YYYY-MM-DD), ``exception_type`` ``closed`` (intervals
  ``null``) or ``custom_hours`` (intervals required, minutes from that day's midnight, 0–1440,
  ``day_of_week`` from the date), optional ``name`` and ``recurring_annually``;
- DELETE answers ``{"id", "object": "office_hours_schedule"|"office_hours_exception", "deleted": true}``;
  deleting a schedule removes its exceptions.
Intervals come back sorted by start; overlapping intervals are refused (422) here.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .errors import ApiError, not_found
from .inputs import body_object
from .records import by_numeric_id
from .seed import new_id

WEEK_MINUTES = 7 * 24 * 60
DAY_MINUTES = 24 * 60
EXCEPTION_TYPES = ("closed", "custom_hours")


def _invalid(message: str) -> ApiError:
    return ApiError(422, "parameter_invalid", message)


@functools.lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _intervals(raw: Any, span: int, day_of_week: int | None = None) -> list[dict[str, int]]:
    if not isinstance(raw, list) or not raw:
        raise _invalid("time_intervals must be a non-empty array")
    result = []
    for interval in raw:
        if not isinstance(interval, dict):
            raise _invalid("each time interval must be an object")
        start, end = interval.get("start_minute"), interval.get("end_minute")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
            raise _invalid("start_minute and end_minute are required integers")
        if not (0 <= start < end <= span):
            raise _invalid(f"time intervals must satisfy 0 <= start_minute < end_minute <= {span}")
        if start % 15 or end % 15:
            raise _invalid("start_minute and end_minute must be on a 15-minute boundary")
        result.append({"start_minute": start, "end_minute": end,
                       "day_of_week": day_of_week if day_of_week is not None else start // DAY_MINUTES})
    result.sort(key=lambda i: i["start_minute"])
    for before, after in zip(result, result[1:]):
        if after["start_minute"] < before["end_minute"]:
            raise _invalid("time intervals must not overlap")
    return result


def _twenty_four_seven(intervals: list[dict[str, int]]) -> bool:
    covered = 0
    for interval in intervals:
        if interval["start_minute"] > covered:
            return False
        covered = max(covered, interval["end_minute"])
    return covered >= WEEK_MINUTES


def register(router: Router, emu: Any) -> None:
    schedules = emu.store["office_hours_schedules"]
    exceptions = emu.store["office_hours_exceptions"]

    def lookup(schedule_id: str) -> dict[str, Any]:
        schedule = schedules.get(schedule_id)
        if schedule is None:
            raise not_found()
        return schedule

    def apply_schedule(schedule: dict[str, Any], body: dict[str, Any], *, creating: bool) -> None:
        for field in ("name", "time_zone_name", "time_intervals"):
            if creating and body.get(field) is None:
                raise _invalid(f"{field} is required")
        changes: dict[str, Any] = {}
        if body.get("name") is not None:
            if not isinstance(body["name"], str) or not body["name"].strip():
                raise _invalid("name can't be blank")
            changes["name"] = body["name"]
        if body.get("time_zone_name") is not None:
            if not isinstance(body["time_zone_name"], str) or body["time_zone_name"] not in _time_zones():
                raise _invalid(f"{body['time_zone_name']} is not a valid time zone")
            changes["time_zone_name"] = body["time_zone_name"]
        if body.get("time_intervals") is not None:
            changes["time_intervals"] = _intervals(body["time_intervals"], WEEK_MINUTES)
            changes["twenty_four_seven"] = _twenty_four_seven(changes["time_intervals"])
        schedule.update(changes)

    def list_schedules(request: httpx.Request) -> httpx.Response:
        return json_response(200, {"type": "office_hours_schedule.list", "data": by_numeric_id(schedules.values())})

    def create_schedule(request: httpx.Request) -> httpx.Response:
        schedule: dict[str, Any] = {"type": "office_hours_schedule"}
        apply_schedule(schedule, body_object(request), creating=True)
        now = emu.now()
        schedule.update({"id": new_id(emu.store, "office_hours_schedules"), "created_at": now, "updated_at": now})
        schedules.put(schedule)
        return json_response(201, schedule)

    def get_schedule(request: httpx.Request, schedule_id: str) -> httpx.Response:
        return json_response(200, lookup(schedule_id))

    def update_schedule(request: httpx.Request, schedule_id: str) -> httpx.Response:
        schedule = lookup(schedule_id)
        apply_schedule(schedule, body_object(request), creating=False)
        schedule["updated_at"] = emu.now()
        return json_response(200, schedule)

    def delete_schedule(request: httpx.Request, schedule_id: str) -> httpx.Response:
        lookup(schedule_id)
        for exception in list(exceptions.values()):
            if exception["office_hours_schedule_id"] == schedule_id:
                exceptions.remove(exception["id"])
        schedules.remove(schedule_id)
        return json_response(200, {"id": schedule_id, "object": "office_hours_schedule", "deleted": True})

    def exception_of(schedule_id: str, exception_id: str) -> dict[str, Any]:
        lookup(schedule_id)
        exception = exceptions.get(exception_id)
        if exception is None or exception["office_hours_schedule_id"] != schedule_id:
            raise not_found()
        return exception

    def apply_exception(exception: dict[str, Any], body: dict[str, Any]) -> None:
        """Validates the exception as it would be after the change (create and update alike)."""
        merged = {**exception, **{k: v for k, v in body.items() if k in (
            "exception_date", "exception_type", "name", "time_intervals", "recurring_annually")}}
        for field in ("exception_date", "exception_type"):
            if merged.get(field) is None:
                raise _invalid(f"{field} is required")
        try:
            date = dt.date.fromisoformat(str(merged["exception_date"]))
        except ValueError:
            raise _invalid("exception_date must be a date in YYYY-MM-DD format") from None
        if merged["exception_type"] not in EXCEPTION_TYPES:
            raise _invalid("exception_type must be one of: closed, custom_hours")
        if merged.get("name") is not None and not isinstance(merged["name"], str):
            raise _invalid("name must be a string")
        recurring = merged.get("recurring_annually", False)
        if not isinstance(recurring, bool):
            raise _invalid("recurring_annually must be a boolean")
        intervals = None
        if merged["exception_type"] == "custom_hours":
            if merged.get("time_intervals") is None:
                raise _invalid("time_intervals are required for custom_hours exceptions")
            intervals = _intervals(merged["time_intervals"], DAY_MINUTES, day_of_week=date.weekday())
        exception.update({"exception_date": date.isoformat(), "exception_type": merged["exception_type"],
                          "name": merged.get("name"), "time_intervals": intervals,
                          "recurring_annually": recurring})

    def list_exceptions(request: httpx.Request, office_hours_schedule_id: str) -> httpx.Response:
        lookup(office_hours_schedule_id)
        data = [e for e in by_numeric_id(exceptions.values())
                if e["office_hours_schedule_id"] == office_hours_schedule_id]
        return json_response(200, {"type": "office_hours_exception.list", "data": data})

    def create_exception(request: httpx.Request, office_hours_schedule_id: str) -> httpx.Response:
        lookup(office_hours_schedule_id)
        exception: dict[str, Any] = {"type": "office_hours_exception"}
        apply_exception(exception, body_object(request))
        now = emu.now()
        exception.update({"id": new_id(emu.store, "office_hours_exceptions"),
                          "office_hours_schedule_id": office_hours_schedule_id, "created_at": now, "updated_at": now})
        exceptions.put(exception)
        return json_response(201, exception)

    def get_exception(request: httpx.Request, office_hours_schedule_id: str, exception_id: str) -> httpx.Response:
        return json_response(200, exception_of(office_hours_schedule_id, exception_id))

    def update_exception(request: httpx.Request, office_hours_schedule_id: str, exception_id: str) -> httpx.Response:
        exception = exception_of(office_hours_schedule_id, exception_id)
        apply_exception(exception, body_object(request))
        exception["updated_at"] = emu.now()
        return json_response(200, exception)

    def delete_exception(request: httpx.Request, office_hours_schedule_id: str, exception_id: str) -> httpx.Response:
        exception_of(office_hours_schedule_id, exception_id)
        exceptions.remove(exception_id)
        return json_response(200, {"id": exception_id, "object": "office_hours_exception", "deleted": True})

    base = "/office_hours_schedules"
    router.add("GET", base, list_schedules)
    router.add("POST", base, create_schedule)
    router.add("GET", base + "/{schedule_id}", get_schedule)
    router.add("PUT", base + "/{schedule_id}", update_schedule)
    router.add("DELETE", base + "/{schedule_id}", delete_schedule)
    nested = base + "/{office_hours_schedule_id}/office_hours_exceptions"
    router.add("GET", nested, list_exceptions)
    router.add("POST", nested, create_exception)
    router.add("GET", nested + "/{exception_id}", get_exception)
    router.add("PUT", nested + "/{exception_id}", update_exception)
    router.add("DELETE", nested + "/{exception_id}", delete_exception)
