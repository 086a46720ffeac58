"""Pace requests from the vendor's rate-limit headers, so a run at the limit receives no 429.

Every vendor tells the client its budget in response headers, each in its own words (Zendesk
``X-Rate-Limit``/``X-Rate-Limit-Remaining``, Freshdesk ``X-RateLimit-Total/Remaining``,
Intercom ``X-RateLimit-Limit/Remaining/Reset``). A provider passes a ``RateHeaders`` whose
``read`` turns its headers into a ``RateInfo``; the ``Pacer`` treats every vendor the same way:

- while the budget left in the window is comfortable, requests go out at full speed (a plan
  that reads forty pages should not wait);
- once it falls to the reserve (a tenth of the limit), what is left is spread over the time
  until the window refills: the vendor's reset time when it gives one, else a whole window.
  A window is never longer than that, so the budget is never spent before the refill;
- until the first answer shows the budget, one request at a time goes out (a second process
  may start right after a first one spent most of the window);
- a 429 or 503 with ``Retry-After`` holds every thread until then.

Thread-safe: kinds are read concurrently, and a request is counted against the budget when it
is sent, before it is answered. Vendors with separate budgets for parts of the API (Zendesk's
Help Center) name the part a path counts against with ``bucket_of``.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Callable

import httpx

# Share of the limit kept back and spent slowly, spread until the window refills.
RESERVE_FRACTION = 0.1
# While the budget is unknown and a first request is out, how long to wait for its answer
# before looking again (real seconds; the answer normally wakes the waiters sooner).
PROBE_WAIT = 0.05


@dataclass(frozen=True)
class RateInfo:
    """What one response says about the budget.

    + limit: requests allowed per window. + remaining: left in the current window.
    + window_seconds: how long the window the limit counts over is (60 for "per minute").
    + reset_in: seconds until the window refills, when the vendor says (None otherwise).
    """

    limit: int
    remaining: int
    window_seconds: float
    reset_in: float | None = None


def whole_account(path: str) -> str:
    """The usual case: one budget for the whole API."""
    return ""


@dataclass(frozen=True)
class RateHeaders:
    """How one vendor reports its budget: ``read`` headers (None when absent), and which
    budget a request path counts against (``bucket_of``)."""

    read: Callable[[httpx.Headers], RateInfo | None]
    bucket_of: Callable[[str], str] = whole_account


def header_number(headers: httpx.Headers, *names: str) -> float | None:
    """The first of ``names`` present as a number; None when none is (or it is garbled)."""
    for name in names:
        value = headers.get(name)
        if value is None:
            continue
        try:
            number = float(value.strip())
        except ValueError:
            continue
        if math.isfinite(number):
            return number
    return None


def retry_after_seconds(headers: httpx.Headers) -> float | None:
    """``Retry-After`` in seconds (only the delta-seconds form the helpdesk vendors send)."""
    seconds = header_number(headers, "retry-after")
    return None if seconds is None else max(0.0, seconds)


@dataclass
class _Budget:
    """The pacer's view of one server-side budget (all times on the pacer's clock)."""

    limit: int = 0
    window: float = 60.0
    remaining: float = 0.0
    reset_at: float | None = None
    last_sent: float = -math.inf
    hold_until: float = -math.inf
    in_flight: int = 0
    known: bool = False  # an answer has shown the budget
    probed: bool = False  # an answer (with or without rate headers) has come back

    @property
    def reserve(self) -> int:
        return max(1, math.ceil(self.limit * RESERVE_FRACTION))

    def wait_before_send(self, now: float) -> float | None:
        """Seconds to wait before the next request; None means "wait for an answer first"."""
        if now < self.hold_until:
            return self.hold_until - now
        if not self.known:
            return None if self.in_flight and not self.probed else 0.0
        if self.reset_at is not None and now >= self.reset_at:
            # The window has refilled; the next answer will say by how much.
            self.remaining = max(self.remaining, self.limit - self.in_flight)
            self.reset_at = None
        if self.remaining > self.reserve:
            return 0.0
        if self.remaining < 1:
            if self.reset_at is not None:
                return self.reset_at - now
            # Spent with no reset time (someone else shares the account): probe slowly; a 429
            # with Retry-After then says exactly how long to hold.
            return max(0.0, self.last_sent + self.window / self.reserve - now)
        time_left = self.reset_at - now if self.reset_at is not None else self.window
        return max(0.0, self.last_sent + time_left / self.remaining - now)

    def sent(self, now: float) -> None:
        self.in_flight += 1
        self.remaining -= 1
        self.last_sent = now

    def answered(self, info: RateInfo | None, now: float) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        self.probed = True
        if info is None:
            return
        self.known = True
        self.limit, self.window = max(1, info.limit), info.window_seconds
        # Our other requests in flight are not in the server's figure yet: count them as spent.
        self.remaining = info.remaining - self.in_flight
        if info.reset_in is not None:
            self.reset_at = now + max(0.0, info.reset_in)
        elif self.reset_at is not None and now >= self.reset_at:
            self.reset_at = None

    def hold(self, until: float) -> None:
        self.hold_until = max(self.hold_until, until)


@dataclass
class PacerStats:
    """What pacing cost a run: seconds spent waiting and how many requests waited."""

    waited_seconds: float = 0.0
    waits: int = 0


class Pacer:
    """Decides when each request may go out; one per connection, shared by its threads.

    Use ``ticket = pacer.before(path)`` before sending and ``pacer.after(ticket, response)``
    (``response=None`` when no answer came) afterwards, always, even on errors.
    """

    def __init__(self, headers: RateHeaders | None, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.headers = headers
        self.clock = clock
        self.sleep = sleep
        self.stats = PacerStats()
        self._budgets: dict[str, _Budget] = {}
        self._changed = threading.Condition()

    def before(self, path: str) -> str:
        """Block until a request to ``path`` may be sent; returns the ticket for ``after``."""
        if self.headers is None:
            return ""
        bucket = self.headers.bucket_of(httpx.URL(path).path or path)
        waited = 0.0
        while True:
            with self._changed:
                budget = self._budgets.setdefault(bucket, _Budget())
                now = self.clock()
                wait = budget.wait_before_send(now)
                if wait is None:
                    self._changed.wait(PROBE_WAIT)
                    continue
                if wait <= 0:
                    budget.sent(now)
                    break
            self.sleep(wait)
            waited += wait
        if waited:
            with self._changed:
                self.stats.waited_seconds += waited
                self.stats.waits += 1
        return bucket

    def after(self, ticket: str, response: httpx.Response | None) -> None:
        """Learn from an answer (or its absence): the budget left, and any Retry-After."""
        if self.headers is None:
            return
        info = self.headers.read(response.headers) if response is not None else None
        with self._changed:
            budget = self._budgets.setdefault(ticket, _Budget())
            now = self.clock()
            budget.answered(info, now)
            if response is not None and response.status_code in (429, 503):
                delay = retry_after_seconds(response.headers)
                if delay is not None:
                    budget.hold(now + delay)
                elif response.status_code == 429:
                    budget.remaining = min(budget.remaining, 0)
            self._changed.notify_all()

    def budget(self, bucket: str = "") -> _Budget | None:
        """The current view of one budget (for tests and diagnostics)."""
        with self._changed:
            return self._budgets.get(bucket)


__all__ = ["Pacer", "PacerStats", "RateHeaders", "RateInfo", "header_number", "retry_after_seconds",
           "whole_account"]
