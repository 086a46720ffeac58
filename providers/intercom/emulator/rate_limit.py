"""Intercom's rate limit: a per-minute budget spread over 10-second windows.

Documented behaviour (developers.intercom.com .../errors/rate-limiting, 2.17 page):
- the per-minute limit is enforced per 10-second window, so 1,000/min is 167 per window
  (``ceil(rpm / 6)``); ``X-RateLimit-Limit`` shows that per-window figure;
- ``X-RateLimit-Remaining`` counts down within the window and ``X-RateLimit-Reset`` is the unix
  timestamp when it refills; window edges fall on multiples of 10 seconds (the doc's example
  resets at ...510, ...520);
- over the limit: 429 with code ``rate_limit_exceeded`` and "Exceeded rate limit of 167 in
  10_seconds". Intercom sends **no Retry-After**; clients sleep until ``X-RateLimit-Reset``;
- the headers only go on authenticated responses (the app leaves them off 401s).

Without ``rpm`` nothing is refused and the headers show a private app's default 10,000/min.
"""

from __future__ import annotations

import math
from typing import Callable

from providers.common.emulation import RateWindow

WINDOW_SECONDS = 10.0
DEFAULT_RPM = 10_000


def per_window(rpm: int) -> int:
    return max(1, math.ceil(rpm / (60 / WINDOW_SECONDS)))


class IntercomRateLimit:
    def __init__(self, rpm: int | None, clock: Callable[[], float]) -> None:
        self.enforced = rpm is not None
        self.limit = per_window(rpm if rpm is not None else DEFAULT_RPM)
        self.window = RateWindow(self.limit if self.enforced else 10**12,
                                 window_seconds=WINDOW_SECONDS, clock=clock)
        # Align the window to wall-clock multiples of 10 s, as Intercom's resets are.
        self.window.window_start = math.floor(self.window.window_start / WINDOW_SECONDS) * WINDOW_SECONDS

    def take(self) -> tuple[bool, dict[str, str]]:
        """Count one request; returns (allowed, headers to send)."""
        allowed, _remaining, _reset_in = self.window.take()
        remaining = max(0, self.limit - self.window.used)
        reset_at = int(self.window.window_start + WINDOW_SECONDS)
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": str(reset_at),
        }
        return allowed, headers

    def exceeded_message(self) -> str:
        return f"Exceeded rate limit of {self.limit} in 10_seconds"
