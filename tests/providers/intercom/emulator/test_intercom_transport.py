"""Auth, versioning, routing, rate limiting, request log and state snapshots."""

from __future__ import annotations

import httpx
import pytest

from providers.intercom.emulator import API_VERSION, IntercomEmulator

from intercom_emu_support import FakeClock, error_codes, make_client, ok


@pytest.mark.parametrize("authorization", [None, "", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc"])
def test_missing_or_non_bearer_credentials_get_401_without_rate_limit_headers(emulator, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    with httpx.Client(transport=httpx.MockTransport(emulator), base_url="https://api.intercom.io") as http:
        response = http.get("/tags", headers=headers)
    assert response.status_code == 401
    body = response.json()
    assert body["errors"] == [{"code": "unauthorized", "message": "Access Token Invalid"}]
    assert body["type"] == "error.list" and body["request_id"]
    assert "x-ratelimit-limit" not in response.headers


def test_any_bearer_token_is_accepted_and_version_echoed(client):
    response = client.get("/tags")
    assert response.status_code == 200
    assert response.headers["intercom-version"] == API_VERSION == "2.16"
    older = client.get("/tags", headers={"Intercom-Version": "2.11"})
    assert older.status_code == 200 and older.headers["intercom-version"] == "2.11"


@pytest.mark.parametrize("version", ["3.0", "2.17", "latest", "2,16"])
def test_unknown_version_is_rejected_with_intercom_version_invalid(client, version):
    response = client.get("/tags", headers={"Intercom-Version": version})
    assert response.status_code == 400
    assert error_codes(response) == ["intercom_version_invalid"]


@pytest.mark.parametrize("path", ["/macros", "/office_hours_schedules", "/conversations/attributes"])
def test_resources_new_in_2_16_are_unavailable_to_older_versions(client, path):
    response = client.get(path, headers={"Intercom-Version": "2.15"})
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "code": "intercom_version_invalid",
        "message": "Requested resource is not available in current API version."}
    assert client.get(path, headers={"Intercom-Version": "Unstable"}).status_code == 200


@pytest.mark.parametrize("method, path", [("GET", "/no_such_thing"), ("POST", "/macros"), ("DELETE", "/data_attributes/1"),
                                          ("PUT", "/teams/991267901"), ("GET", "/data_attributes/1")])
def test_unknown_endpoints_and_methods_answer_intercom_404(client, method, path):
    response = client.request(method, path, json={} if method in ("POST", "PUT") else None)
    assert response.status_code == 404
    assert response.json()["errors"] == [{"code": "not_found", "message": "Resource Not Found"}]


def test_malformed_json_body_is_a_400_error_list(client):
    response = client.post("/tags", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["type"] == "error.list"


def test_rate_limit_headers_count_down_in_aligned_ten_second_windows():
    clock = FakeClock(1_700_000_003.0)
    emulator = IntercomEmulator(rpm=60, clock=clock)  # 60/min -> 10 per 10-second window
    with make_client(emulator) as http:
        first = http.get("/tags")
        second = http.get("/tags")
    assert first.headers["x-ratelimit-limit"] == "10"
    assert first.headers["x-ratelimit-remaining"] == "9"
    assert second.headers["x-ratelimit-remaining"] == "8"
    assert first.headers["x-ratelimit-reset"] == "1700000010"  # the next multiple of 10 s, a unix timestamp


def test_over_the_limit_is_429_without_retry_after_until_the_window_resets():
    clock = FakeClock(1_700_000_000.0)
    emulator = IntercomEmulator(rpm=12, clock=clock)  # 2 per window
    with make_client(emulator) as http:
        assert [http.get("/tags").status_code for _ in range(2)] == [200, 200]
        refused = http.get("/tags")
        assert refused.status_code == 429
        assert refused.json()["errors"] == [{"code": "rate_limit_exceeded",
                                             "message": "Exceeded rate limit of 2 in 10_seconds"}]
        assert refused.headers["x-ratelimit-remaining"] == "0"
        assert refused.headers["x-ratelimit-reset"] == "1700000010"
        assert "retry-after" not in refused.headers
        clock.advance(10)
        again = http.get("/tags")
    assert again.status_code == 200
    assert again.headers["x-ratelimit-remaining"] == "1"
    assert again.headers["x-ratelimit-reset"] == "1700000020"


def test_refused_writes_do_not_reach_the_account():
    clock = FakeClock()
    emulator = IntercomEmulator(rpm=6, clock=clock)  # 1 per window
    with make_client(emulator) as http:
        ok(http.post("/tags", json={"name": "first"}))
        assert http.post("/tags", json={"name": "second"}).status_code == 429
        clock.advance(10)
        names = [t["name"] for t in ok(http.get("/tags"))["data"]]
    assert names == ["first"]


def test_without_rpm_nothing_is_refused_and_headers_show_the_default_budget(client):
    statuses = {client.get("/admins").status_code for _ in range(30)}
    assert statuses == {200}
    assert client.get("/admins").headers["x-ratelimit-limit"] == "1667"  # 10,000/min spread over 10 s windows


def test_request_log_records_every_request_with_status(emulator, client):
    client.get("/tags")
    client.post("/tags", json={"name": "vip"})
    client.get("/tags", headers={"Authorization": ""})
    log = [(entry.method, entry.path, entry.status) for entry in emulator.request_log]
    assert log == [("GET", "/tags", 200), ("POST", "/tags", 200), ("GET", "/tags", 401)]
    assert [entry.is_write for entry in emulator.request_log] == [False, True, False]


def test_dump_round_trips_the_workspace_and_never_reuses_ids(emulator, client, clock):
    tag = ok(client.post("/tags", json={"name": "vip"}))
    assert client.delete(f"/tags/{tag['id']}").status_code == 200
    collection = ok(client.post("/help_center/collections", json={"name": "Billing"}))
    restored = IntercomEmulator(emulator.dump(), clock=clock)
    with make_client(restored) as http:
        assert ok(http.get(f"/help_center/collections/{collection['id']}"))["name"] == "Billing"
        assert ok(http.get("/admins"))["admins"] == ok(client.get("/admins"))["admins"]
        new_tag = ok(http.post("/tags", json={"name": "vip"}))
    assert new_tag["id"] != tag["id"]


def test_dump_is_json_serialisable(emulator, client):
    import json

    client.post("/articles", json={"title": "Hi", "author_id": 991267401})
    assert json.loads(json.dumps(emulator.dump())) == emulator.dump()


def test_served_over_loopback_behaves_like_the_transport():
    from providers.common.serve import serve_in_thread

    server, base_url = serve_in_thread(IntercomEmulator())
    try:
        with httpx.Client(base_url=base_url, headers={"Authorization": "Bearer t"}) as http:
            created = http.post("/tags", json={"name": "served"})
            listed = http.get("/tags")
    finally:
        server.shutdown()
        server.server_close()
    assert created.status_code == 200
    assert [t["name"] for t in listed.json()["data"]] == ["served"]
    assert listed.headers["x-ratelimit-limit"] == "1667"
