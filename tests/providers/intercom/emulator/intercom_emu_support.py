"""Helpers shared by the Intercom emulator tests (a uniquely named module, so that importing it
can never pick up another provider's ``conftest``)."""

from __future__ import annotations

from typing import Any

import httpx

from providers.intercom.emulator import IntercomEmulator

BASE_URL = "https://api.intercom.io"
OWNER_ID = 991267401  # the seeded teammate the token belongs to (GET /me)


class FakeClock:
    """Seconds since the epoch that only move when a test says so."""

    def __init__(self, start: float = 1_700_000_003.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_client(emulator: IntercomEmulator, **headers: str) -> httpx.Client:
    default = {"Authorization": "Bearer test-token", "Accept": "application/json"}
    default.update(headers)
    return httpx.Client(transport=httpx.MockTransport(emulator), base_url=BASE_URL, headers=default)


def error_codes(response: httpx.Response) -> list[str]:
    body = response.json()
    assert body["type"] == "error.list"
    return [error["code"] for error in body["errors"]]


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()
