"""Zendesk's error envelopes, raised from handlers and rendered by the app.

Zendesk answers errors in two shapes. The classic Support endpoints use
``{"error": "...", "description": "...", "details": {...}}`` (422 ``RecordInvalid`` carries
``details`` keyed by attribute or ``base``). Newer APIs (trigger categories, webhooks, custom
objects) use a JSON:API-like ``{"errors": [{"code", "title", "detail", "status"}]}``. Handlers
raise these exceptions so a deep validation helper can abort a request without threading
responses back up through every call.
"""

from __future__ import annotations

from typing import Any

import httpx

from providers.common.emulation import json_response


class ZendeskError(Exception):
    """An error response: status code plus the exact JSON body Zendesk would send."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{status} {body}")
        self.status = status
        self.body = body
        self.headers = headers or {}

    def response(self) -> httpx.Response:
        return json_response(self.status, self.body, self.headers)


def not_found() -> ZendeskError:
    """404 for a missing record (OAS ``ErrorNotFoundExample`` plus the live ``description``)."""
    return ZendeskError(404, {"error": "RecordNotFound", "description": "Not found"})


def invalid_endpoint() -> ZendeskError:
    return ZendeskError(404, {"error": "InvalidEndpoint", "description": "Not found"})


def bad_request(error: str, description: str) -> ZendeskError:
    return ZendeskError(400, {"error": error, "description": description})


def detail(description: str, error: str | None = "InvalidValue") -> dict[str, str]:
    """One entry of a ``details`` list; Zendesk omits ``error`` on some base messages."""
    entry = {"description": description}
    if error:
        entry["error"] = error
    return entry


def record_invalid(details: dict[str, list[dict[str, str]]]) -> ZendeskError:
    return ZendeskError(
        422,
        {"error": "RecordInvalid", "description": "Record validation errors", "details": details},
    )


def invalid(attribute: str, description: str, error: str | None = "InvalidValue") -> ZendeskError:
    """Shorthand for a 422 with a single detail on one attribute (or ``base``)."""
    return record_invalid({attribute: [detail(description, error)]})


def blank(attribute: str, label: str | None = None) -> ZendeskError:
    """The 'cannot be blank' 422 Zendesk gives for a missing required attribute."""
    label = label or attribute.replace("_", " ").capitalize()
    return invalid(attribute, f"{label}: cannot be blank", "BlankValue")


def json_api_error(status: int, code: str, title: str, detail_text: str | None = None,
                   source: dict[str, Any] | None = None) -> ZendeskError:
    """An error in the newer ``{"errors": [...]}`` envelope (OAS schema ``Errors``)."""
    entry: dict[str, Any] = {"code": code, "title": title}
    if detail_text is not None:
        entry["detail"] = detail_text
    if source is not None:
        entry["source"] = source
    return ZendeskError(status, {"errors": [entry]})
