"""Cross-cutting behaviour: auth, errors, rate limits, request log, state round-trip."""

from __future__ import annotations

import base64

import httpx
from zendesk_emu_helpers import TOKEN_AUTH, client_for

from providers.zendesk.emulator import ZendeskEmulator


def test_requests_without_credentials_get_401_and_change_nothing(emu):
    with client_for(emu, auth=None) as anonymous:
        response = anonymous.post("/api/v2/groups", json={"group": {"name": "Tier 2"}})
    assert response.status_code == 401
    assert response.json() == {"error": "Couldn't authenticate you"}
    assert response.headers["X-Rate-Limit"].isdigit()
    with client_for(emu) as http:
        names = [g["name"] for g in http.get("/api/v2/groups").json()["groups"]]
    assert names == ["Support"]


def test_api_token_basic_auth_is_accepted_but_password_basic_auth_is_not(emu):
    with client_for(emu, auth=TOKEN_AUTH) as http:
        assert http.get("/api/v2/users/me").status_code == 200
    password = "Basic " + base64.b64encode(b"admin@acme.com:secret").decode()
    with client_for(emu, auth=password) as http:
        assert http.get("/api/v2/users/me").status_code == 401
    with client_for(emu, auth="Bearer ") as http:
        assert http.get("/api/v2/users/me").status_code == 401


def test_unknown_endpoint_is_invalid_endpoint_404(client):
    response = client.get("/api/v2/no_such_things")
    assert response.status_code == 404
    assert response.json() == {"error": "InvalidEndpoint", "description": "Not found"}


def test_missing_record_is_record_not_found(client):
    response = client.get("/api/v2/groups/999")
    assert response.status_code == 404
    assert response.json() == {"error": "RecordNotFound", "description": "Not found"}


def test_malformed_json_is_400_and_missing_wrapper_is_400(client):
    bad = client.post("/api/v2/groups", content=b"{not json", headers={"content-type": "application/json"})
    assert bad.status_code == 400
    unwrapped = client.post("/api/v2/groups", json={"name": "No wrapper"})
    assert unwrapped.status_code == 400
    assert "group" in unwrapped.json()["description"]


def test_json_suffix_and_request_host_shape_urls(emu):
    with client_for(emu, base_url="http://127.0.0.1:8931") as http:
        group = http.get("/api/v2/groups.json").json()["groups"][0]
    assert group["url"] == f"http://127.0.0.1:8931/api/v2/groups/{group['id']}.json"


def test_every_response_carries_rate_limit_headers_and_lists_carry_ratelimit_headers(client):
    single = client.get("/api/v2/users/me")
    assert single.headers["X-Rate-Limit"] and single.headers["X-Rate-Limit-Remaining"]
    assert "ratelimit-limit" not in single.headers
    listing = client.get("/api/v2/groups")
    for header in ("X-Rate-Limit", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"):
        assert listing.headers[header].isdigit()


def test_rpm_limit_gives_429_with_retry_after_until_the_window_resets():
    now = [1000.0]
    emu = ZendeskEmulator(rpm=3, clock=lambda: now[0])
    with client_for(emu) as http:
        remaining = [int(http.get("/api/v2/groups").headers["X-Rate-Limit-Remaining"]) for _ in range(3)]
        assert remaining == [2, 1, 0]
        now[0] += 20
        limited = http.get("/api/v2/groups")
        assert limited.status_code == 429
        assert limited.headers["Retry-After"] == "40"
        assert limited.headers["X-Rate-Limit"] == "3"
        now[0] += 40
        assert http.get("/api/v2/groups").status_code == 200


def test_retry_after_is_at_least_one_second():
    now = [0.0]
    emu = ZendeskEmulator(rpm=1, clock=lambda: now[0])
    with client_for(emu) as http:
        http.get("/api/v2/groups")
        now[0] = 59.9
        assert http.get("/api/v2/groups").headers["Retry-After"] == "1"


def test_help_center_has_its_own_rate_limit_bucket():
    now = [0.0]
    emu = ZendeskEmulator(rpm=1, clock=lambda: now[0])
    with client_for(emu) as http:
        assert http.get("/api/v2/groups").status_code == 200
        assert http.get("/api/v2/groups").status_code == 429
        assert http.get("/api/v2/help_center/categories").status_code == 200


def test_ticket_field_option_writes_have_their_own_100_per_minute_budget():
    now = [0.0]
    emu = ZendeskEmulator(rpm=1000, clock=lambda: now[0])
    with client_for(emu) as http:
        field = http.post("/api/v2/ticket_fields", json={"ticket_field": {
            "type": "tagger", "title": "Many", "custom_field_options": [{"name": "A", "value": "a0"}]}}).json()
        base = f"/api/v2/ticket_fields/{field['ticket_field']['id']}/options"
        statuses = [http.post(base, json={"custom_field_option": {"name": f"O{i}", "value": f"o{i}"}}).status_code
                    for i in range(101)]
        assert statuses[:100] == [201] * 100 and statuses[100] == 429
        assert http.get(base).status_code == 200
        now[0] += 60
        assert http.post(base, json={"custom_field_option": {"name": "Late", "value": "late"}}).status_code == 201


def test_request_log_records_every_request_with_its_status(emu):
    with client_for(emu) as http:
        http.get("/api/v2/groups")
        http.post("/api/v2/groups", json={"group": {}})
    assert [(r.method, r.path, r.status) for r in emu.request_log] == [
        ("GET", "/api/v2/groups", 200), ("POST", "/api/v2/groups", 422),
    ]
    assert [r.is_write for r in emu.request_log] == [False, True]


def test_dump_round_trips_through_the_constructor_and_ids_are_never_reused(emu):
    with client_for(emu) as http:
        created = http.post("/api/v2/groups", json={"group": {"name": "Tier 2"}}).json()["group"]
        http.delete(f"/api/v2/ticket_fields/{_custom_field(http)}")
    restored = ZendeskEmulator(httpx_json_roundtrip(emu.dump()))
    with client_for(restored) as http:
        names = [g["name"] for g in http.get("/api/v2/groups").json()["groups"]]
        assert names == ["Support", "Tier 2"]
        again = http.post("/api/v2/groups", json={"group": {"name": "Tier 3"}}).json()["group"]
    assert again["id"] > created["id"]


def test_account_and_current_user_answer(client):
    account = client.get("/api/v2/account").json()["account"]
    assert account["subdomain"] == "example"
    me = client.get("/api/v2/users/me").json()["user"]
    assert me["role"] == "admin"


def _custom_field(http: httpx.Client) -> int:
    return http.post("/api/v2/ticket_fields", json={"ticket_field": {"type": "text", "title": "Tmp"}}).json()["ticket_field"]["id"]


def httpx_json_roundtrip(state):
    import json

    return json.loads(json.dumps(state))


def test_served_over_loopback_answers_like_the_transport():
    from providers.common.serve import serve_in_thread

    emu = ZendeskEmulator()
    server, base_url = serve_in_thread(emu)
    try:
        with httpx.Client(base_url=base_url, headers={"Authorization": "Bearer t"}) as http:
            created = http.post("/api/v2/groups", json={"group": {"name": "Served"}})
            assert created.status_code == 201
            assert created.json()["group"]["url"].startswith(base_url)
            assert http.get("/api/v2/groups?page[size]=1").json()["links"]["next"].startswith(base_url)
    finally:
        server.shutdown()
        server.server_close()
    assert [r.status for r in emu.request_log] == [201, 200]
