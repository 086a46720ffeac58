"""Fixtures of the bad-input corpus: served accounts and an environment pointing at one."""

from __future__ import annotations

import os
from typing import Any, Callable, Iterator

import pytest

from providers.common.http import JsonHttp
from tests.badinput.harness import ServedAccount, ServerPool, open_account


@pytest.fixture
def pool() -> Iterator[ServerPool]:
    servers = ServerPool()
    yield servers
    servers.close()


@pytest.fixture
def point_at(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Make the CLI's environment exactly ``env`` for the provider's variables (others removed)."""

    def apply(env: dict[str, str], provider: str = "zendesk") -> None:
        prefix = f"{provider.upper()}_"
        for name in [n for n in os.environ if n.startswith(prefix)]:
            monkeypatch.delenv(name)
        for name, value in env.items():
            monkeypatch.setenv(name, value)

    return apply


@pytest.fixture
def account(pool: ServerPool, point_at: Callable[..., None]) -> ServedAccount:
    """A fresh Zendesk account served on loopback, with the CLI's environment pointing at it."""
    served = open_account(pool, "zendesk")
    point_at(served.env)
    return served


@pytest.fixture
def no_retry_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries still happen, without their pauses (for hosts that never answer)."""
    defaults: dict[str, Any] = JsonHttp.__init__.__kwdefaults__ or {}
    if "sleep" in defaults:
        monkeypatch.setitem(defaults, "sleep", lambda seconds: None)
