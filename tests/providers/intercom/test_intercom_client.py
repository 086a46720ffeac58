"""The Intercom client: where it connects, what every request carries, paging, errors, rate limits."""

from __future__ import annotations

import httpx
import pytest

from providers.intercom.api_version import API_VERSION
from providers.intercom.client import base_url_from, connect
from providers.intercom.emulator import IntercomEmulator
from providers.intercom.emulator.version import API_VERSION as EMULATED_VERSION
from providers.intercom.errors import error_detail
from providers.intercom.kinds import ARTICLES, MACROS, TAGS
from provisioner.apply import apply_plan
from provisioner.errors import ApiError, UserError
from tests.conftest import EXAMPLES
from tests.e2e_support import Account

ENV = {"INTERCOM_URL": "https://api.intercom.io", "INTERCOM_ACCESS_TOKEN": "tok-123"}


class FakeClock:
    """Seconds since the epoch that move only when the client sleeps (shared with the emulator)."""

    def __init__(self, start: float = 1_700_000_003.0) -> None:
        self.now = start
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.mark.parametrize("env,url", [
    ({}, "https://api.intercom.io"),
    ({"INTERCOM_REGION": "eu"}, "https://api.eu.intercom.io"),
    ({"INTERCOM_REGION": " AU "}, "https://api.au.intercom.io"),
    ({"INTERCOM_REGION": "eu", "INTERCOM_URL": "http://127.0.0.1:8080/"}, "http://127.0.0.1:8080"),
])
def test_region_picks_the_host_and_url_overrides_it(env, url) -> None:
    assert base_url_from(env) == url


@pytest.mark.parametrize("env,message", [
    ({"INTERCOM_REGION": "asia"}, "INTERCOM_REGION: expected us, eu or au"),
    ({"INTERCOM_URL": "http://intercom.example.com"}, "plain http is allowed only for loopback"),
])
def test_bad_location_is_a_one_line_error(env, message) -> None:
    with pytest.raises(UserError, match=message):
        base_url_from(env)


def test_missing_or_broken_token_names_the_variable_never_the_value() -> None:
    with pytest.raises(UserError, match="set INTERCOM_ACCESS_TOKEN"):
        connect({"INTERCOM_URL": "https://api.intercom.io"})
    with pytest.raises(UserError) as broken:
        connect({**ENV, "INTERCOM_ACCESS_TOKEN": "abc\x07def"})
    assert "INTERCOM_ACCESS_TOKEN" in str(broken.value) and "abc" not in str(broken.value)


def test_every_request_pins_the_version_and_sends_the_bearer_token() -> None:
    seen: list[httpx.Request] = []
    emulator = IntercomEmulator()

    def recording(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return emulator(request)

    adapter = connect(ENV, httpx.MockTransport(recording))
    adapter.read(TAGS)
    assert API_VERSION == EMULATED_VERSION == "2.16"
    assert {r.headers["Intercom-Version"] for r in seen} == {"2.16"}
    assert {r.headers["Authorization"] for r in seen} == {"Bearer tok-123"}


def test_the_account_is_the_workspace_not_just_the_shared_host() -> None:
    first = connect(ENV, httpx.MockTransport(IntercomEmulator(workspace_id="aaaa1111")))
    second = connect(ENV, httpx.MockTransport(IntercomEmulator(workspace_id="bbbb2222")))
    assert (first.account, second.account) == ("api.intercom.io/aaaa1111", "api.intercom.io/bbbb2222")


def test_a_plan_for_one_workspace_is_refused_on_another_on_the_same_host() -> None:
    account = Account.fresh("intercom")
    plan = account.plan(EXAMPLES / "intercom")
    other = Account.fresh("intercom", workspace_id="other999")
    with pytest.raises(UserError, match="plan was made for account"):
        apply_plan(plan, other.provider, other.adapter())
    assert other.writes() == []


def test_error_list_becomes_one_line_led_by_the_code() -> None:
    response = httpx.Response(400, json={"type": "error.list", "request_id": "r1", "errors": [
        {"code": "parameter_invalid", "message": "Data Type isn't an option"},
        {"code": "parameter_not_found", "message": "Name is a required parameter.", "field": "name"}]})
    assert error_detail(response) == ("parameter_invalid: Data Type isn't an option; "
                                      "parameter_not_found: Name is a required parameter. (field name)")
    assert error_detail(httpx.Response(502, text="<html>Bad gateway</html>\nmore")) == "<html>Bad gateway</html>"


def test_a_refused_write_reports_intercoms_code_and_message() -> None:
    account = Account.fresh("intercom")
    adapter = account.adapter()
    adapter.http.json("POST", "/data_attributes", json_body={"name": "tier", "model": "contact", "data_type": "string"})
    from providers.intercom.kinds import DATA_ATTRIBUTES
    with pytest.raises(ApiError, match="parameter_invalid: You already have 'tier' in your people data"):
        adapter.create(DATA_ATTRIBUTES, {"name": "tier", "model": "company", "data_type": "string"})


def test_page_number_lists_are_read_to_the_end() -> None:
    account = Account.fresh("intercom")
    adapter = account.adapter()
    for n in range(120):
        adapter.http.json("POST", "/articles", json_body={"title": f"Article {n}", "author_id": 991267401})
    account.emulator.request_log.clear()
    titles = [a["title"] for a in adapter.read(ARTICLES)]
    assert sorted(titles) == sorted(f"Article {n}" for n in range(120))
    assert [r.path for r in account.emulator.request_log] == ["/articles"] * 3


def test_cursor_lists_follow_starting_after() -> None:
    account = Account.fresh("intercom")
    for n in range(170):
        account.emulator.ui.add_macro(f"Macro {n}", "<p>Hi</p>", updated_at=1_600_000_000 + n)
    names = [m["name"] for m in account.adapter().read(MACROS)]
    assert len(names) == 173 and len(set(names)) == 173  # and the three seeded ones


def test_a_429_without_retry_after_waits_until_the_window_resets() -> None:
    clock = FakeClock()
    emulator = IntercomEmulator(rpm=60, clock=clock)  # 10 requests per 10-second window
    adapter = connect(ENV, httpx.MockTransport(emulator), sleep=clock.sleep, clock=clock, wall_clock=clock)
    other = connect(ENV, httpx.MockTransport(emulator))  # another client spends the window
    for _ in range(10):
        other.http.request("GET", "/tags")
    reset_at = 1_700_000_010.0
    assert adapter.read(TAGS) == []
    assert adapter.http.stats.rate_limited == 1
    assert clock.now >= reset_at  # slept until X-RateLimit-Reset, though Intercom sends no Retry-After
    assert clock.now < reset_at + 2


def test_reads_are_paced_to_the_window_instead_of_hitting_429() -> None:
    clock = FakeClock()
    emulator = IntercomEmulator(rpm=60, clock=clock)
    adapter = connect(ENV, httpx.MockTransport(emulator), sleep=clock.sleep, clock=clock, wall_clock=clock)
    for _ in range(35):
        adapter.read(TAGS)
    assert adapter.http.stats.rate_limited == 0
    assert [r.status for r in emulator.request_log] == [200] * 35
    # Windows end on multiples of 10 s: 35 requests at 10 per window need three refills.
    assert 1_700_000_030 <= clock.now < 1_700_000_040
