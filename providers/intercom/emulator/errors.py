"""Intercom's error envelope and the exception handlers raise to produce it.

Every Intercom failure is ``{"type": "error.list", "request_id": ..., "errors": [{"code",
"message"}]}`` and clients are told to key on ``code`` (research 2.4), so handlers raise
``ApiError`` with the documented status/code/message and the app renders it in one place. A few
endpoints (conversation attributes) document ``request_id: null``; ``request_id=False`` keeps that.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from providers.common.emulation import json_response


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str | None, *, field: str | None = None,
                 request_id: bool = True) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.request_id = request_id


def error_body(code: str, message: str | None, *, field: str | None = None,
               request_id: bool = True) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if field is not None:
        error["field"] = field
    return {"type": "error.list", "request_id": str(uuid.uuid4()) if request_id else None,
            "errors": [error]}


def error_response(status: int, code: str, message: str | None, **kwargs: Any) -> httpx.Response:
    return json_response(status, error_body(code, message, **kwargs))


def from_exception(exc: ApiError) -> httpx.Response:
    return error_response(exc.status, exc.code, exc.message, field=exc.field, request_id=exc.request_id)


def not_found(message: str = "Resource Not Found", code: str = "not_found") -> ApiError:
    """The generic 404 most Intercom endpoints document."""
    return ApiError(404, code, message)


def invalid(message: str, status: int = 400) -> ApiError:
    return ApiError(status, "parameter_invalid", message)


def missing(message: str) -> ApiError:
    return ApiError(400, "parameter_not_found", message)
