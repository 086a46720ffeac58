"""The HTTP layer every provider client shares: timeouts, TLS rules, retries, error mapping.

A provider client subclasses nothing; it builds one ``JsonHttp`` with its base URL, its
``httpx.Auth`` and a function that turns the vendor's error body into one line. Retry policy
(explicit, tested): reads, updates and deletes are retried on network errors, timeouts, 429
and 5xx; a POST is retried only on 429 (the server says it did not process it) — after any
other unclear failure the caller checks by natural key whether the create landed.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import time
from typing import Any, Callable
from urllib.parse import urlsplit

import httpx

from provisioner.errors import ApiError, UserError

log = logging.getLogger("provisioner.http")

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
LOOPBACK_NAMES = {"localhost"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def checked_base_url(url: str, variable: str) -> str:
    """A base URL the tool may use: https anywhere, plain http only on loopback."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise UserError(f"{variable}: {url!r} is not an http(s) URL")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise UserError(f"{variable}: plain http is allowed only for loopback addresses; use https")
    return url.rstrip("/")


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


def retry_after_seconds(response: httpx.Response, default: float) -> float:
    value = response.headers.get("retry-after")
    if value is None:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        return default


class JsonHttp:
    """One connection to one account's API; synchronous and thread-safe (httpx.Client)."""

    def __init__(self, base_url: str, auth: httpx.Auth, error_detail: ErrorDetail, *,
                 transport: httpx.BaseTransport | None = None, headers: dict[str, str] | None = None,
                 max_attempts: int = 6, max_wait: float = 60.0, sleep: Callable[[float], None] = time.sleep,
                 timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> None:
        self.base_url = base_url
        self.error_detail = error_detail
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self.sleep = sleep
        self.retries = 0
        self.client = httpx.Client(base_url=base_url, auth=auth, transport=transport, timeout=timeout,
                                   headers={"Accept": "application/json", **(headers or {})}, verify=True)

    def request(self, method: str, path: str, *, json_body: Any = None, params: Any = None,
                ok_statuses: tuple[int, ...] = ()) -> httpx.Response:
        """Send with retries; return the response or raise ``ApiError`` with the vendor's message."""
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self.client.request(method, path, json=json_body, params=params)
            except (httpx.TimeoutException, httpx.NetworkError) as exc:
                if method == "POST" or attempt >= self.max_attempts:
                    raise ApiError(method, path, 0, f"{type(exc).__name__}: no answer from {self._host()}") from None
                self._wait(attempt, None)
                continue
            if response.status_code in RETRY_STATUSES and response.status_code not in ok_statuses:
                retryable = response.status_code == 429 or method != "POST"
                if retryable and attempt < self.max_attempts:
                    self._wait(attempt, response)
                    continue
            if response.status_code >= 400 and response.status_code not in ok_statuses:
                raise ApiError(method, path, response.status_code, self.error_detail(response))
            return response

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.request(method, path, **kwargs)
        if not response.content:
            return None
        try:
            return response.json()
        except json.JSONDecodeError:
            raise ApiError(method, path, response.status_code, "answer was not JSON") from None

    def _wait(self, attempt: int, response: httpx.Response | None) -> None:
        self.retries += 1
        backoff = min(self.max_wait, 0.5 * 2 ** (attempt - 1))
        delay = retry_after_seconds(response, backoff) if response is not None else backoff
        log.debug("retrying after %.1fs (attempt %d, status %s)", delay, attempt,
                  response.status_code if response is not None else "network error")
        self.sleep(min(delay, self.max_wait))

    def _host(self) -> str:
        return urlsplit(self.base_url).hostname or self.base_url

    def close(self) -> None:
        self.client.close()
