"""Intercom's three list styles, each exactly as the endpoints that use it answer.

1. Unpaginated: ``{"type": <list type>, <key>: [...]}`` — tags, data attributes, ticket types,
   teams, admins, conversation attributes, office hours. Built inline by those modules.
2. Page number (``?page=&per_page=``): articles, collections, news items, newsfeeds. The body has
   ``total_count`` and ``pages {type: "pages", page, per_page, total_pages}``; when there is a
   further page, ``pages.next`` is the absolute URL of that page (the ``pages_link`` schema: "a
   response that does not contain a next link does not have further data to fetch").
3. Cursor (``?per_page=&starting_after=``): macros. The cursor is base64 of the JSON array
   ``[updated_at, id]`` of the last item returned and ``pages.next`` is ``{"starting_after": ...}``
   or ``null`` on the last page.
"""

from __future__ import annotations

import base64
import json
import math
from typing import Any, Callable

import httpx

from .errors import ApiError
from .inputs import query_int

PAGE_MAX_PER_PAGE = 150  # not documented for these endpoints; Intercom's usual ceiling (macros: 150)


def page_number_list(request: httpx.Request, items: list[dict[str, Any]], *, default_per_page: int,
                     list_type: str = "list") -> dict[str, Any]:
    page = query_int(request, "page", 1)
    per_page = query_int(request, "per_page", default_per_page, maximum=PAGE_MAX_PER_PAGE)
    total = len(items)
    total_pages = math.ceil(total / per_page)
    start = (page - 1) * per_page
    pages: dict[str, Any] = {"type": "pages", "page": page, "per_page": per_page, "total_pages": total_pages}
    if page < total_pages:
        params = dict(request.url.params)
        params.update({"page": str(page + 1), "per_page": str(per_page)})
        pages["next"] = str(request.url.copy_with(params=params))
    return {"type": list_type, "data": items[start:start + per_page], "total_count": total, "pages": pages}


def encode_cursor(updated_at: float, item_id: str) -> str:
    return base64.b64encode(json.dumps([float(updated_at), str(item_id)]).encode()).decode()


def decode_cursor(cursor: str) -> tuple[float, str]:
    try:
        value = json.loads(base64.b64decode(cursor.encode(), validate=True))
        updated_at, item_id = value
        return float(updated_at), str(item_id)
    except (ValueError, TypeError):
        raise ApiError(400, "client_error", "Invalid starting_after param. Please try again using a "
                       "starting_after value from a paginated response") from None


def cursor_list(request: httpx.Request, items: list[dict[str, Any]], *, sort_key: Callable[[dict[str, Any]], tuple[float, str]],
                default_per_page: int, max_per_page: int, render: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any]:
    """Newest first by ``sort_key`` (updated_at, id); a page starts strictly after the cursor."""
    per_page = query_int(request, "per_page", default_per_page, maximum=max_per_page)
    ordered = sorted(items, key=lambda item: _descending(sort_key(item)))
    cursor = request.url.params.get("starting_after")
    if cursor:
        after = _descending(decode_cursor(cursor))
        ordered = [item for item in ordered if _descending(sort_key(item)) > after]
    page = ordered[:per_page]
    next_cursor = None
    if len(ordered) > per_page:
        updated_at, item_id = sort_key(page[-1])
        next_cursor = {"starting_after": encode_cursor(updated_at, item_id)}
    return {"type": "list", "data": [render(item) for item in page],
            "pages": {"type": "pages", "per_page": per_page, "next": next_cursor}}


def _descending(key: tuple[float, str]) -> tuple[float, int, str]:
    """Sort key for "newest first, then highest id first"; larger means later in the listing."""
    updated_at, item_id = key
    numeric = -int(item_id) if str(item_id).isdigit() else 0
    return (-updated_at, numeric, str(item_id))
