"""Pacing from rate-limit headers: full speed while the budget lasts, no 429 at the limit."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from providers.common.pacing import Pacer, RateHeaders, RateInfo, header_number
from providers.zendesk.emulator import ZendeskEmulator
from providers.zendesk.rate_limit import RATE_HEADERS, read_rate_headers
from tests.reliability.helpers import FakeTime, zendesk_http


def answer(limit: int, remaining: int, reset: float | None = None, status: int = 200, **extra: str) -> httpx.Response:
    headers = {"X-Rate-Limit": str(limit), "X-Rate-Limit-Remaining": str(remaining), **extra}
    if reset is not None:
        headers["ratelimit-reset"] = str(reset)
    return httpx.Response(status, headers=headers)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def pacer(fake_time: FakeTime) -> Pacer:
    return Pacer(RATE_HEADERS, clock=fake_time.clock, sleep=fake_time.sleep)


def send(pacer: Pacer, response: httpx.Response, path: str = "/api/v2/groups") -> None:
    pacer.after(pacer.before(path), response)


def test_the_zendesk_reader_knows_both_header_styles():
    info = read_rate_headers(httpx.Headers({"X-Rate-Limit": "700", "X-Rate-Limit-Remaining": "12", "ratelimit-reset": "41"}))
    assert info == RateInfo(700, 12, 60.0, 41.0)
    assert read_rate_headers(httpx.Headers({"ratelimit-limit": "400", "ratelimit-remaining": "3"})) == RateInfo(400, 3, 60.0, None)
    assert read_rate_headers(httpx.Headers({"X-Rate-Limit": "garbled"})) is None
    assert header_number(httpx.Headers({"a": "nan", "b": "2"}), "a", "b") == 2.0


def test_a_comfortable_budget_costs_no_waiting(pacer, fake_time):
    for remaining in range(699, 100, -1):
        send(pacer, answer(700, remaining))
    assert fake_time.sleeps == []


def test_the_reserve_is_spread_until_the_reset(pacer, fake_time):
    send(pacer, answer(700, 50, reset=30))  # under the reserve (70): 50 left for 30 s
    send(pacer, answer(700, 49, reset=30))
    assert fake_time.sleeps == [pytest.approx(30 / 50, abs=0.01)]


def test_without_a_reset_time_the_reserve_is_spread_over_a_whole_window(pacer, fake_time):
    send(pacer, answer(700, 10))
    send(pacer, answer(700, 9))
    assert fake_time.sleeps == [pytest.approx(60 / 10, abs=0.01)]


def test_a_spent_budget_waits_for_the_reset(pacer, fake_time):
    send(pacer, answer(700, 0, reset=12))
    send(pacer, answer(700, 699))
    assert fake_time.sleeps == [12.0]


def test_requests_still_in_flight_count_against_the_servers_figure(pacer, fake_time):
    """Parallel senders: an answer's "remaining" was counted before our other requests arrived,
    so those still in flight are spent too. Trusting the figure would pace as if three
    requests were left when only one is."""
    send(pacer, answer(100, 50, reset=40))  # the budget is known
    tickets = [pacer.before("/api/v2/groups") for _ in range(3)]  # three sent side by side
    pacer.after(tickets[0], answer(100, 3, reset=40))  # the server had seen only the first
    assert pacer.budget("support").remaining == 1
    pacer.before("/api/v2/groups")  # the one request left is spread over the 40 s left
    assert fake_time.sleeps == [pytest.approx(40.0, abs=0.01)]  # trusting the 3: 40 / 3 = 13.3 s


def test_retry_after_holds_every_request(pacer, fake_time):
    send(pacer, answer(700, 0, status=429, **{"Retry-After": "9"}))
    send(pacer, answer(700, 699))
    assert fake_time.sleeps == [9.0]


def test_help_center_has_its_own_budget(pacer, fake_time):
    send(pacer, answer(700, 0, reset=30), "/api/v2/help_center/articles")
    send(pacer, answer(700, 600), "/api/v2/groups")
    assert fake_time.sleeps == []
    assert pacer.budget("help_center").remaining <= 0 and pacer.budget("support").remaining == 600


def test_an_intercom_style_reader_plugs_in(fake_time):
    """Intercom: per-10-second windows, reset as a unix time, no Retry-After on its 429."""

    def read(headers: httpx.Headers) -> RateInfo | None:
        limit, left, reset_at = (header_number(headers, n) for n in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"))
        if limit is None or left is None:
            return None
        return RateInfo(int(limit), int(left), 10.0, None if reset_at is None else reset_at - 1_700_000_000.0)

    pacer = Pacer(RateHeaders(read), clock=fake_time.clock, sleep=fake_time.sleep)
    spent = httpx.Response(429, headers={"X-RateLimit-Limit": "167", "X-RateLimit-Remaining": "0",
                                         "X-RateLimit-Reset": "1700000004"})
    send(pacer, spent)
    send(pacer, httpx.Response(200))
    assert fake_time.sleeps == [4.0]


def test_until_the_budget_is_known_one_request_goes_out_at_a_time():
    pacer = Pacer(RATE_HEADERS)
    order: list[str] = []
    first = pacer.before("/api/v2/groups")
    order.append("first sent")
    second_sent = threading.Event()

    def second() -> None:
        ticket = pacer.before("/api/v2/macros")
        order.append("second sent")
        second_sent.set()
        pacer.after(ticket, answer(700, 698))

    thread = threading.Thread(target=second)
    thread.start()
    assert not second_sent.wait(0.3)
    order.append("first answered")
    pacer.after(first, answer(700, 699))
    thread.join(5)
    assert order == ["first sent", "first answered", "second sent"]


def test_answers_without_rate_headers_do_not_slow_anything_down(pacer, fake_time):
    send(pacer, httpx.Response(200))
    tickets = [pacer.before("/api/v2/groups") for _ in range(20)]  # twenty in flight at once
    for ticket in tickets:
        pacer.after(ticket, httpx.Response(200))
    assert fake_time.sleeps == []


def _hammer(http, requests: int, threads: int = 8) -> None:
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(lambda _: http.request("GET", "/api/v2/groups"), range(requests)))


@pytest.mark.parametrize("paced", [True, False])
def test_a_run_at_the_limit_receives_no_429(paced):
    """1,000 concurrent reads against an emulator enforcing 700 a minute, on a shared clock
    that moves only when someone waits (so the outcome does not depend on machine load): the
    reads span two windows. Paced: no 429 at all. Not paced: the limit is really enforced."""
    fake = FakeTime()
    emulator = ZendeskEmulator(rpm=700, clock=fake.clock)
    http = zendesk_http("https://emulator.zendesk.invalid", httpx.MockTransport(emulator),
                        clock=fake.clock, sleep=fake.sleep, rate_headers=RATE_HEADERS if paced else None,
                        max_total_seconds=10_000)
    _hammer(http, 1000)
    refused = sum(1 for r in emulator.request_log if r.status == 429)
    if paced:
        assert refused == 0 and http.stats.rate_limited == 0
        assert len(emulator.request_log) == 1000 and http.pacer.stats.waits > 0
        assert 60 <= fake.now - 1000 <= 130  # about the 1.4 minutes 1,000 requests need at 700/min
    else:
        assert refused > 0 and http.stats.rate_limited == refused


def test_the_zendesk_client_is_paced_from_its_headers():
    from providers.zendesk.client import connect

    adapter = connect({"ZENDESK_SUBDOMAIN": "acme", "ZENDESK_OAUTH_TOKEN": "test-token-123456"})
    try:
        assert adapter.http.pacer.headers is RATE_HEADERS
        assert adapter.http.pacer.headers.bucket_of("/api/v2/help_center/articles") == "help_center"
    finally:
        adapter.close()
