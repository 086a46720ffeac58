"""Fixtures for the Zendesk emulator tests: a fresh emulated account and a client on it."""

from __future__ import annotations

import pytest
from zendesk_emu_helpers import client_for

from providers.zendesk.emulator import ZendeskEmulator


@pytest.fixture
def emu() -> ZendeskEmulator:
    return ZendeskEmulator()


@pytest.fixture
def client(emu):
    with client_for(emu) as http:
        yield http
