"""Office hours schedules and exceptions (2.16)."""

from __future__ import annotations

import pytest

from intercom_emu_support import ok

WEEKDAYS_9_TO_5 = [{"start_minute": day * 1440 + 540, "end_minute": day * 1440 + 1020} for day in range(5)]


@pytest.fixture
def schedule(client):
    return ok(client.post("/office_hours_schedules", json={
        "name": "Standard Support Hours", "time_zone_name": "America/New_York",
        "time_intervals": list(reversed(WEEKDAYS_9_TO_5))}), 201)


def test_create_answers_201_with_sorted_intervals_and_derived_days(schedule):
    assert [i["day_of_week"] for i in schedule["time_intervals"]] == [0, 1, 2, 3, 4]
    assert schedule["time_intervals"][1] == {"start_minute": 1980, "end_minute": 2460, "day_of_week": 1}
    assert schedule["twenty_four_seven"] is False and schedule["type"] == "office_hours_schedule"


def test_a_full_week_is_twenty_four_seven(client):
    always = ok(client.post("/office_hours_schedules", json={
        "name": "Always", "time_zone_name": "Etc/UTC",
        "time_intervals": [{"start_minute": 0, "end_minute": 5040}, {"start_minute": 5040, "end_minute": 10080}]}), 201)
    assert always["twenty_four_seven"] is True


@pytest.mark.parametrize("body", [
    {"time_zone_name": "Etc/UTC", "time_intervals": WEEKDAYS_9_TO_5},
    {"name": "x", "time_intervals": WEEKDAYS_9_TO_5},
    {"name": "x", "time_zone_name": "Etc/UTC"},
    {"name": "x", "time_zone_name": "Mars/Olympus", "time_intervals": WEEKDAYS_9_TO_5},
    {"name": "x", "time_zone_name": "Etc/UTC", "time_intervals": [{"start_minute": 545, "end_minute": 1020}]},
    {"name": "x", "time_zone_name": "Etc/UTC", "time_intervals": [{"start_minute": 600, "end_minute": 540}]},
    {"name": "x", "time_zone_name": "Etc/UTC", "time_intervals": [{"start_minute": 0, "end_minute": 10095}]},
    {"name": "x", "time_zone_name": "Etc/UTC", "time_intervals": [{"start_minute": 0, "end_minute": 600},
                                                                   {"start_minute": 540, "end_minute": 900}]},
])
def test_invalid_schedules_are_422(client, body):
    response = client.post("/office_hours_schedules", json=body)
    assert response.status_code == 422
    assert response.json()["type"] == "error.list"


def test_update_is_partial(client, schedule):
    updated = ok(client.put(f"/office_hours_schedules/{schedule['id']}", json={
        "name": "Extended", "time_intervals": [{"start_minute": 480, "end_minute": 1080}]}))
    assert (updated["name"], updated["time_zone_name"]) == ("Extended", "America/New_York")
    assert updated["time_intervals"] == [{"start_minute": 480, "end_minute": 1080, "day_of_week": 0}]
    assert ok(client.get("/office_hours_schedules")) == {"type": "office_hours_schedule.list", "data": [updated]}


def test_exceptions_closed_and_custom_hours(client, schedule):
    base = f"/office_hours_schedules/{schedule['id']}/office_hours_exceptions"
    closed = ok(client.post(base, json={"exception_date": "2026-12-25", "exception_type": "closed",
                                        "name": "Christmas Day", "recurring_annually": True}), 201)
    assert (closed["time_intervals"], closed["office_hours_schedule_id"]) == (None, schedule["id"])
    custom = ok(client.put(f"{base}/{closed['id']}", json={
        "exception_type": "custom_hours", "time_intervals": [{"start_minute": 540, "end_minute": 780}]}))
    assert custom["time_intervals"] == [{"start_minute": 540, "end_minute": 780, "day_of_week": 4}]  # a Friday
    assert custom["exception_date"] == "2026-12-25" and custom["name"] == "Christmas Day"
    assert ok(client.get(base)) == {"type": "office_hours_exception.list", "data": [custom]}


@pytest.mark.parametrize("body", [
    {"exception_type": "closed"},
    {"exception_date": "2026-02-30", "exception_type": "closed"},
    {"exception_date": "2026-12-24", "exception_type": "holiday"},
    {"exception_date": "2026-12-24", "exception_type": "custom_hours"},
    {"exception_date": "2026-12-24", "exception_type": "custom_hours", "time_intervals": [{"start_minute": 0, "end_minute": 1455}]},
])
def test_invalid_exceptions_are_422(client, schedule, body):
    response = client.post(f"/office_hours_schedules/{schedule['id']}/office_hours_exceptions", json=body)
    assert response.status_code == 422


def test_deleting_a_schedule_deletes_its_exceptions(client, schedule):
    base = f"/office_hours_schedules/{schedule['id']}/office_hours_exceptions"
    exception = ok(client.post(base, json={"exception_date": "2026-01-01", "exception_type": "closed"}), 201)
    deleted = ok(client.delete(f"/office_hours_schedules/{schedule['id']}"))
    assert deleted == {"id": schedule["id"], "object": "office_hours_schedule", "deleted": True}
    assert client.get(f"{base}/{exception['id']}").status_code == 404
    assert ok(client.get("/office_hours_schedules"))["data"] == []


def test_exception_delete_and_not_found(client, schedule):
    base = f"/office_hours_schedules/{schedule['id']}/office_hours_exceptions"
    exception = ok(client.post(base, json={"exception_date": "2026-01-01", "exception_type": "closed"}), 201)
    assert ok(client.delete(f"{base}/{exception['id']}")) == {
        "id": exception["id"], "object": "office_hours_exception", "deleted": True}
    assert client.delete(f"{base}/{exception['id']}").status_code == 404
    assert client.get("/office_hours_schedules/999/office_hours_exceptions").status_code == 404
