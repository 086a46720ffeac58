"""Inject the failures a helpdesk API really has, around any provider's emulator.

``FaultyEmulator(emulator, FaultOptions(...))`` is itself an emulator callable: it adds latency,
then for a share of requests (``rate``) answers with a fault instead of (or after) handling
the request. The kinds:

+ ``429``: Too Many Requests with ``Retry-After``; the request is not processed.
+ ``500``: Internal Server Error; not processed.
+ ``503``: Service Unavailable with ``Retry-After``; not processed.
+ ``reset``: the connection drops before the request is processed.
+ ``timeout``: no answer at all; not processed.
+ ``error200``: 200 OK whose body is an error; not processed.
+ ``lost``: the request IS processed (a write lands), then the connection drops, so the
  client never hears: the case that makes duplicate creates possible.

Which requests fail is decided from the seed and the request itself (method, URL, body and how
many times that same request was seen), not from arrival order: concurrent reads interleave
differently on every run, yet a given seed injects the same faults.

In-process (``httpx.MockTransport``) the network faults raise the exception httpx would;
served (``providers.common.serve``) the server drops or stalls the connection for real
(``network="mark"`` tags the response for it).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Literal

import httpx

from providers.common.emulation import json_response
from provisioner.errors import UserError

FAULT_KINDS: dict[str, str] = {
    "429": "429 Too Many Requests with Retry-After (not processed)",
    "500": "500 Internal Server Error (not processed)",
    "503": "503 Service Unavailable with Retry-After (not processed)",
    "reset": "connection dropped before the request is processed",
    "timeout": "no answer until the client times out (not processed)",
    "error200": "200 OK whose body is an error (not processed)",
    "lost": "processed (a write lands), then the connection drops before the answer",
}
ENV_VAR = "PROVISIONER_EMULATOR_FAULTS"
# What a served emulator does instead of answering (read by providers.common.serve).
FAULT_EXTENSION = "emulator_fault"
# Which fault was injected into an answer (read by providers.common.request_log).
INJECTED_EXTENSION = "injected_fault"


@dataclass(frozen=True)
class FaultOptions:
    """+ rate: share of requests that fail (0-1). + kinds: which faults, chosen evenly.
    + seed: makes the choice reproducible. + latency_ms: added to every request.
    + retry_after: seconds announced on 429 and 503 faults.
    + hang_seconds: how long a served ``timeout`` fault stalls before dropping the connection.
    + rpm: requests-per-minute limit passed to the emulator itself (None: no limit)."""

    rate: float = 0.0
    kinds: tuple[str, ...] = tuple(FAULT_KINDS)
    seed: int = 0
    latency_ms: float = 0.0
    retry_after: int = 1
    hang_seconds: float = 35.0
    rpm: int | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.rate <= 1.0:
            raise UserError(f"fault rate {self.rate} is not between 0 and 1")
        unknown = [k for k in self.kinds if k not in FAULT_KINDS]
        if unknown or not self.kinds:
            raise UserError(f"unknown fault kind {unknown[0] if unknown else '(none)'!r}; known: {', '.join(FAULT_KINDS)}")
        if self.latency_ms < 0 or self.retry_after < 0 or self.hang_seconds < 0:
            raise UserError("fault latency, retry_after and hang must not be negative")

    @property
    def active(self) -> bool:
        return self.rate > 0 or self.latency_ms > 0

    @classmethod
    def parse(cls, text: str, source: str = ENV_VAR) -> "FaultOptions":
        """``rate=0.2,seed=7,kinds=429,500,reset,latency_ms=50,rpm=700``: a bare word after
        ``kinds=`` continues the list (``+`` also separates kinds)."""
        fields: dict[str, Any] = {}
        in_kinds = False
        for token in [t.strip() for t in text.split(",") if t.strip()]:
            name, sep, value = token.partition("=")
            if not sep:
                if not in_kinds:
                    raise UserError(f"{source}: {token!r} is not NAME=VALUE")
                fields["kinds"] += [k for k in token.split("+") if k]
                continue
            name = name.strip().lower().replace("-", "_")
            in_kinds = name == "kinds"
            fields[name] = [k.strip() for k in value.split("+") if k.strip()] if in_kinds else value.strip()
        if "kinds" in fields:
            fields["kinds"] = tuple(fields["kinds"])
        try:
            return cls(**_typed(fields, source))
        except UserError as exc:
            message = str(exc)
            raise UserError(message if message.startswith(source) else f"{source}: {message}") from None


_FIELD_TYPES: dict[str, Callable[[str], Any]] = {
    "rate": float, "seed": int, "latency_ms": float, "latency": float, "retry_after": int,
    "hang_seconds": float, "hang": float, "rpm": int,
}
_ALIASES = {"latency": "latency_ms", "hang": "hang_seconds"}


def _typed(fields: dict[str, Any], source: str) -> dict[str, Any]:
    typed: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "kinds":
            typed["kinds"] = value
            continue
        if name not in _FIELD_TYPES:
            raise UserError(f"{source}: unknown setting {name!r}; known: rate, seed, kinds, latency_ms, retry_after, hang_seconds, rpm")
        try:
            typed[_ALIASES.get(name, name)] = _FIELD_TYPES[name](value)
        except ValueError:
            raise UserError(f"{source}: {name}={value!r} is not a number") from None
    return typed


def fault_options_from_env(env: dict[str, str] | Any) -> FaultOptions | None:
    """The options in ``PROVISIONER_EMULATOR_FAULTS``, or None when it is unset or empty."""
    text = env.get(ENV_VAR, "") if env is not None else ""
    return FaultOptions.parse(text) if text.strip() else None


def _tagged(response: httpx.Response, kind: str) -> httpx.Response:
    """Mark an answer as injected (``INJECTED_EXTENSION``), so a request log can tell an
    injected 429 from one the emulator's own rate limit gave."""
    response.extensions = {**response.extensions, INJECTED_EXTENSION: kind}
    return response


class FaultyEmulator:
    """Any emulator with latency and seeded faults in front; the emulator contract unchanged.

    ``network``: "raise" raises httpx's exceptions (in-process transport); "mark" returns the
    answer tagged for ``serve`` to drop or stall the connection. ``faults`` counts what was
    injected, by kind; ``sleep`` is injectable so tests need not wait for latency.
    """

    def __init__(self, inner: Any, options: FaultOptions, *, network: Literal["raise", "mark"] = "raise",
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.inner = inner
        self.options = options
        self.network = network
        self.sleep = sleep
        self.faults: Counter[str] = Counter()
        self._seen: Counter[str] = Counter()
        self._lock = threading.Lock()
        # Latency is slept outside ``_lock`` and the emulator called inside it, so a server may
        # run requests concurrently (``providers.common.serve``).
        self.serialises_itself = True

    # -- the emulator contract -------------------------------------------------------------
    @property
    def request_log(self) -> list[Any]:
        return self.inner.request_log

    def dump(self) -> dict[str, Any]:
        return self.inner.dump()

    def __getattr__(self, name: str) -> Any:  # store, save() ... of the wrapped emulator
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.options.latency_ms:
            self.sleep(self.options.latency_ms / 1000)
        with self._lock:
            kind = self._choose(request)
            if kind is not None:
                self.faults[kind] += 1
            if kind == "lost":
                return _tagged(self._drop(request, self.inner(request), "connection_reset"), kind)
            if kind is None:
                return self.inner(request)
        return _tagged(self._fault(kind, request), kind)

    # -- deciding --------------------------------------------------------------------------
    def _choose(self, request: httpx.Request) -> str | None:
        if self.options.rate <= 0:
            return None
        body = hashlib.sha256(request.content).hexdigest()[:16]
        # Path and query, not the whole URL: a served emulator's port is new every run, and the
        # same seed must pick the same faults whichever port (or host name) the client used.
        identity = f"{request.method} {request.url.raw_path.decode()} {body}"
        self._seen[identity] += 1
        digest = hashlib.sha256(f"{self.options.seed}|{identity}|{self._seen[identity]}".encode()).digest()
        draw = int.from_bytes(digest[:8], "big") / 2**64
        if draw >= self.options.rate:
            return None
        return self.options.kinds[int.from_bytes(digest[8:12], "big") % len(self.options.kinds)]

    # -- answering ---------------------------------------------------------------------------
    def _fault(self, kind: str, request: httpx.Request) -> httpx.Response:
        wait = {"Retry-After": str(self.options.retry_after)}
        if kind == "429":
            return httpx.Response(429, content=b"Too Many Requests (injected)",
                                  headers={"content-type": "text/plain", **wait})
        if kind == "500":
            return json_response(500, {"error": "InternalError", "description": "injected fault: internal error"})
        if kind == "503":
            return json_response(503, {"error": "ServiceUnavailable", "description": "injected fault: unavailable"},
                                 headers=wait)
        if kind == "error200":
            return json_response(200, {"error": "InternalError", "description": "injected fault: error inside a 200"})
        if kind == "reset":
            return self._drop(request, None, "connection_reset")
        return self._drop(request, None, "timeout")

    def _drop(self, request: httpx.Request, answered: httpx.Response | None, how: str) -> httpx.Response:
        if self.network == "raise":
            if how == "timeout":
                raise httpx.ReadTimeout("injected fault: no answer", request=request)
            raise httpx.RemoteProtocolError("injected fault: server disconnected without sending a response",
                                            request=request)
        answer = answered if answered is not None else httpx.Response(599)
        answer.extensions = {**answer.extensions, FAULT_EXTENSION: how, "hang_seconds": self.options.hang_seconds}
        return answer
