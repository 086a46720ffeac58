"""Transport-level behaviour every Freshdesk client depends on: auth, headers, errors, limits, state."""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from providers.freshdesk.emulator import FreshdeskEmulator

RATE_HEADERS = ("X-RateLimit-Total", "X-RateLimit-Remaining", "X-RateLimit-Used-CurrentRequest")


def basic(user: str, password: str = "X") -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.mark.parametrize("headers", [
    {},
    {"Authorization": "Bearer some-token"},
    basic(""),
    {"Authorization": "Basic not-base64!!"},
])
def test_requests_without_a_usable_api_key_get_401_invalid_credentials(make_client, headers):
    http = make_client(FreshdeskEmulator(), auth=None)
    response = http.get("/groups", headers=headers)
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"


def test_any_non_empty_key_with_any_password_is_accepted(make_client):
    http = make_client(FreshdeskEmulator(), auth=None)
    assert http.get("/groups", headers=basic("abc123", "")).status_code == 200
    assert http.get("/groups", headers=basic("other-key", "whatever")).status_code == 200


@pytest.mark.parametrize("path", ["/groups", "/no/such/thing", "/groups/999"])
def test_every_response_carries_rate_limit_and_version_headers(client, path):
    response = client.get(path)
    for header in RATE_HEADERS:
        assert response.headers[header].isdigit()
    assert response.headers["X-Freshdesk-API-Version"] == "latest=v2; requested=v2"


def test_unknown_endpoints_and_ids_answer_404_not_found(client):
    for path in ("/no/such/thing", "/groups/43999999999", "/groups/abc", "/automations/2/rules"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("method, path, allowed", [
    ("GET", "/sla_policies/1", "PUT, PATCH"),
    ("DELETE", "/sla_policies/1", "PUT, PATCH"),
    ("DELETE", "/canned_responses/1", "GET, PUT, PATCH"),
    ("GET", "/canned_responses", "POST"),
    ("DELETE", "/canned_response_folders/1", "GET, PUT"),
    ("POST", "/roles", "GET"),
    ("PUT", "/roles/1", "GET"),
    ("DELETE", "/roles/1", "GET"),
    ("POST", "/business_hours", "GET"),
    ("PUT", "/business_hours/1", "GET"),
    ("PUT", "/admin/skills/1", "GET, PATCH, DELETE"),
    ("PATCH", "/groups/1", "GET, PUT, DELETE"),
])
def test_methods_the_api_lacks_answer_405_with_allow(client, method, path, allowed):
    response = client.request(method, path, json={} if method in ("POST", "PUT", "PATCH") else None)
    assert response.status_code == 405
    assert response.headers["Allow"] == allowed
    assert response.json()["code"] == "method_not_allowed"


@pytest.mark.parametrize("method, path", [
    ("PUT", "/contact_field/1"),
    ("DELETE", "/company_field/1"),
    ("POST", "/canned_response_folder"),
])
def test_documented_singular_paths_do_not_exist(client, method, path):
    response = client.request(method, path, json={"name": "x"} if method != "DELETE" else None)
    assert response.status_code == 404


def test_malformed_json_is_400_invalid_json(client):
    response = client.post("/groups", content=b'{"name": ', headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_json"
    array_body = client.post("/groups", content=b'[{"name": "x"}]', headers={"Content-Type": "application/json"})
    assert array_body.status_code == 400


def test_writes_that_are_not_json_get_415(client):
    response = client.post("/groups", content=b"name=Billing", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 415
    assert response.json()["code"] == "invalid_content_type"
    assert client.get("/groups").json() == []


def test_rate_limit_counts_down_then_429_with_retry_after_until_the_window_resets(make_client):
    now = [1000.0]
    http = make_client(FreshdeskEmulator(rpm=3, clock=lambda: now[0]))
    remaining = [int(http.get("/groups").headers["X-RateLimit-Remaining"]) for _ in range(3)]
    assert remaining == [2, 1, 0]
    now[0] += 20
    limited = http.get("/groups")
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "40"
    assert limited.headers["X-RateLimit-Total"] == "3"
    now[0] += 40
    assert http.get("/groups").status_code == 200


def test_invalid_requests_also_use_up_the_limit(make_client):
    http = make_client(FreshdeskEmulator(rpm=2, clock=lambda: 0.0))
    assert http.post("/groups", json={}).status_code == 400
    assert http.get("/groups/1").status_code == 404
    assert http.get("/groups").status_code == 429


def test_request_log_shows_method_path_and_status_and_flags_writes(emulator, client):
    client.get("/groups")
    client.post("/groups", json={"name": "Billing"})
    client.get("/groups/1")
    logged = [(r.method, r.path, r.status) for r in emulator.request_log]
    assert logged == [("GET", "/api/v2/groups", 200), ("POST", "/api/v2/groups", 201), ("GET", "/api/v2/groups/1", 404)]
    assert [r.is_write for r in emulator.request_log] == [False, True, False]


def test_dump_round_trips_through_json_and_ids_are_never_reused(emulator, client, make_client):
    first = client.post("/groups", json={"name": "Billing"}).json()
    doomed = client.post("/groups", json={"name": "Temporary"}).json()
    assert client.delete(f"/groups/{doomed['id']}").status_code == 204
    restored = FreshdeskEmulator(json.loads(json.dumps(emulator.dump())))
    http = make_client(restored)
    assert http.get(f"/groups/{first['id']}").json()["name"] == "Billing"
    assert http.get(f"/groups/{doomed['id']}").status_code == 404
    newer = http.post("/groups", json={"name": "Another"}).json()
    assert newer["id"] > doomed["id"]


def test_a_fresh_account_is_seeded_identically(make_client):
    one, two = FreshdeskEmulator(), FreshdeskEmulator()
    assert one.dump() == two.dump()
    assert make_client(one).get("/roles").json() == make_client(two).get("/roles").json()


def test_domain_option_shapes_seeded_addresses(make_client):
    http = make_client(FreshdeskEmulator(domain="acme"))
    mailbox = http.get("/email/mailboxes").json()[0]
    assert mailbox["support_email"] == "support@acme.freshdesk.com"
    assert all(a["contact"]["email"].endswith("@acme.com") for a in http.get("/agents").json())


def test_served_over_loopback_http(emulator):
    from providers.common.serve import serve_in_thread

    server, base = serve_in_thread(emulator)
    try:
        response = httpx.get(f"{base}/api/v2/roles", auth=("key", "X"), timeout=5)
        assert response.status_code == 200
        assert {r["name"] for r in response.json()} >= {"Administrator", "Agent"}
        assert response.headers["X-Freshdesk-API-Version"] == "latest=v2; requested=v2"
    finally:
        server.shutdown()
        server.server_close()
