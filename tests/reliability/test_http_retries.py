"""Exact request sequences of the shared HTTP client (respx): what is retried, what is not."""

from __future__ import annotations

import httpx
import pytest
import respx

from provisioner.errors import ApiError, OutcomeUnknown
from tests.reliability.helpers import FakeTime, zendesk_http

BASE = "https://acme.zendesk.com"
GROUPS = f"{BASE}/api/v2/groups"
OK = {"groups": []}
CREATED = {"group": {"id": 7, "name": "Billing"}}


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def http(fake_time: FakeTime):
    client = zendesk_http(BASE, clock=fake_time.clock, sleep=fake_time.sleep)
    yield client
    client.close()


@respx.mock
def test_429_then_200_honours_retry_after(http, fake_time):
    route = respx.get(GROUPS).mock(side_effect=[
        httpx.Response(429, text="Too Many Requests", headers={"Retry-After": "7"}),
        httpx.Response(200, json=OK),
    ])
    assert http.json("GET", "/api/v2/groups") == OK
    assert route.call_count == 2
    assert fake_time.sleeps == [7.0]
    assert http.stats.retries == 1 and http.stats.rate_limited == 1


@respx.mock
def test_503_retry_after_is_honoured_too(http, fake_time):
    respx.get(GROUPS).mock(side_effect=[httpx.Response(503, headers={"Retry-After": "3"}), httpx.Response(200, json=OK)])
    http.json("GET", "/api/v2/groups")
    assert fake_time.sleeps == [3.0]


@respx.mock
def test_a_create_is_not_sent_again_after_a_500(http):
    route = respx.post(GROUPS).mock(return_value=httpx.Response(500, json={"error": "InternalError"}))
    with pytest.raises(OutcomeUnknown) as caught:
        http.json("POST", "/api/v2/groups", json_body={"group": {"name": "Billing"}})
    assert route.call_count == 1
    assert caught.value.status == 500 and not caught.value.exhausted


@respx.mock
def test_a_create_is_not_sent_again_after_a_timeout(http):
    route = respx.post(GROUPS).mock(side_effect=httpx.ReadTimeout("no answer"))
    with pytest.raises(OutcomeUnknown, match="ReadTimeout"):
        http.json("POST", "/api/v2/groups", json_body={"group": {"name": "Billing"}})
    assert route.call_count == 1


@respx.mock
def test_a_create_is_not_sent_again_after_an_error_inside_a_200(http):
    route = respx.post(GROUPS).mock(return_value=httpx.Response(200, json={"error": "InternalError", "description": "x"}))
    with pytest.raises(OutcomeUnknown, match="inside a 200"):
        http.json("POST", "/api/v2/groups", json_body={"group": {"name": "Billing"}})
    assert route.call_count == 1


@respx.mock
def test_a_create_is_retried_on_429_and_when_it_never_left(http, fake_time):
    route = respx.post(GROUPS).mock(side_effect=[
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.ConnectError("connection refused"),
        httpx.Response(201, json=CREATED),
    ])
    assert http.json("POST", "/api/v2/groups", json_body={"group": {"name": "Billing"}}) == CREATED
    assert route.call_count == 3
    assert fake_time.sleeps[0] == 2.0


@respx.mock
def test_5xx_on_a_read_is_retried_with_backoff(http, fake_time):
    route = respx.get(GROUPS).mock(side_effect=[
        httpx.Response(502), httpx.Response(500, json={"error": "x"}), httpx.ReadTimeout("slow"),
        httpx.Response(200, json=OK),
    ])
    assert http.json("GET", "/api/v2/groups") == OK
    assert route.call_count == 4
    first, second, third = fake_time.sleeps
    assert 0.25 <= first <= 0.5 and 0.5 <= second <= 1.0 and 1.0 <= third <= 2.0  # exponential, jittered


@respx.mock
def test_updates_and_deletes_are_retried(http):
    put = respx.put(f"{GROUPS}/7").mock(side_effect=[httpx.Response(503), httpx.Response(200, json=CREATED)])
    delete = respx.delete(f"{GROUPS}/7").mock(side_effect=[httpx.RemoteProtocolError("reset"), httpx.Response(404)])
    http.json("PUT", "/api/v2/groups/7", json_body={"group": {"name": "Billing"}})
    http.request("DELETE", "/api/v2/groups/7", ok_statuses=(404,))
    assert put.call_count == 2 and delete.call_count == 2


@respx.mock
def test_an_error_inside_a_200_read_is_retried(http):
    route = respx.get(GROUPS).mock(side_effect=[
        httpx.Response(200, json={"error": "InternalError", "description": "x"}),
        httpx.Response(200, html="<html>maintenance</html>"),
        httpx.Response(200, json=OK),
    ])
    assert http.json("GET", "/api/v2/groups") == OK
    assert route.call_count == 3


@respx.mock
@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_final_errors_are_not_retried(http, status):
    route = respx.get(GROUPS).mock(return_value=httpx.Response(status, json={"error": "Nope", "description": "final"}))
    with pytest.raises(ApiError) as caught:
        http.json("GET", "/api/v2/groups")
    assert route.call_count == 1
    assert caught.value.status == status and not isinstance(caught.value, OutcomeUnknown)


@respx.mock
def test_attempts_are_bounded_and_the_error_says_so(fake_time):
    http = zendesk_http(BASE, clock=fake_time.clock, sleep=fake_time.sleep, max_attempts=4)
    route = respx.get(GROUPS).mock(return_value=httpx.Response(503, json={"error": "Unavailable"}))
    with pytest.raises(ApiError, match=r"gave up after 4 attempt\(s\)") as caught:
        http.json("GET", "/api/v2/groups")
    assert route.call_count == 4 and caught.value.status == 503


@respx.mock
def test_total_time_is_bounded_even_when_the_server_keeps_asking_to_wait(fake_time):
    http = zendesk_http(BASE, clock=fake_time.clock, sleep=fake_time.sleep, max_total_seconds=100)
    route = respx.get(GROUPS).mock(return_value=httpx.Response(429, headers={"Retry-After": "30"}))
    with pytest.raises(ApiError, match=r"gave up after 4 attempt\(s\) over 90s"):
        http.json("GET", "/api/v2/groups")
    assert route.call_count == 4
    assert sum(fake_time.sleeps) <= 100


@respx.mock
def test_a_retry_after_beyond_the_budget_gives_up_at_once(fake_time):
    http = zendesk_http(BASE, clock=fake_time.clock, sleep=fake_time.sleep, max_total_seconds=60)
    route = respx.get(GROUPS).mock(return_value=httpx.Response(429, headers={"Retry-After": "3600"}))
    with pytest.raises(ApiError, match=r"gave up after 1 attempt\(s\) over 0s; it asked to wait 3600s more"):
        http.json("GET", "/api/v2/groups")
    assert route.call_count == 1 and fake_time.sleeps == []


@respx.mock
def test_an_update_that_never_got_an_answer_is_reported_as_maybe_applied(fake_time):
    http = zendesk_http(BASE, clock=fake_time.clock, sleep=fake_time.sleep, max_attempts=3)
    respx.put(f"{GROUPS}/7").mock(side_effect=httpx.ReadTimeout("no answer"))
    with pytest.raises(OutcomeUnknown) as caught:
        http.json("PUT", "/api/v2/groups/7", json_body={"group": {}})
    assert caught.value.exhausted


@respx.mock
def test_a_write_refused_with_429_until_the_end_is_known_not_applied(fake_time):
    http = zendesk_http(BASE, clock=fake_time.clock, sleep=fake_time.sleep, max_attempts=2)
    respx.post(GROUPS).mock(return_value=httpx.Response(429, headers={"Retry-After": "1"}))
    with pytest.raises(ApiError) as caught:
        http.json("POST", "/api/v2/groups", json_body={"group": {}})
    assert not isinstance(caught.value, OutcomeUnknown)


@respx.mock
def test_every_request_carries_a_timeout(http):
    route = respx.get(GROUPS).mock(return_value=httpx.Response(200, json=OK))
    http.json("GET", "/api/v2/groups")
    timeout = route.calls.last.request.extensions["timeout"]
    assert all(timeout[name] for name in ("connect", "read", "write", "pool"))
