"""Fixtures for the Freshdesk emulator tests: a fresh account and an authenticated HTTP client.

Tests talk to the emulator only through HTTP, the way a provider client would.
"""

from __future__ import annotations

from typing import Callable

import httpx
import pytest

from providers.freshdesk.emulator import FreshdeskEmulator

BASE_URL = "https://example.freshdesk.com/api/v2"


@pytest.fixture
def emulator() -> FreshdeskEmulator:
    return FreshdeskEmulator()


@pytest.fixture
def client(emulator: FreshdeskEmulator):
    with httpx.Client(transport=httpx.MockTransport(emulator), base_url=BASE_URL, auth=("test-api-key", "X")) as http:
        yield http


@pytest.fixture
def make_client() -> Callable[..., httpx.Client]:
    """A client for another emulator (a restored dump, a rate-limited account)."""
    opened: list[httpx.Client] = []

    def build(emu: FreshdeskEmulator, **kwargs) -> httpx.Client:
        kwargs.setdefault("auth", ("test-api-key", "X"))
        http = httpx.Client(transport=httpx.MockTransport(emu), base_url=BASE_URL, **kwargs)
        opened.append(http)
        return http

    yield build
    for http in opened:
        http.close()


@pytest.fixture
def error_codes() -> Callable[[httpx.Response], set[tuple[str, str]]]:
    """The ``(field, code)`` pairs of a validation error body."""

    def extract(response: httpx.Response) -> set[tuple[str, str]]:
        body = response.json()
        assert body["description"] == "Validation failed"
        return {(e["field"], e["code"]) for e in body["errors"]}

    return extract


@pytest.fixture
def agent_ids(client: httpx.Client) -> list[int]:
    """Ids of the seeded agents, owner first."""
    return [a["id"] for a in client.get("/agents").json()]
