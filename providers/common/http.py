"""The HTTP layer every provider client shares: timeouts, TLS rules, pacing, retries, errors.

A provider client subclasses nothing; it builds one ``JsonHttp`` with its base URL, its
``httpx.Auth``, a function that turns the vendor's error body into one line and (to be paced)
a ``RateHeaders`` that reads the vendor's rate-limit headers. Every request has a timeout.

Retries run on tenacity with the explicit predicates of ``providers.common.retry_policy``:
reads, updates and deletes are retried on network errors, timeouts, 429 and 5xx; a POST only
on 429 or when it never left. After any other unclear failure of a POST the client raises
``OutcomeUnknown`` and the caller checks by natural key whether the create landed. One
request's retries are bounded in attempts and in total time; the final error says how many
attempts were made over how long.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import random
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import urlsplit

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception

from providers.common.pacing import Pacer, RateHeaders
from providers.common.pacing import retry_after_seconds as header_retry_after
from providers.common.retry_policy import (NOT_SENT, TRANSIENT_STATUSES, Verdict, error_in_body,
                                           verdict_for_error_body, verdict_for_exception, verdict_for_status)
from providers.common.transport_errors import describe
from provisioner.errors import ApiError, OutcomeUnknown, UserError

log = logging.getLogger("provisioner.http")

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
RETRY_STATUSES = frozenset({429}) | TRANSIENT_STATUSES
LOOPBACK_NAMES = {"localhost"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def checked_base_url(url: str, variable: str) -> str:
    """A base URL the tool may use: https anywhere, plain http only on loopback.

    The value is never echoed back: a token pasted into the wrong variable must not be printed.
    Credentials inside the URL are refused, since the account name (host) appears in output.
    """
    try:
        parts = urlsplit(url.strip())
        hostname = parts.hostname
    except ValueError:
        raise UserError(f"{variable}: not a valid URL; expected https://HOST") from None
    if parts.scheme not in {"http", "https"} or not hostname:
        raise UserError(f"{variable}: not an http(s) URL; expected https://HOST")
    if parts.username or parts.password:
        raise UserError(f"{variable}: the URL holds a user name or password; put credentials in the token variables")
    if parts.scheme == "http" and not is_loopback(hostname):
        raise UserError(f"{variable}: plain http is allowed only for loopback addresses; use https")
    return url.strip().rstrip("/")


class BearerAuth(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(<redacted>)"


class BasicAuth(httpx.BasicAuth):
    def __repr__(self) -> str:
        return "BasicAuth(<redacted>)"


ErrorDetail = Callable[[httpx.Response], str]
"""Turns a vendor error response into one line (vendor error shapes differ)."""
BodyError = Callable[[httpx.Response], bool]
"""True when a 2xx answer carries an error (see ``retry_policy.error_in_body``)."""


def retry_after_seconds(response: httpx.Response, default: float) -> float:
    """``Retry-After`` of ``response`` in seconds, or ``default`` when absent or garbled."""
    seconds = header_retry_after(response.headers)
    return default if seconds is None else seconds


@dataclass
class HttpStats:
    """What one connection did: attempts sent, retries made (and seconds waited before them),
    429s received."""

    attempts: int = 0
    retries: int = 0
    retry_wait_seconds: float = 0.0
    rate_limited: int = 0


class _AttemptFailed(Exception):
    """One attempt without a usable answer, sorted by the retry policy.

    ``maybe_applied`` is False only when the server cannot have processed the request (it
    never left, or the answer was 429).
    """

    def __init__(self, verdict: Verdict, status: int, detail: str, *, maybe_applied: bool,
                 retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.verdict, self.status, self.detail = verdict, status, detail
        self.maybe_applied, self.retry_after = maybe_applied, retry_after


class JsonHttp:
    """One connection to one account's API; synchronous and thread-safe (httpx.Client).

    + max_attempts / max_total_seconds: the retry budget of one request; when it is spent the
      error says how many attempts were made over how long.
    + backoff_base / max_wait: exponential backoff with jitter, when the server gives no
      ``Retry-After`` (which is always honoured, within the total budget).
    + rate_headers: how the vendor reports its budget; requests are paced from it.
    + body_error: recognises a 2xx that is really an error.
    + sleep / clock: injected by tests (a clock that moves only on sleeps makes waits instant).
    """

    def __init__(self, base_url: str, auth: httpx.Auth, error_detail: ErrorDetail, *,
                 transport: httpx.BaseTransport | None = None, headers: dict[str, str] | None = None,
                 max_attempts: int = 8, max_wait: float = 60.0, sleep: Callable[[float], None] = time.sleep,
                 timeout: httpx.Timeout = DEFAULT_TIMEOUT, rate_headers: RateHeaders | None = None,
                 body_error: BodyError = error_in_body, max_total_seconds: float = 300.0,
                 backoff_base: float = 0.5, clock: Callable[[], float] = time.monotonic) -> None:
        self.base_url = base_url
        self.error_detail = error_detail
        self.body_error = body_error
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self.max_total_seconds = max_total_seconds
        self.backoff_base = backoff_base
        self.sleep = sleep
        self.clock = clock
        self.stats = HttpStats()
        self.pacer = Pacer(rate_headers, clock=clock, sleep=sleep)
        self._stats_lock = threading.Lock()
        self.client = httpx.Client(base_url=base_url, auth=auth, transport=transport, timeout=timeout,
                                   headers={"Accept": "application/json", **(headers or {})}, verify=True)

    @property
    def retries(self) -> int:
        return self.stats.retries

    def request(self, method: str, path: str, *, json_body: Any = None, params: Any = None,
                ok_statuses: tuple[int, ...] = ()) -> httpx.Response:
        """Send with pacing and retries; return the response or raise ``ApiError``.

        Raises ``OutcomeUnknown`` (an ``ApiError``) when a write may have landed without a clear
        answer: at once for a POST, after the retry budget for other writes.
        """
        started = self.clock()
        retrying = Retrying(
            retry=retry_if_exception(lambda exc: isinstance(exc, _AttemptFailed) and exc.verdict is Verdict.RETRY),
            stop=lambda state: self._out_of_budget(state, started),
            wait=self._wait,
            sleep=self.sleep,
            before_sleep=lambda state: self._note_retry(method, path, state),
            reraise=True,
        )
        try:
            return retrying(self._attempt, method, path, json_body, params, ok_statuses)
        except _AttemptFailed as failure:
            attempts = retrying.statistics.get("attempt_number", 1)
            raise self._final_error(failure, method, path, attempts, self.clock() - started) from None

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.request(method, path, **kwargs)
        if not response.content:
            return None
        try:
            return response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise ApiError(method, path, response.status_code, "answer was not JSON") from None

    # -- one attempt ---------------------------------------------------------------------------
    def _attempt(self, method: str, path: str, json_body: Any, params: Any,
                 ok_statuses: tuple[int, ...]) -> httpx.Response:
        ticket = self.pacer.before(path)
        response: httpx.Response | None = None
        with self._stats_lock:
            self.stats.attempts += 1
        try:
            response = self.client.request(method, path, json=json_body, params=params)
        except httpx.TransportError as exc:
            verdict = verdict_for_exception(method, exc)
            raise _AttemptFailed(verdict, 0, describe(exc, self._host()),
                                 maybe_applied=not isinstance(exc, NOT_SENT)) from None
        finally:
            self.pacer.after(ticket, response)
        status = response.status_code
        if status in ok_statuses:
            return response
        verdict = verdict_for_status(method, status)
        if verdict is None:
            if self.body_error(response):
                raise _AttemptFailed(verdict_for_error_body(method), status,
                                     f"an error inside a {status} answer: {self.error_detail(response)}",
                                     maybe_applied=True)
            return response
        if status == 429:
            with self._stats_lock:
                self.stats.rate_limited += 1
        retry_after = header_retry_after(response.headers) if status in (429, 503) else None
        raise _AttemptFailed(verdict, status, self.error_detail(response), maybe_applied=status != 429,
                             retry_after=retry_after)

    # -- tenacity hooks ------------------------------------------------------------------------
    def _wait(self, state: RetryCallState) -> float:
        failure = state.outcome.exception() if state.outcome else None
        if isinstance(failure, _AttemptFailed) and failure.retry_after is not None:
            return failure.retry_after
        backoff = min(self.max_wait, self.backoff_base * 2 ** (state.attempt_number - 1))
        return backoff * (0.5 + random.random() / 2)

    def _out_of_budget(self, state: RetryCallState, started: float) -> bool:
        if state.attempt_number >= self.max_attempts:
            return True
        return self.clock() - started + (state.upcoming_sleep or 0.0) > self.max_total_seconds

    def _note_retry(self, method: str, path: str, state: RetryCallState) -> None:
        with self._stats_lock:
            self.stats.retries += 1
            self.stats.retry_wait_seconds += state.upcoming_sleep or 0.0
        failure = state.outcome.exception() if state.outcome else None
        log.debug("retrying %s %s in %.2fs after attempt %d: %s", method, urlsplit(path).path or path,
                  state.upcoming_sleep, state.attempt_number, failure)

    def _final_error(self, failure: _AttemptFailed, method: str, path: str, attempts: int,
                     elapsed: float) -> ApiError:
        where = urlsplit(path).path or path
        if failure.verdict is Verdict.UNCLEAR:
            return OutcomeUnknown(method, where, failure.status, failure.detail)
        if failure.verdict is Verdict.FAIL:
            return ApiError(method, where, failure.status, failure.detail)
        asked = failure.retry_after
        wait = f"; it asked to wait {asked:.0f}s more" if asked and elapsed + asked > self.max_total_seconds else ""
        detail = f"{failure.detail} (gave up after {attempts} attempt(s) over {elapsed:.0f}s{wait})"
        if method.upper() != "GET" and failure.maybe_applied:
            return OutcomeUnknown(method, where, failure.status, detail, exhausted=True)
        return ApiError(method, where, failure.status, detail)

    def _host(self) -> str:
        return urlsplit(self.base_url).hostname or self.base_url

    def close(self) -> None:
        self.client.close()
