"""Freshdesk's error bodies, raised as exceptions so handlers stay linear.

Freshdesk answers validation problems with one shape, ``{"description": "Validation failed",
"errors": [{field, message, code}]}``, and most other failures with a flat ``{"code", "message"}``
(research note 1.4: clients have to handle both). Handlers raise :class:`FreshdeskError`; the app
turns it into the response, so a handler never builds an error body by hand.

The messages follow the wording Freshdesk uses ("It should be a unique value", "Unexpected/invalid
field in request", ...) because people read them in CLI output and tests compare codes, not text.
"""

from __future__ import annotations

from typing import Any

UNIQUE_MESSAGE = "It should be a unique value"
UNEXPECTED_FIELD_MESSAGE = "Unexpected/invalid field in request"


class FreshdeskError(Exception):
    """An HTTP error with its body and any extra headers (``Allow``, ``Retry-After``)."""

    def __init__(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{status}: {body}")
        self.status = status
        self.body = body
        self.headers = headers or {}


def field_error(field: str, message: str, code: str, **extra: Any) -> dict[str, Any]:
    """One entry of a validation ``errors`` list."""
    entry: dict[str, Any] = {"field": field, "message": message, "code": code}
    entry.update(extra)
    return entry


def validation_failed(errors: list[dict[str, Any]], *, status: int = 400) -> FreshdeskError:
    """The 400 (or 409 for duplicates) validation envelope with every problem found at once."""
    return FreshdeskError(status, {"description": "Validation failed", "errors": errors})


def invalid(field: str, message: str, code: str = "invalid_value") -> FreshdeskError:
    """A single-problem validation failure; duplicates answer 409 Conflict as Freshdesk does."""
    status = 409 if code == "duplicate_value" else 400
    return validation_failed([field_error(field, message, code)], status=status)


def duplicate(field: str) -> FreshdeskError:
    return invalid(field, UNIQUE_MESSAGE, "duplicate_value")


def unknown_ids(field: str, ids: list[Any]) -> FreshdeskError:
    listed = ",".join(str(i) for i in ids)
    return invalid(field, f"There are no records matching the ids: '{listed}'")


def not_found() -> FreshdeskError:
    return FreshdeskError(404, {"code": "not_found", "message": "The requested resource could not be found"})


def method_not_allowed(allowed: list[str]) -> FreshdeskError:
    joined = ", ".join(allowed)
    return FreshdeskError(
        405,
        {"code": "method_not_allowed", "message": f"{joined} Method(s) allowed for this resource"},
        {"Allow": joined},
    )


def unauthorized() -> FreshdeskError:
    return FreshdeskError(401, {"code": "invalid_credentials", "message": "You have to be logged in to perform this action."})


def invalid_json() -> FreshdeskError:
    return FreshdeskError(400, {"code": "invalid_json", "message": "Request body has invalid json format"})


def invalid_content_type() -> FreshdeskError:
    return FreshdeskError(415, {"code": "invalid_content_type", "message": "Content-Type header should have application/json"})


def rate_limited(retry_after: int) -> FreshdeskError:
    return FreshdeskError(
        429,
        {"code": "rate_limit_exceeded", "message": "You have exceeded the limit of requests per minute"},
        {"Retry-After": str(retry_after)},
    )
