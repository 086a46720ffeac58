"""Business-hours schedules, their workweek and holidays."""

from __future__ import annotations

BASE = "/api/v2/business_hours/schedules"


def _schedule(client, name="Support hours", time_zone="Pacific Time (US & Canada)"):
    return client.post(BASE, json={"schedule": {"name": name, "time_zone": time_zone}})


def test_create_gives_default_weekday_intervals_and_unpaginated_list(client):
    response = _schedule(client)
    assert response.status_code == 201
    schedule = response.json()["schedule"]
    assert schedule["intervals"][0] == {"start_time": 1980, "end_time": 2460}
    assert len(schedule["intervals"]) == 5
    body = client.get(BASE).json()
    assert [s["id"] for s in body["schedules"]] == [schedule["id"]] and body["next_page"] is None


def test_name_and_known_time_zone_required(client):
    assert client.post(BASE, json={"schedule": {"name": "x"}}).status_code == 422
    assert _schedule(client, time_zone="Mars/Olympus").status_code == 422
    assert _schedule(client, time_zone="Europe/Berlin").status_code == 201


def test_intervals_only_change_through_workweek(client):
    schedule = _schedule(client).json()["schedule"]
    ignored = client.put(f"{BASE}/{schedule['id']}", json={"schedule": {
        "name": "Renamed", "intervals": [{"start_time": 0, "end_time": 60}]}}).json()["schedule"]
    assert ignored["name"] == "Renamed" and ignored["intervals"] == schedule["intervals"]
    workweek = {"intervals": [{"start_time": 1440 + 480, "end_time": 1440 + 960}]}
    response = client.put(f"{BASE}/{schedule['id']}/workweek", json={"workweek": workweek})
    assert response.status_code == 200 and response.json() == {"workweek": workweek}
    assert client.get(f"{BASE}/{schedule['id']}").json()["schedule"]["intervals"] == workweek["intervals"]


def test_workweek_intervals_are_validated(client):
    schedule_id = _schedule(client).json()["schedule"]["id"]
    for intervals in ([{"start_time": 1000, "end_time": 1500}],  # spans midnight
                      [{"start_time": 600, "end_time": 500}],
                      [{"start_time": 1500, "end_time": 1600}, {"start_time": 1550, "end_time": 1700}]):
        response = client.put(f"{BASE}/{schedule_id}/workweek", json={"workweek": {"intervals": intervals}})
        assert response.status_code == 422, intervals


def test_holiday_crud_and_validation(client):
    schedule_id = _schedule(client).json()["schedule"]["id"]
    holidays = f"{BASE}/{schedule_id}/holidays"
    created = client.post(holidays, json={"holiday": {"name": "New Year", "start_date": "2026-01-01",
                                                      "end_date": "2026-01-01"}})
    assert created.status_code == 201
    holiday = created.json()["holiday"]
    assert client.post(holidays, json={"holiday": {"name": "Bad", "start_date": "2026-02-02",
                                                   "end_date": "2026-02-01"}}).status_code == 422
    assert client.post(holidays, json={"holiday": {"name": "Bad", "start_date": "soon",
                                                   "end_date": "2026-02-01"}}).status_code == 422
    updated = client.put(f"{holidays}/{holiday['id']}", json={"holiday": {"end_date": "2026-01-02"}})
    assert updated.json()["holiday"]["end_date"] == "2026-01-02"
    assert [h["name"] for h in client.get(holidays).json()["holidays"]] == ["New Year"]
    assert client.delete(f"{holidays}/{holiday['id']}").status_code == 204
    assert client.get(f"{holidays}/{holiday['id']}").status_code == 404


def test_holiday_belongs_to_its_schedule_and_goes_with_it(client):
    first = _schedule(client, "A").json()["schedule"]["id"]
    second = _schedule(client, "B").json()["schedule"]["id"]
    holiday = client.post(f"{BASE}/{first}/holidays", json={"holiday": {
        "name": "Day off", "start_date": "2026-05-01", "end_date": "2026-05-01"}}).json()["holiday"]
    assert client.get(f"{BASE}/{second}/holidays/{holiday['id']}").status_code == 404
    assert client.delete(f"{BASE}/{first}").status_code == 204
    assert client.get(f"{BASE}/{first}/holidays").status_code == 404
