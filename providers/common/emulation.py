"""Building blocks shared by every vendor emulator.

An emulator is a plain callable ``httpx.Request -> httpx.Response`` over an in-memory store
(design notes: "the emulator is a transport, not a server"). Mount it with
``httpx.MockTransport(emulator)`` in-process, or serve it on loopback with
``providers.common.serve``. Each vendor keeps its own routes, envelopes and error shapes; what is
the same for all of them lives here: the id-keyed store, a tiny router, JSON responses, the
request log tests use to prove "no write reached the account", and state snapshots so separate
CLI commands see one account.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

import httpx

Handler = Callable[..., httpx.Response]
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def now_iso() -> str:
    """Timestamp in the ISO-8601 UTC form the vendors use (second precision)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def json_response(status: int, body: Any = None, headers: dict[str, str] | None = None) -> httpx.Response:
    """A JSON response; ``body=None`` gives an empty body (as for 204)."""
    if body is None:
        return httpx.Response(status, headers=headers or {})
    content = json.dumps(body, separators=(",", ":")).encode()
    hdrs = {"content-type": "application/json; charset=utf-8", **(headers or {})}
    return httpx.Response(status, content=content, headers=hdrs)


def read_json(request: httpx.Request) -> Any:
    """The request body as JSON; ``None`` when empty. Raises ``ValueError`` on malformed JSON."""
    raw = request.content
    if not raw:
        return None
    return json.loads(raw)


@dataclass
class Collection:
    """Objects of one kind keyed by id, with a counter that never reuses an id."""

    next_id: int = 1
    items: dict[str, dict[str, Any]] = field(default_factory=dict)

    def new_id(self, *, as_string: bool = False, start: int = 1) -> int | str:
        self.next_id = max(self.next_id, start)
        value = self.next_id
        self.next_id += 1
        return str(value) if as_string else value

    def get(self, obj_id: Any) -> dict[str, Any] | None:
        return self.items.get(str(obj_id))

    def put(self, obj: dict[str, Any]) -> dict[str, Any]:
        self.items[str(obj["id"])] = obj
        return obj

    def remove(self, obj_id: Any) -> dict[str, Any] | None:
        return self.items.pop(str(obj_id), None)

    def values(self) -> list[dict[str, Any]]:
        return list(self.items.values())


class Store:
    """All collections of one emulated account, serialisable to JSON."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.collections: dict[str, Collection] = {}
        self.extra: dict[str, Any] = {}
        if data:
            for name, col in data.get("collections", {}).items():
                self.collections[name] = Collection(next_id=col["next_id"], items=col["items"])
            self.extra = data.get("extra", {})

    def __getitem__(self, name: str) -> Collection:
        if name not in self.collections:
            self.collections[name] = Collection()
        return self.collections[name]

    def dump(self) -> dict[str, Any]:
        return copy.deepcopy(
            {
                "collections": {
                    name: {"next_id": col.next_id, "items": col.items}
                    for name, col in self.collections.items()
                },
                "extra": self.extra,
            }
        )


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    status: int
    duration_ms: float = 0.0

    @property
    def is_write(self) -> bool:
        return self.method in WRITE_METHODS


@dataclass
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler


class Router:
    """Maps ``METHOD /path/{param}`` templates to handlers called with the path params.

    Templates use ``{name}`` for one path segment. A trailing ``.json`` on the request path is
    accepted and ignored, as the vendors do.
    """

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def add(self, method: str, template: str, handler: Handler) -> None:
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template.rstrip("/"))
        self.routes.append(Route(method, re.compile(f"^{regex}$"), handler))

    def match(self, method: str, path: str) -> tuple[Handler, dict[str, str]] | None:
        """The handler and params for a request, or None. ``(None-handler)`` for 405 is left to callers."""
        clean = path[:-5] if path.endswith(".json") else path
        clean = clean.rstrip("/") or "/"
        for route in self.routes:
            found = route.pattern.match(clean)
            if found and route.method == method:
                return route.handler, found.groupdict()
        return None

    def path_known(self, path: str) -> bool:
        clean = path[:-5] if path.endswith(".json") else path
        return any(r.pattern.match(clean.rstrip("/")) for r in self.routes)


def paginate_slice(items: list[Any], start: int, size: int) -> Iterator[Any]:
    yield from items[start : start + size]


class RateWindow:
    """A fixed-window request counter, the way the vendors publish their limits.

    Zendesk and Freshdesk count per minute, Intercom per 10-second window; ``window_seconds``
    sets which. ``take()`` counts one request and says whether it is allowed, how many remain
    and how long until the window resets, which is what the vendors put in their headers.
    ``limit=None`` means unlimited (the headers still show a generous plan figure).
    """

    def __init__(self, limit: int | None, *, window_seconds: float = 60.0,
                 clock: Callable[[], float] | None = None) -> None:
        import time

        self.limit = limit
        self.window_seconds = window_seconds
        self.clock = clock or time.monotonic
        self.window_start = self.clock()
        self.used = 0

    def take(self) -> tuple[bool, int, float]:
        now = self.clock()
        if now - self.window_start >= self.window_seconds:
            elapsed_windows = int((now - self.window_start) // self.window_seconds)
            self.window_start += elapsed_windows * self.window_seconds
            self.used = 0
        reset_in = max(0.0, self.window_start + self.window_seconds - now)
        if self.limit is None:
            return True, 1_000_000, reset_in
        if self.used >= self.limit:
            return False, 0, reset_in
        self.used += 1
        return True, self.limit - self.used, reset_in
