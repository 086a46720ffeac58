"""Fixtures for the Intercom emulator tests: every test talks HTTP through ``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any, Callable

import httpx
import pytest

from providers.intercom.emulator import IntercomEmulator

from intercom_emu_support import FakeClock, make_client, ok


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def emulator(clock: FakeClock) -> IntercomEmulator:
    return IntercomEmulator(clock=clock)


@pytest.fixture
def client(emulator: IntercomEmulator) -> httpx.Client:
    with make_client(emulator) as http:
        yield http


@pytest.fixture
def single_language_client(clock: FakeClock) -> httpx.Client:
    with make_client(IntercomEmulator(clock=clock, help_center_locales=["en"])) as http:
        yield http


@pytest.fixture
def create_collection(client: httpx.Client) -> Callable[..., dict[str, Any]]:
    def create(name: str, **fields: Any) -> dict[str, Any]:
        return ok(client.post("/help_center/collections", json={"name": name, **fields}))
    return create
