"""The Freshdesk client: account and key from the environment, pages, errors and rate limits."""

from __future__ import annotations

import base64
import httpx
import pytest

from providers.freshdesk.client import EMULATOR_ENV, base_url_from, connect
from providers.freshdesk.emulator import FreshdeskEmulator
from providers.freshdesk.rate_limit import read_rate_headers
from provisioner import secrets
from provisioner.errors import ApiError, UserError
from provisioner.provider import load_provider

KEY = "fd-key-0123456789abcdef"


def test_domain_names_the_account_and_the_full_host_is_accepted() -> None:
    assert base_url_from({"FRESHDESK_DOMAIN": "acme"}) == "https://acme.freshdesk.com"
    assert base_url_from({"FRESHDESK_DOMAIN": " Acme.Freshdesk.com "}) == "https://acme.freshdesk.com"
    assert base_url_from({"FRESHDESK_URL": "http://127.0.0.1:8123/api/v2/"}) == "http://127.0.0.1:8123"


@pytest.mark.parametrize("env,message", [
    ({"FRESHDESK_DOMAIN": "evil.com/steal"}, "FRESHDESK_DOMAIN: a subdomain holds only"),
    ({"FRESHDESK_URL": "http://helpdesk.example.com"}, "plain http is allowed only for loopback"),
    ({}, "set FRESHDESK_DOMAIN (or FRESHDESK_URL)"),
    ({"FRESHDESK_DOMAIN": "acme"}, "set FRESHDESK_API_KEY"),
])
def test_bad_or_missing_settings_are_one_line_errors(env, message) -> None:
    with pytest.raises(UserError) as caught:
        connect(env)
    assert message in str(caught.value)


def test_the_api_key_is_the_basic_user_with_x_as_password_and_is_never_shown() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(401, json={"code": "invalid_credentials", "message": "You have to be logged in"})

    adapter = connect({"FRESHDESK_DOMAIN": "acme", "FRESHDESK_API_KEY": KEY}, httpx.MockTransport(handler))
    with pytest.raises(ApiError) as caught:
        adapter.list_all("/api/v2/groups")
    assert seen[0].headers["authorization"] == "Basic " + base64.b64encode(f"{KEY}:X".encode()).decode()
    assert str(seen[0].url).startswith("https://acme.freshdesk.com/api/v2/groups?")
    assert "You have to be logged in (invalid_credentials)" in str(caught.value)
    assert KEY not in secrets.redact(f"key {KEY} header {seen[0].headers['authorization']}")


def emulated(**options) -> tuple[FreshdeskEmulator, object]:
    emulator = FreshdeskEmulator(**options)
    return emulator, connect(EMULATOR_ENV, httpx.MockTransport(emulator))


def test_lists_are_read_in_pages_of_100_following_the_link_header() -> None:
    emulator, adapter = emulated()
    http = adapter.http.client
    for number in range(250):
        assert http.post("/api/v2/groups", json={"name": f"Group {number:03}"}).status_code == 201
    emulator.request_log.clear()
    groups = adapter.list_all("/api/v2/groups")
    assert [g["name"] for g in groups] == [f"Group {n:03}" for n in range(250)]
    assert [r.path for r in emulator.request_log] == ["/api/v2/groups"] * 3


def test_each_endpoint_gets_its_own_paging_rule() -> None:
    emulator, adapter = emulated()
    provider = load_provider("freshdesk")
    for number in range(55):
        adapter.http.client.post("/api/v2/ticket-forms", json={"title": f"Form {number}"})
    seen: list[httpx.Request] = []

    def spy(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return emulator(request)

    adapter = connect(EMULATOR_ENV, httpx.MockTransport(spy))
    assert len(adapter.read(provider.kind("ticket_fields"))) == 10  # refuses page/per_page: none sent
    assert seen[0].url.params.get("per_page") is None
    seen.clear()
    forms = adapter.read(provider.kind("ticket_forms"))
    assert len(forms) == 56
    lists = [r for r in seen if r.url.path == "/api/v2/ticket-forms"]
    assert [r.url.params.get("per_page") for r in lists] == ["50", "50"]  # at most 50 on this endpoint


def test_a_full_page_without_a_link_is_followed_and_a_foreign_link_is_not() -> None:
    pages = {1: [{"id": i} for i in range(100)], 2: [{"id": i} for i in range(100, 130)]}
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        page = int(request.url.params.get("page", "1"))
        headers = {"Link": '<https://elsewhere.example/api/v2/groups?page=2>; rel="next"'} if page == 1 else {}
        return httpx.Response(200, json=pages.get(page, []), headers=headers)

    adapter = connect({"FRESHDESK_DOMAIN": "acme", "FRESHDESK_API_KEY": KEY}, httpx.MockTransport(handler))
    assert len(adapter.list_all("/api/v2/groups")) == 130
    assert hosts == ["acme.freshdesk.com", "acme.freshdesk.com"]


def test_validation_errors_name_each_field_and_code() -> None:
    _, adapter = emulated()
    adapter.http.json("POST", "/api/v2/groups", json_body={"name": "Billing"})
    with pytest.raises(ApiError) as caught:
        adapter.http.json("POST", "/api/v2/groups", json_body={"name": "billing", "unassigned_for": "5m"})
    assert "unassigned_for: It should be one of these values" in str(caught.value)
    with pytest.raises(ApiError) as duplicate:
        adapter.http.json("POST", "/api/v2/groups", json_body={"name": "billing"})
    assert "name: It should be a unique value (duplicate_value)" in str(duplicate.value)


def test_rate_limit_headers_are_read_and_a_429_waits_for_retry_after() -> None:
    info = read_rate_headers(httpx.Headers({"X-RateLimit-Total": "400", "X-RateLimit-Remaining": "12",
                                            "X-RateLimit-Used-CurrentRequest": "1"}))
    assert (info.limit, info.remaining, info.window_seconds) == (400, 12, 60.0)
    assert read_rate_headers(httpx.Headers({})) is None
    answers = [httpx.Response(429, json={"code": "rate_limit_exceeded", "message": "slow down"},
                              headers={"Retry-After": "7", "X-RateLimit-Total": "50", "X-RateLimit-Remaining": "0"}),
               httpx.Response(200, json=[{"id": 1, "name": "Billing"}],
                              headers={"X-RateLimit-Total": "50", "X-RateLimit-Remaining": "49"})]
    adapter = connect({"FRESHDESK_DOMAIN": "acme", "FRESHDESK_API_KEY": KEY},
                      httpx.MockTransport(lambda request: answers.pop(0)))
    now, slept = [0.0], []

    def sleep(seconds: float) -> None:  # a fake clock: waiting costs the test no time
        slept.append(seconds)
        now[0] += seconds

    adapter.http.sleep = adapter.http.pacer.sleep = sleep
    adapter.http.clock = adapter.http.pacer.clock = lambda: now[0]
    assert adapter.list_all("/api/v2/groups") == [{"id": 1, "name": "Billing"}]
    assert 7 in slept and adapter.http.stats.rate_limited == 1


def test_a_run_over_the_per_minute_limit_is_paced_without_a_single_429() -> None:
    """25 writes on a 10-per-minute account: the client spreads them over three minutes."""
    now = [0.0]
    emulator, adapter = emulated(rpm=10, clock=lambda: now[0])

    def sleep(seconds: float) -> None:
        now[0] += seconds

    adapter.http.sleep = adapter.http.pacer.sleep = sleep
    adapter.http.clock = adapter.http.pacer.clock = lambda: now[0]
    for number in range(25):
        adapter.http.json("POST", "/api/v2/groups", json_body={"name": f"Group {number}"})
    assert adapter.http.stats.rate_limited == 0
    assert [r.status for r in emulator.request_log].count(429) == 0
    assert 120 <= now[0] < 240


def test_the_example_converges_over_real_http_against_the_served_emulator() -> None:
    from providers.common.serve import serve_in_thread
    from provisioner.apply import apply_plan
    from provisioner.desired.load import load_desired
    from provisioner.live import read_live
    from provisioner.plan.build import PlanRequest, build_plan
    from tests.providers.freshdesk.conftest import EXAMPLE

    emulator = FreshdeskEmulator()
    server, base = serve_in_thread(emulator)
    try:
        env = {"FRESHDESK_URL": base + "/api/v2", "FRESHDESK_API_KEY": KEY}
        state, provider = load_desired(EXAMPLE)

        adapter = connect(env)
        try:
            first = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
            assert first.account == base.removeprefix("http://") and len(first.changes) == 42
            assert apply_plan(first, provider, adapter).ok
            assert build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest()).changes == []
        finally:
            adapter.close()
    finally:
        server.shutdown()
        server.server_close()
