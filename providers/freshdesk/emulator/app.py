"""The Freshdesk emulator: one callable ``httpx.Request -> httpx.Response`` over an in-memory account.

This module wires what every request goes through, in the order the real service applies it:
the per-minute rate limit (429 + ``Retry-After``), Basic authentication with the API key as the
user name (401 ``invalid_credentials``), routing (404 ``not_found`` for unknown paths, 405 with an
``Allow`` header for methods a path lacks), then the resource handler. Every response carries
``X-RateLimit-Total``, ``X-RateLimit-Remaining``, ``X-RateLimit-Used-CurrentRequest`` and
``X-Freshdesk-API-Version``, and every request is appended to ``request_log``.

Resource families live in their own modules, each with ``register(router, emulator)``.
"""

from __future__ import annotations

import base64
import binascii
import math
import threading
import time
import uuid
from typing import Any, Callable

import httpx

from providers.common.emulation import LoggedRequest, RateWindow, Router, Store, json_response
from providers.freshdesk.emulator import (agents, automations, canned_response_folders, canned_responses,
                                          customer_fields, groups, mailboxes, read_only, skills, sla_policies,
                                          solution_articles, solution_categories, solution_folders,
                                          ticket_field_sections, ticket_fields, ticket_forms)
from providers.freshdesk.emulator.context import API_PREFIX, RequestContext
from providers.freshdesk.emulator.errors import FreshdeskError, method_not_allowed, not_found, rate_limited, unauthorized
from providers.freshdesk.emulator.seed import seed_account

RESOURCE_MODULES = (groups, agents, read_only, skills, ticket_fields, ticket_field_sections, ticket_forms,
                    customer_fields, sla_policies, automations, canned_response_folders, canned_responses,
                    solution_categories, solution_folders, solution_articles, mailboxes)
UNLIMITED_TOTAL = 1_000_000
API_VERSION_HEADER = "latest=v2; requested=v2"


class FreshdeskEmulator:
    """An emulated Freshdesk account (``https://{domain}.freshdesk.com/api/v2``).

    ``state`` is an earlier :meth:`dump` (None seeds a fresh account); ``rpm`` turns on the
    per-minute limit; ``clock`` returns seconds and makes that limit testable; ``domain`` names
    the account (it appears in seeded addresses and mailbox forwarding addresses).
    """

    def __init__(self, state: dict | None = None, *, rpm: int | None = None,
                 clock: Callable[[], float] | None = None, domain: str = "example", **options: Any) -> None:
        self.options = options
        # One request at a time, as a served emulator answers them: the store and its caches are
        # not thread-safe, and the engine reads kinds (and apply writes) from several threads.
        self._one_at_a_time = threading.RLock()
        if state is None:
            self.store = Store()
            seed_account(self.store, domain)
        else:
            self.store = Store(state)
        self.domain = self.store.extra.get("domain", domain)
        self.rate = RateWindow(rpm, window_seconds=60.0, clock=clock)
        self.request_log: list[LoggedRequest] = []
        self.router = Router()
        for module in RESOURCE_MODULES:
            module.register(self.router, self)

    def dump(self) -> dict:
        return self.store.dump()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._one_at_a_time:
            return self._answer(request)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        allowed, remaining, reset_in = self.rate.take()
        try:
            if not allowed:
                raise rate_limited(max(1, math.ceil(reset_in)))
            response = self._dispatch(request)
        except FreshdeskError as error:
            response = json_response(error.status, error.body, error.headers)
        total = self.rate.limit if self.rate.limit is not None else UNLIMITED_TOTAL
        response.headers.update({
            "X-RateLimit-Total": str(total),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Used-CurrentRequest": "1" if allowed else "0",
            "X-Freshdesk-API-Version": API_VERSION_HEADER,
            "X-Request-Id": str(uuid.uuid4()),
        })
        elapsed = (time.perf_counter() - started) * 1000
        self.request_log.append(LoggedRequest(request.method, request.url.path, response.status_code, elapsed))
        return response

    def _dispatch(self, request: httpx.Request) -> httpx.Response:
        if not self._authenticated(request):
            raise unauthorized()
        path = request.url.path
        if not path.startswith(API_PREFIX + "/"):
            raise not_found()
        found = self.router.match(request.method, path)
        if found is None:
            allowed = self._allowed_methods(path)
            if allowed:
                raise method_not_allowed(allowed)
            raise not_found()
        handler, params = found
        return handler(RequestContext(request, self), **params)

    @staticmethod
    def _authenticated(request: httpx.Request) -> bool:
        """Basic auth with any non-empty API key as the user name and any password (``X`` by habit)."""
        header = request.headers.get("authorization", "")
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic" or not encoded:
            return False
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return False
        api_key, _, _password = decoded.partition(":")
        return bool(api_key.strip())

    def _allowed_methods(self, path: str) -> list[str]:
        clean = path[:-5] if path.endswith(".json") else path
        clean = clean.rstrip("/") or "/"
        methods = {route.method for route in self.router.routes if route.pattern.match(clean)}
        order = ("GET", "POST", "PUT", "PATCH", "DELETE")
        return [m for m in order if m in methods]
