"""Reading request bodies and query strings the way Intercom validates them.

Kept apart from the resource modules so that every kind rejects malformed input identically:
a body that is not a JSON object, a boolean query flag that is not ``true``/``false``, a page
number that is not a positive integer.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from .errors import ApiError, invalid


def body_object(request: httpx.Request) -> dict[str, Any]:
    """The JSON body as a dict; an empty body counts as ``{}``."""
    raw = request.content
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        raise ApiError(400, "bad_request", "There was a problem in the JSON you submitted") from None
    if not isinstance(data, dict):
        raise ApiError(400, "bad_request", "There was a problem in the JSON you submitted")
    return data


def query_bool(request: httpx.Request, name: str, default: bool = False) -> bool:
    raw = request.url.params.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("true", "1"):
        return True
    if raw.lower() in ("false", "0"):
        return False
    raise invalid(f"{name} must be a boolean")


def query_int(request: httpx.Request, name: str, default: int, *, minimum: int = 1,
              maximum: int | None = None) -> int:
    raw = request.url.params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise invalid(f"{name} must be an integer") from None
    if value < minimum or (maximum is not None and value > maximum):
        bounds = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
        raise invalid(f"{name} must be {bounds}")
    return value


def optional_bool(body: dict[str, Any], name: str) -> bool | None:
    if name not in body or body[name] is None:
        return None
    value = body[name]
    if not isinstance(value, bool):
        raise invalid(f"{name} must be a boolean")
    return value


def optional_str(body: dict[str, Any], name: str) -> str | None:
    if name not in body or body[name] is None:
        return None
    value = body[name]
    if not isinstance(value, str):
        raise invalid(f"{name} must be a string")
    return value


def as_int_id(value: Any, name: str) -> int:
    """Ids Intercom documents as integers but clients often send as strings (e.g. parent_id)."""
    if isinstance(value, bool):
        raise invalid(f"{name} must be an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise invalid(f"{name} must be an integer")
