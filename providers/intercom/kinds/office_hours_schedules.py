"""Office hours schedules (Block 1): business hours and their exceptions (API 2.16+).

+ name: natural key. + time_zone_name: an IANA zone (``Europe/Paris``).
+ time_intervals: ``[{start_minute, end_minute}]`` counted from Monday 00:00 (0-10080), on
  15-minute boundaries, not overlapping; compared in start order (Intercom sorts them).
+ exceptions: holidays and special days, one per ``exception_date`` (YYYY-MM-DD):
  ``exception_type`` closed, or custom_hours with ``time_intervals`` counted from that day's
  midnight (0-1440); optional ``name`` and ``recurring_annually``. They are a sub-resource:
  read with their schedule and written one by one (an exception the YAML drops is deleted).
  Left out, a schedule's exceptions are not managed.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from providers.common.fan_out import fan_out
from providers.intercom.kinds._common import Strict, refuse, refuse_duplicates
from provisioner.kind import Capabilities, Doc, Kind
from provisioner.plan.diff import matches

WEEK, DAY = 7 * 24 * 60, 24 * 60
EXCEPTION_FIELDS = ("exception_date", "exception_type", "name", "time_intervals", "recurring_annually")


@functools.lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


class Interval(Strict):
    start_minute: int
    end_minute: int


def checked_intervals(intervals: list[Interval], span: int) -> list[Interval]:
    ordered = sorted(intervals, key=lambda i: i.start_minute)
    for interval in ordered:
        if not 0 <= interval.start_minute < interval.end_minute <= span:
            raise refuse(f"interval {interval.start_minute}-{interval.end_minute}: minutes must satisfy "
                         f"0 <= start_minute < end_minute <= {span}")
        if interval.start_minute % 15 or interval.end_minute % 15:
            raise refuse(f"interval {interval.start_minute}-{interval.end_minute}: minutes must be on a 15-minute boundary")
    for before, after in zip(ordered, ordered[1:]):
        if after.start_minute < before.end_minute:
            raise refuse(f"intervals {before.start_minute}-{before.end_minute} and "
                         f"{after.start_minute}-{after.end_minute} overlap")
    return ordered


class OfficeHoursException(Strict):
    exception_date: str
    exception_type: Literal["closed", "custom_hours"]
    name: str | None = None
    time_intervals: list[Interval] | None = Field(default=None, validate_default=True)
    recurring_annually: bool | None = None

    @field_validator("exception_date")
    @classmethod
    def _iso_date(cls, value: str) -> str:
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise refuse(f"{value!r} is not a date in YYYY-MM-DD form") from None

    @field_validator("time_intervals")
    @classmethod
    def _hours_for_custom(cls, intervals: list[Interval] | None, info: ValidationInfo) -> list[Interval] | None:
        custom = info.data.get("exception_type") == "custom_hours"
        if custom and not intervals:
            raise refuse("a custom_hours exception needs time_intervals (minutes from that day's midnight)")
        if not custom and intervals is not None:
            raise refuse("a closed exception has no time_intervals")
        return checked_intervals(intervals, DAY) if intervals else intervals


class OfficeHoursSchedule(Strict):
    name: str
    time_zone_name: str
    time_intervals: list[Interval]
    exceptions: list[OfficeHoursException] | None = None

    @field_validator("time_zone_name")
    @classmethod
    def _known_zone(cls, zone: str) -> str:
        if zone not in _time_zones():
            raise refuse(f"{zone!r} is not an IANA time zone (for example Europe/Paris)")
        return zone

    @field_validator("time_intervals")
    @classmethod
    def _week(cls, intervals: list[Interval]) -> list[Interval]:
        if not intervals:
            raise refuse("a schedule needs at least one interval")
        return checked_intervals(intervals, WEEK)

    @field_validator("exceptions")
    @classmethod
    def _by_date(cls, exceptions: list[OfficeHoursException] | None) -> list[OfficeHoursException] | None:
        if exceptions is None:
            return None
        refuse_duplicates(exceptions, lambda e: e.exception_date, "exception_date")
        return sorted(exceptions, key=lambda e: e.exception_date)


def _intervals(raw: Any) -> list[Doc] | None:
    if raw is None:
        return None
    return [{"start_minute": i["start_minute"], "end_minute": i["end_minute"]} for i in raw]


def normalize_exception(raw: Doc) -> Doc:
    doc = {name: raw.get(name) for name in EXCEPTION_FIELDS if raw.get(name) is not None}
    if "time_intervals" in doc:
        doc["time_intervals"] = _intervals(doc["time_intervals"])
    return doc


def normalize(doc: Doc) -> Doc:
    doc["time_intervals"] = _intervals(doc.get("time_intervals")) or []
    if "exceptions" in doc:
        doc["exceptions"] = sorted((normalize_exception(e) for e in doc["exceptions"]), key=lambda e: e["exception_date"])
    return doc


class OfficeHoursOperations:
    """Exceptions live under ``/office_hours_schedules/{id}/office_hours_exceptions``: read with
    each schedule (one more request per schedule) and written one by one, matched by date."""

    def read(self, adapter: Any, kind: Kind) -> list[Doc]:
        schedules = adapter.list_all(kind)

        def exceptions(schedule: Doc) -> list[Doc]:
            answer = adapter.http.request("GET", f"{kind.path}/{schedule['id']}/office_hours_exceptions",
                                          ok_statuses=(404,))
            return answer.json().get("data", []) if answer.status_code == 200 else []

        # No bulk list of exceptions: one request per schedule, a few at a time.
        for schedule, found in zip(schedules, fan_out(exceptions, schedules)):
            schedule["exceptions"] = found
        return schedules

    def create(self, adapter: Any, kind: Kind, body: Doc) -> Doc:
        created = adapter.create_once(kind, {k: v for k, v in body.items() if k != "exceptions"})
        if body.get("exceptions"):
            self._sync(adapter, f"{kind.path}/{created['id']}", body["exceptions"])
        return created

    def update(self, adapter: Any, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:
        path = f"{kind.path}/{obj_id}"
        fields = {k: v for k, v in body.items() if k != "exceptions"}
        answer = adapter.http.json("PUT", path, json_body=fields) if fields else {}
        if "exceptions" in body:
            self._sync(adapter, path, body["exceptions"] or [])
        return answer or {}

    def _sync(self, adapter: Any, path: str, desired: list[Doc]) -> None:
        adapter.until_settled(lambda: self._sync_once(adapter, path, desired))

    def _sync_once(self, adapter: Any, path: str, desired: list[Doc]) -> None:
        live = (adapter.http.json("GET", f"{path}/office_hours_exceptions") or {}).get("data") or []
        by_date = {e["exception_date"]: e for e in live}
        wanted = {e["exception_date"] for e in desired}
        for exception in desired:
            current = by_date.get(exception["exception_date"])
            if current is None:
                adapter.http.json("POST", f"{path}/office_hours_exceptions", json_body=exception)
            elif not matches(exception, normalize_exception(current)):
                adapter.http.json("PUT", f"{path}/office_hours_exceptions/{current['id']}", json_body=exception)
        for date, current in by_date.items():
            if date not in wanted:
                adapter.http.request("DELETE", f"{path}/office_hours_exceptions/{current['id']}", ok_statuses=(404,))


OFFICE_HOURS_SCHEDULES = Kind(
    name="office_hours_schedules", block=1, natural_key="name", path="/office_hours_schedules", list_key="data",
    server_owned=frozenset({"id", "type", "created_at", "updated_at", "twenty_four_seven"}),
    model=OfficeHoursSchedule, normalize=normalize,
    capabilities=Capabilities(),
    api={"paging": "none", "operations": OfficeHoursOperations()},
    summary="Office hours (business hours) schedules with their exceptions (API 2.16+).",
    example=("office_hours_schedules:\n  - name: Support hours\n    time_zone_name: Europe/London\n"
             "    time_intervals:\n      - {start_minute: 540, end_minute: 1020}    # Monday 09:00-17:00\n"
             "    exceptions:\n      - {exception_date: '2026-12-25', exception_type: closed, name: Christmas}\n"),
)
