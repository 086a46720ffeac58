"""Per-request helpers: the parsed body, query parameters and the bare-JSON responses.

Freshdesk bodies have no wrapper key (research note 1.1): a create takes ``{"name": ...}`` and
answers the bare object, and a list answers a bare array. Writes must be sent as
``application/json`` (415 otherwise) and must parse (400 ``invalid_json`` otherwise).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import httpx

from providers.common.emulation import json_response
from providers.freshdesk.emulator.errors import invalid_content_type, invalid_json, not_found

if TYPE_CHECKING:
    from providers.freshdesk.emulator.app import FreshdeskEmulator

API_PREFIX = "/api/v2"


class RequestContext:
    """What a handler needs from one request: the emulator's store, the query and the body."""

    def __init__(self, request: httpx.Request, emulator: "FreshdeskEmulator") -> None:
        self.request = request
        self.emulator = emulator
        self.store = emulator.store

    def query(self, name: str) -> str | None:
        return self.request.url.params.get(name)

    def body(self) -> dict[str, Any]:
        """The JSON object sent with a write; an empty body counts as ``{}``."""
        raw = self.request.content
        if not raw or not raw.strip():
            return {}
        content_type = self.request.headers.get("content-type", "")
        if "application/json" not in content_type.lower():
            raise invalid_content_type()
        try:
            parsed = json.loads(raw)
        except ValueError:
            raise invalid_json() from None
        if not isinstance(parsed, dict):
            raise invalid_json()
        return parsed

    @property
    def current_agent_id(self) -> int:
        """The agent the API key belongs to: the seeded account administrator."""
        return self.store.extra["current_agent_id"]


def parse_id(raw: str) -> int:
    """A numeric path id; anything else names no record, so it is a 404 as on the real API."""
    if not raw.isdigit():
        raise not_found()
    return int(raw)


def ok(body: Any, status: int = 200) -> httpx.Response:
    return json_response(status, body)


def created(body: Any) -> httpx.Response:
    return json_response(201, body)


def no_content() -> httpx.Response:
    return json_response(204)
