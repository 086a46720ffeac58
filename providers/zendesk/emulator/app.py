"""The Zendesk emulator: auth, rate limit, request log and routing around the resource modules.

Each resource family lives in its own module with a ``register(router)`` function; this file
only wires the cross-cutting behaviour every Zendesk endpoint shares:

* credentials: ``Authorization: Bearer <token>`` (OAuth) or ``Basic base64(email/token:token)``
  (API token). Password basic auth is off on new accounts, so ``email:password`` is a 401 too.
* ``X-Rate-Limit`` / ``X-Rate-Limit-Remaining`` on every response, plus ``ratelimit-limit``,
  ``ratelimit-remaining`` and ``ratelimit-reset`` on list endpoints; with ``rpm`` set, requests
  over the per-minute budget get 429 with an integer ``Retry-After``. Help Center requests use
  their own bucket of the same size, as on a real account.
* 404 ``InvalidEndpoint`` for anything not routed, the vendor's JSON error shapes otherwise.
"""

from __future__ import annotations

import base64
import binascii
import math
import os
import threading
import time
from typing import Any, Callable

import httpx

from providers.common.emulation import LoggedRequest, RateWindow, Router, Store, json_response
from providers.zendesk.emulator import registry
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import ZendeskError, invalid_endpoint
from providers.zendesk.emulator.seed import seed_account

# What the headers show when no limit is configured: the Suite Enterprise figure.
PLAN_RPM = 700
HELP_CENTER_PREFIX = "/api/v2/help_center"
ENDPOINT_LIMITS = {"ticket_field_options_write": 100}


class ZendeskEmulator:
    """An in-memory Zendesk account behind an ``httpx`` transport callable.

    ``state`` is an earlier ``dump()`` (None seeds a fresh account: default group, system
    ticket fields, default ticket form, standard rules, an admin). ``rpm`` enables the
    per-minute limit; ``clock`` (seconds) makes its window testable. ``subdomain`` names the
    account in ``/account`` and in seeded data. Option ``agents`` (a list of emails) seeds
    extra agents with the Staff role in the default group.
    """

    def __init__(self, state: dict | None = None, *, rpm: int | None = None,
                 clock: Callable[[], float] | None = None, subdomain: str = "example",
                 **options: Any) -> None:
        self.subdomain = subdomain
        # One request at a time, as a served emulator answers them: the store and its caches are
        # not thread-safe, and the engine reads kinds (and apply writes) from several threads.
        self._one_at_a_time = threading.RLock()
        self.options = options
        self.rpm = rpm
        # Lists derived from the account (sorted, filtered), kept until the account changes: see memo().
        self.writes = 0
        self._memo: dict[Any, tuple[Any, Any]] = {}
        self.store = Store(state)
        self.request_log: list[LoggedRequest] = []
        # Derives secrets the account shows (webhook signing secrets) without storing them:
        # it lives only in this process, so ``dump()`` never holds one.
        self.process_key = os.urandom(32)
        self._support_window = RateWindow(rpm, clock=clock)
        self._help_center_window = RateWindow(rpm, clock=clock)
        # Endpoint-specific budgets Zendesk documents on top of the account limit; enforced
        # only when rate limiting is on (``rpm`` set), like the account limit itself.
        self.endpoint_windows = {
            name: RateWindow(per_minute if rpm is not None else None, clock=clock)
            for name, per_minute in ENDPOINT_LIMITS.items()
        }
        self.router = Router()
        registry.register_all(self.router)
        if state is None:
            seed_account(self.store, subdomain, options.get("agents", ()))

    # -- contract ----------------------------------------------------------------------------
    def dump(self) -> dict:
        return self.store.dump()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._one_at_a_time:
            return self._answer(request)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        response = self._handle(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        self.request_log.append(
            LoggedRequest(request.method, request.url.path, response.status_code, elapsed_ms)
        )
        return response

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, reused while the account is unchanged: paging through 10,000 triggers
        sorted all of them for every page of 100. Any write request, and any object added or
        removed directly in the store (tests do), starts afresh."""
        stamp = (self.writes, tuple(len(c.items) for c in self.store.collections.values()))
        found = self._memo.get(key)
        if found is not None and found[0] == stamp:
            return found[1]
        value = compute()
        self._memo[key] = (stamp, value)
        return value

    # -- pipeline ------------------------------------------------------------------------------
    def _handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        window = self._help_center_window if path.startswith(HELP_CENTER_PREFIX) else self._support_window
        limit = self.rpm if self.rpm is not None else PLAN_RPM
        if not _authenticated(request):
            # Refused before it counts against the account, but still tells the caller its budget.
            left = PLAN_RPM - 1 if self.rpm is None else max(self.rpm - window.used, 0)
            return json_response(401, {"error": "Couldn't authenticate you"},
                                 {"X-Rate-Limit": str(limit), "X-Rate-Limit-Remaining": str(left)})
        allowed, remaining, reset_in = window.take()
        if self.rpm is None:
            remaining = PLAN_RPM - 1
        headers = {"X-Rate-Limit": str(limit), "X-Rate-Limit-Remaining": str(remaining)}
        if not allowed:
            retry_after = max(1, math.ceil(reset_in))
            return httpx.Response(
                429,
                content=b"Too Many Requests",
                headers={**headers, "Retry-After": str(retry_after), "content-type": "text/plain"},
            )
        ctx = RequestContext(request, self)
        writing = request.method != "GET"
        self.writes += writing  # before and after: what a write handler derived mid-way is never reused
        response = self._dispatch(ctx, request.method, path)
        self.writes += writing
        response.headers.update(headers)
        if ctx.is_list:
            response.headers.update({
                "ratelimit-limit": str(limit),
                "ratelimit-remaining": str(remaining),
                "ratelimit-reset": str(max(1, math.ceil(reset_in))),
            })
        return response

    def _dispatch(self, ctx: RequestContext, method: str, path: str) -> httpx.Response:
        try:
            found = self.router.match(method, path)
            if found is None:
                raise invalid_endpoint()
            handler, params = found
            return handler(ctx, **params)
        except ZendeskError as error:
            return error.response()


def _authenticated(request: httpx.Request) -> bool:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer":
        return bool(value)
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value, validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return False
        user, sep, token = decoded.partition(":")
        return bool(sep) and user.endswith("/token") and len(user) > len("/token") and bool(token)
    return False
