"""A read costs the fewest requests the API allows (issue 10), counted, never timed.

A generated account with more than a page of the bulk kinds is read through the real client;
the emulator's request log must hold exactly ``minimum_reads`` requests. A kind that slips into
one request per object (a translation list per article, a value list per attribute) or reads
a list twice fails this.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from providers.common.request_log import RequestLogFile, read_request_log
from providers.common.serve import serve_in_thread
from provisioner.live import read_live, read_raw
from provisioner.provider import load_provider
from provisioner.testing.scenario import Scenario, build_state

PROVIDER = load_provider("zendesk")


@pytest.fixture(scope="module")
def account() -> dict:
    """Two pages of triggers and ticket fields, three of every other kind, plus the example."""
    recipe = PROVIDER.scenarios["large"].recipe
    scenario = Scenario("test", {"triggers": 130, "ticket_fields": 101, "*": 3}, seed=4, recipe=recipe)
    return build_state(PROVIDER, scenario).state


def test_a_read_makes_exactly_the_minimum_number_of_requests(account: dict) -> None:
    emulator = PROVIDER.make_emulator(account)
    adapter = PROVIDER.connect(PROVIDER.emulator_env, httpx.MockTransport(emulator))
    raw = read_raw(adapter, PROVIDER.kinds)
    minimum = adapter.minimum_reads(raw)
    made = [entry for entry in emulator.request_log if entry.method == "GET"]
    assert len(emulator.request_log) == len(made)  # a read writes nothing
    assert len(made) == sum(minimum.values()), sorted(entry.path for entry in made)
    # Not vacuous: the bulk kinds took two pages each, and the Help Center's translations and the
    # routing attributes' values came with their lists.
    assert minimum["triggers"] == 2 and minimum["ticket_fields"] == 2
    assert all(raw[kind] for kind in ("help_center_articles", "routing_attributes", "schedules"))
    assert any(article["translations"] for article in raw["help_center_articles"])
    assert any(attribute["values"] for attribute in raw["routing_attributes"])
    assert not [e.path for e in made if e.path.endswith("/translations") or e.path.endswith("/values")]


def test_a_list_two_kinds_need_is_requested_once_per_read(account: dict) -> None:
    emulator = PROVIDER.make_emulator(account)
    adapter = PROVIDER.connect(PROVIDER.emulator_env, httpx.MockTransport(emulator))
    read_live(adapter, PROVIDER.kinds)
    first = [entry.path for entry in emulator.request_log]
    assert first.count("/api/v2/ticket_forms") == 1 and first.count("/api/v2/groups") == 1
    # Outside a read the adapter shares nothing: a second read asks again (never stale).
    read_live(adapter, PROVIDER.kinds)
    assert len(emulator.request_log) == 2 * len(first)


def test_the_served_request_log_holds_every_request(account: dict, tmp_path: Path) -> None:
    emulator = PROVIDER.make_emulator(account)
    log = tmp_path / "requests.jsonl"
    logged = RequestLogFile(emulator, log)
    server, url = serve_in_thread(logged)
    try:
        adapter = PROVIDER.connect({"ZENDESK_URL": url, "ZENDESK_OAUTH_TOKEN": "t0k3n-for-tests"}, None)
        raw = read_raw(adapter, PROVIDER.kinds)
        adapter.close()
    finally:
        server.shutdown()
        server.server_close()
        logged.close()
    entries = read_request_log(log)
    assert len(entries) == sum(adapter.minimum_reads(raw).values()) == len(emulator.request_log)
    assert {(e["method"], e["status"]) for e in entries} == {("GET", 200)}
    assert all(e["path"].startswith("/api/v2/") and e["duration_ms"] >= 0 for e in entries)
    text = log.read_text()
    assert "t0k3n-for-tests" not in text and "Authorization" not in text  # no credentials logged
    assert json.loads(text.splitlines()[0])["query"].startswith("page%5Bsize%5D=100") or entries[0]["query"] == ""


def test_an_unknown_scenario_is_a_one_line_error(cli) -> None:
    result = cli("emulator", "serve", "--provider", "zendesk", "--scenario", "lage", "--port", "0")
    assert result.code == 1
    assert "unknown scenario 'lage'" in result.err and "large" in result.err and "Traceback" not in result.err


# -- Freshdesk and Intercom ------------------------------------------------------------------------

# Enough of one paged kind for a second page, a few of everything else (children per parent too).
OTHER_PROVIDERS = {
    "freshdesk": ({"groups": 100, "canned_responses": 12, "solution_articles": 12, "*": 4}, "groups", 2),
    "intercom": ({"articles": 51, "*": 4}, "articles", 2),
}


@pytest.mark.parametrize("name", sorted(OTHER_PROVIDERS))
def test_every_provider_reads_with_the_minimum_number_of_requests(name: str) -> None:
    provider = load_provider(name)
    counts, paged_kind, paged = OTHER_PROVIDERS[name]
    state = build_state(provider, Scenario("test", counts, seed=5)).state
    emulator = provider.make_emulator(state)
    adapter = provider.connect(provider.emulator_env, httpx.MockTransport(emulator))
    raw = read_raw(adapter, provider.kinds)
    minimum = adapter.minimum_reads(raw)
    made = [entry for entry in emulator.request_log if entry.method == "GET"]
    assert len(made) == len(emulator.request_log)  # a read writes nothing
    paths = [entry.path for entry in made]
    assert len(made) == sum(minimum.values()), sorted(p for p in set(paths) if paths.count(p) > 1)
    assert minimum[paged_kind] == paged  # not vacuous: a list that took more than one page
    assert len(set(paths)) == len(paths) - (paged - 1), "a list was requested twice in one read"
