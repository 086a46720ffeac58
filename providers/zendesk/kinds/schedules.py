"""Business-hours schedules (Block 1) with their weekly hours and holidays, in one object.

+ name: natural key (rules set a schedule by name: ``{field: set_schedule, value: Support hours}``).
+ time_zone: a Zendesk time zone name (``Eastern Time (US & Canada)``, ``London``).
+ workweek: opening hours per day, ``monday: ['09:00-12:30', '13:30-17:00']``; a day left out
  (or ``[]``) is closed, so the seven days are always compared. ``24:00`` ends a day.
+ holidays: ``[{name, start_date, end_date}]`` (``YYYY-MM-DD``; ``end_date`` defaults to the
  start). The list is the complete set: holidays not listed are removed. Leave ``holidays``
  out to leave them alone.
On the wire the hours are minutes since Sunday 00:00 and change only through the schedule's
own workweek endpoint, and each holiday is its own object under the schedule; the operations
below send only the calls a change needs (no workweek PUT when the hours did not change).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import field_validator, model_validator

from providers.zendesk.kinds._rules import Strict, refuse
from provisioner.kind import Doc, Kind

PATH = "/api/v2/business_hours/schedules"
DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
MINUTES_A_DAY = 24 * 60
RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
Day = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _minutes(hours: str, minutes: str) -> int:
    return int(hours) * 60 + int(minutes)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_range(text: Any) -> tuple[int, int]:
    """``'09:00-17:00'`` -> (540, 1020) minutes into the day; refuses anything else."""
    match = RANGE.match(str(text))
    if not match:
        raise refuse(f"{text!r}: write opening hours as 'HH:MM-HH:MM' (for example '09:00-17:00')")
    start, end = _minutes(*match.group(1, 2)), _minutes(*match.group(3, 4))
    if not 0 <= start < end <= MINUTES_A_DAY or int(match.group(2)) > 59 or int(match.group(4)) > 59:
        raise refuse(f"{text!r}: the start must come before the end, within one day (00:00-24:00)")
    return start, end


class Holiday(Strict):
    name: str
    start_date: str
    end_date: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_day_by_default(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("end_date") is None and "start_date" in data:
            data = {**data, "end_date": data["start_date"]}
        return data

    @field_validator("start_date", "end_date")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if value is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", str(value)):
            raise refuse(f"{value!r}: dates are written YYYY-MM-DD")
        return value


class Schedule(Strict):
    name: str
    time_zone: str
    workweek: dict[Day, list[str]] | None = None
    holidays: list[Holiday] | None = None

    @field_validator("workweek")
    @classmethod
    def _every_day(cls, workweek: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
        if workweek is None:
            return None
        full = {}
        for day in DAYS[1:] + DAYS[:1]:
            ranges = sorted(parse_range(text) for text in workweek.get(day) or [])
            for (_, end), (start, _) in zip(ranges, ranges[1:]):
                if start < end:
                    raise refuse(f"{day}: opening hours overlap")
            full[day] = [f"{_clock(s)}-{_clock(e)}" for s, e in ranges]
        return full

    @field_validator("holidays")
    @classmethod
    def _by_date(cls, holidays: list[Holiday] | None) -> list[Holiday] | None:
        if holidays is None:
            return None
        names = [h.name for h in holidays]
        duplicate = next((n for n in names if names.count(n) > 1), None)
        if duplicate is not None:
            raise refuse(f"holiday {duplicate!r} is listed twice")
        return sorted(holidays, key=lambda h: (h.start_date, h.name))


def workweek_of(intervals: list[dict[str, int]]) -> dict[str, list[str]]:
    """Zendesk's intervals (minutes since Sunday 00:00) as opening hours per day."""
    week: dict[str, list[str]] = {day: [] for day in DAYS[1:] + DAYS[:1]}
    for interval in sorted(intervals, key=lambda i: i["start_time"]):
        day = interval["start_time"] // MINUTES_A_DAY
        start = interval["start_time"] - day * MINUTES_A_DAY
        end = interval["end_time"] - day * MINUTES_A_DAY
        week[DAYS[day]].append(f"{_clock(start)}-{_clock(end)}")
    return week


def intervals_of(workweek: dict[str, list[str]]) -> list[dict[str, int]]:
    intervals = []
    for day, ranges in workweek.items():
        offset = DAYS.index(day) * MINUTES_A_DAY
        for text in ranges:
            start, end = parse_range(text)
            intervals.append({"start_time": offset + start, "end_time": offset + end})
    return sorted(intervals, key=lambda i: i["start_time"])


def normalize(doc: Doc) -> Doc:
    doc["workweek"] = workweek_of(doc.pop("intervals", None) or [])
    holidays = [{k: h.get(k) for k in ("name", "start_date", "end_date")} for h in doc.get("holidays") or []]
    doc["holidays"] = sorted(holidays, key=lambda h: (h["start_date"], h["name"]))
    return doc


def to_payload(doc: Doc) -> Doc:
    body = dict(doc)
    if body.get("workweek") is not None:
        body["workweek"] = {"intervals": intervals_of(body["workweek"])}
    return body


class ScheduleOperations:
    """A schedule is three endpoints: the schedule, its workweek and its holidays."""

    @staticmethod
    def read(adapter, kind: Kind) -> list[Doc]:  # type: ignore[no-untyped-def]
        schedules = adapter.list_all(PATH, "schedules", paging="none")
        # No bulk list of holidays exists: one GET per schedule, sent several at a time.
        holidays = adapter.gather(lambda schedule: adapter.list_all(f"{PATH}/{schedule['id']}/holidays", "holidays",
                                                                    paging="none"), schedules)
        for schedule, found in zip(schedules, holidays):
            schedule["holidays"] = found
        return schedules

    @staticmethod
    def create(adapter, kind: Kind, body: Doc) -> Doc:  # type: ignore[no-untyped-def]
        fields = {k: body[k] for k in ("name", "time_zone") if k in body}
        schedule = adapter.http.json("POST", PATH, json_body={"schedule": fields})["schedule"]
        ScheduleOperations._rest(adapter, schedule["id"], body)
        return schedule

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:  # type: ignore[no-untyped-def]
        fields = {k: body[k] for k in ("name", "time_zone") if k in body}
        if fields:
            adapter.http.json("PUT", f"{PATH}/{obj_id}", json_body={"schedule": fields})
        ScheduleOperations._rest(adapter, obj_id, body)
        return {}

    @staticmethod
    def _rest(adapter, schedule_id: Any, body: Doc) -> None:  # type: ignore[no-untyped-def]
        """The workweek (only when the change carries it) and the holidays (made to match the list)."""
        if body.get("workweek") is not None:
            adapter.http.json("PUT", f"{PATH}/{schedule_id}/workweek", json_body={"workweek": body["workweek"]})
        if body.get("holidays") is None:
            return
        base = f"{PATH}/{schedule_id}/holidays"
        current = {h["name"]: h for h in adapter.list_all(base, "holidays", paging="none")}
        wanted = {h["name"]: h for h in body["holidays"]}
        for name, holiday in current.items():
            if name not in wanted:
                adapter.http.request("DELETE", f"{base}/{holiday['id']}", ok_statuses=(404,))
        for name, holiday in wanted.items():
            live = current.get(name)
            if live is None:
                adapter.http.json("POST", base, json_body={"holiday": holiday})
            elif any(live.get(k) != holiday.get(k) for k in ("start_date", "end_date")):
                adapter.http.json("PUT", f"{base}/{live['id']}", json_body={"holiday": holiday})


SCHEDULES = Kind(
    name="schedules", block=1, natural_key="name", path=PATH, envelope="schedule", list_key="schedules",
    model=Schedule, normalize=normalize, to_payload=to_payload,
    api={"operations": ScheduleOperations, "paging": "none"},
    summary="Business-hours schedules: time zone, weekly opening hours and holidays.",
    example=("schedules:\n  - name: Support hours\n    time_zone: Eastern Time (US & Canada)\n    workweek:\n"
             "      monday: ['09:00-17:00']\n      tuesday: ['09:00-17:00']\n    holidays:\n"
             "      - {name: New Year's Day, start_date: '2026-01-01'}\n"),
)
