"""How Intercom reports its rate limit, for the shared pacer (``providers.common.pacing``).

Intercom spreads the per-minute budget over 10-second windows and says so on every
authenticated answer: ``X-RateLimit-Limit`` (requests per window), ``X-RateLimit-Remaining``
and ``X-RateLimit-Reset`` — a unix timestamp, not a number of seconds. A 429 carries **no
Retry-After**: the client must wait until that reset. So the reset is turned into "seconds from
now" here; the pacer then spreads the last requests of a window up to it and, once a 429 has
shown the window spent, holds every request until it.

``wall_clock`` is the clock the timestamp is read against (``time.time``; tests pass the
emulator's clock).
"""

from __future__ import annotations

import time
from typing import Callable

import httpx

from providers.common.pacing import RateHeaders, RateInfo, header_number

WINDOW_SECONDS = 10.0


def seconds_until_reset(headers: httpx.Headers, wall_clock: Callable[[], float] = time.time) -> float | None:
    """Seconds until ``X-RateLimit-Reset`` (never negative); None when the header is absent."""
    reset_at = header_number(headers, "X-RateLimit-Reset")
    return None if reset_at is None else max(0.0, reset_at - wall_clock())


def rate_headers(wall_clock: Callable[[], float] = time.time) -> RateHeaders:
    def read(headers: httpx.Headers) -> RateInfo | None:
        limit = header_number(headers, "X-RateLimit-Limit")
        remaining = header_number(headers, "X-RateLimit-Remaining")
        if limit is None or remaining is None:
            return None
        return RateInfo(int(limit), int(remaining), WINDOW_SECONDS, seconds_until_reset(headers, wall_clock))

    return RateHeaders(read=read)
