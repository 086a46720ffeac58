"""When a request may be sent again: the explicit rules the HTTP layer retries by.

One attempt ends in an answer or an exception; these functions sort it into a ``Verdict``:

+ RETRY: sending again cannot do harm. Reads, updates and deletes (PUT, PATCH and DELETE set a
  state, so twice is the same as once) on network errors, timeouts, 408, 429 and 5xx; any
  method when the request never left (connection refused, connect timeout) or on 429 (the
  server says it did not process it).
+ UNCLEAR: a POST (a create) went out and no clear answer came back: a timeout, a dropped
  connection, a 5xx, or an error inside a 200. It may have landed, so it is never sent blindly
  again; the caller checks by natural key (``Adapter.find_by_key``) whether it did.
+ FAIL: the answer is final (400, 401, 403, 404, 422 ...): sending again gives the same answer.
  So is a TLS certificate the client does not trust: it fails the same way every time, and
  eight attempts with back-off would only delay the message saying how to fix it.

A 2xx whose body is an error (some gateways and vendors answer ``200 {"error": ...}``) is an
error too: ``error_in_body`` recognises the shapes the helpdesk vendors use, and the HTML page
a proxy serves during maintenance.
"""

from __future__ import annotations

import enum
import json
import ssl
from typing import Any

import httpx


class Verdict(enum.Enum):
    RETRY = "retry"
    UNCLEAR = "unclear"
    FAIL = "fail"


IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})
# The request provably never reached the server: safe to send again whatever the method.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Sent, but the answer never came (or came broken): the server may have processed it.
NO_ANSWER = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
# Statuses that say "try again later" rather than "this request is wrong".
TRANSIENT_STATUSES = frozenset({408, 500, 502, 503, 504, 520, 521, 522, 523, 524})


def verdict_for_exception(method: str, exc: BaseException) -> Verdict:
    """What to do after ``exc`` was raised while sending ``method``."""
    if untrusted_certificate(exc):
        return Verdict.FAIL
    if isinstance(exc, NOT_SENT):
        return Verdict.RETRY
    if isinstance(exc, NO_ANSWER):
        return Verdict.RETRY if method.upper() in IDEMPOTENT else Verdict.UNCLEAR
    return Verdict.FAIL


def untrusted_certificate(exc: BaseException) -> bool:
    """Whether the TLS handshake refused the server's certificate (httpx raises a
    ``ConnectError`` from the ``ssl`` error, which sits down the exception chain)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def verdict_for_status(method: str, status: int) -> Verdict | None:
    """What to do with an answer of ``status``; None for a success (2xx/3xx)."""
    if status < 400:
        return None
    if status == 429:
        return Verdict.RETRY
    if status in TRANSIENT_STATUSES:
        return Verdict.RETRY if method.upper() in IDEMPOTENT else Verdict.UNCLEAR
    return Verdict.FAIL


def verdict_for_error_body(method: str) -> Verdict:
    """A 2xx carrying an error: the server may or may not have done the work."""
    return Verdict.RETRY if method.upper() in IDEMPOTENT else Verdict.UNCLEAR


# Keys an error body is made of, across Zendesk, Freshdesk and Intercom; a real object or list
# always has some other key (its id, or the list's name).
ERROR_KEYS = frozenset({"error", "errors", "description", "details", "message", "code", "type",
                        "request_id", "status", "title"})


def error_in_body(response: httpx.Response) -> bool:
    """True when a 2xx answer is an error in disguise: an error object, or a gateway's HTML page."""
    if not response.content:
        return False
    try:
        body: Any = json.loads(response.content)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return "html" in response.headers.get("content-type", "").lower()
    if not isinstance(body, dict) or not body:
        return False
    if body.get("type") == "error.list":
        return True
    has_error = bool(body.get("error")) or bool(body.get("errors"))
    return has_error and set(body) <= ERROR_KEYS
