"""Shared helpers of the reliability tests: a fake clock, and a Zendesk client on any transport."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx

from providers.common.http import BearerAuth, JsonHttp
from providers.zendesk.adapter import ZendeskAdapter
from providers.zendesk.errors import error_detail
from providers.zendesk.rate_limit import RATE_HEADERS


class FakeTime:
    """A clock that only moves when someone sleeps: retries and pacing run instantly, the waits
    they asked for are recorded, and a test's outcome does not depend on how busy the machine
    is. Shared by the emulator's rate window and the client, it is one consistent timeline."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(round(seconds, 3))
            self.now += max(0.0, seconds)


class WarpedTime:
    """Real time, running ``speed`` times faster: threads that sleep side by side wake side by
    side, as they would for real (``FakeTime`` adds their sleeps up, which is right for one
    thread and wrong for several). A rate window of 60 s lasts 60 / ``speed`` real seconds."""

    def __init__(self, speed: float, start: float = 1000.0) -> None:
        self.speed, self.start = speed, start
        self._began = time.monotonic()

    def clock(self) -> float:
        return self.start + (time.monotonic() - self._began) * self.speed

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds) / self.speed)


def zendesk_http(base: str = "https://acme.zendesk.com", transport: httpx.BaseTransport | None = None,
                 **options: Any) -> JsonHttp:
    """The Zendesk provider's client as ``providers.zendesk.client.connect`` builds it, with
    test knobs (clock, sleep, budgets) passed through."""
    options.setdefault("rate_headers", RATE_HEADERS)
    return JsonHttp(base, BearerAuth("test-token-123456"), error_detail, transport=transport, **options)


def zendesk_adapter(transport: httpx.BaseTransport, base: str = "https://emulator.zendesk.invalid",
                    **options: Any) -> ZendeskAdapter:
    return ZendeskAdapter(zendesk_http(base, transport, **options), account=httpx.URL(base).netloc.decode())
