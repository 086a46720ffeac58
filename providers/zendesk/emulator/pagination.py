"""Zendesk's two pagination styles, plus the unpaginated lists some config endpoints use.

* Cursor (``page[size]``, ``page[after]``, ``page[before]``): body gets ``meta {has_more,
  after_cursor, before_cursor}`` and absolute ``links {next, prev}``. ``page[size]`` above 100 is
  a 400. A cursor encodes the sort key of the edge item (not an offset), so records created or
  deleted between two page requests neither repeat nor get skipped, as with the real opaque
  cursors.
* Offset (``page``, ``per_page``): ``next_page``/``previous_page`` absolute URLs and ``count``.
  ``per_page`` is capped at 100; asking for anything past the first 10,000 records is a 400
  (enforced by Zendesk since 2024).
* Unpaginated: everything at once with ``count`` and null page links (SLA policies, custom
  roles, schedules, ticket fields without ``page[size]``...).
"""

from __future__ import annotations

import base64
import json
from typing import Any, Callable

import httpx

from providers.common.emulation import json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import bad_request

MAX_PAGE_SIZE = 100
OFFSET_RECORD_LIMIT = 10_000
CURSOR_PARAMS = ("page[size]", "page[after]", "page[before]")

SortKey = Callable[[dict[str, Any]], list[Any]]


def by_id(obj: dict[str, Any]) -> list[Any]:
    return [obj["id"]]


def by_position(obj: dict[str, Any]) -> list[Any]:
    position = obj.get("position")
    return [position if position is not None else 0, obj["id"]]


def respond_list(ctx: RequestContext, key: str, items: list[dict[str, Any]], *, mode: str = "dual",
                 sort_key: SortKey = by_id, descending: bool = False,
                 extra: dict[str, Any] | None = None, per_page_default: int = MAX_PAGE_SIZE,
                 render: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> httpx.Response:
    """A list response for ``items`` (already sorted by ``sort_key``) in the endpoint's style.

    ``mode`` is one of ``dual`` (cursor when a cursor parameter is present, offset otherwise),
    ``cursor`` (always cursor), ``unpaginated``, ``cursor_or_all`` (cursor or everything) and
    ``any`` (cursor, offset when ``page``/``per_page`` is given, otherwise everything).
    ``descending`` says the items are in decreasing ``sort_key`` order (``sort_order=desc``).
    ``per_page_default`` is the offset page size when ``per_page`` is absent (30 for articles).
    ``render`` (stored record -> what the API shows) is applied to the answered page only:
    rendering all 10,000 records to answer one page of 100 made listing quadratic.
    """
    ctx.is_list = True
    params = ctx.request.url.params
    wants_cursor = any(p in params for p in CURSOR_PARAMS)
    wants_offset = "page" in params or "per_page" in params
    if mode == "cursor" or (wants_cursor and mode != "unpaginated"):
        body = _cursor_page(ctx, key, items, sort_key, descending)
    elif mode == "dual" or (mode == "any" and wants_offset):
        body = _offset_page(ctx, key, items, per_page_default)
    else:
        body = {key: items, "next_page": None, "previous_page": None, "count": len(items)}
    if render is not None:
        body[key] = [render(item) for item in body[key]]
    if extra:
        body.update(extra)
    return json_response(200, body)


def _encode_cursor(key: list[Any]) -> str:
    raw = json.dumps(key, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(token: str, name: str) -> list[Any]:
    try:
        padded = token + "=" * (-len(token) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError):
        raise bad_request("InvalidPaginationParameter", f"{name} is not a valid cursor") from None
    if not isinstance(value, list):
        raise bad_request("InvalidPaginationParameter", f"{name} is not a valid cursor")
    return value


def _comparable(key: list[Any]) -> list[Any]:
    """Keys mix ints and strings only position-wise; tag each part so comparison never fails."""
    return [(0, part) if isinstance(part, (int, float)) else (1, str(part)) for part in key]


def _page_size(ctx: RequestContext) -> int:
    raw = ctx.query("page[size]")
    if raw is None:
        return MAX_PAGE_SIZE
    try:
        size = int(raw)
    except ValueError:
        raise bad_request("InvalidPaginationParameter", "page[size] must be an integer") from None
    if size < 1:
        raise bad_request("InvalidPaginationParameter", "page[size] must be greater than 0")
    if size > MAX_PAGE_SIZE:
        raise bad_request(
            "InvalidPaginationParameter",
            f"page[size] is greater than the maximum allowed of {MAX_PAGE_SIZE}",
        )
    return size


def _cursor_link(ctx: RequestContext, name: str, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    url = ctx.request.url
    for param in ("page[after]", "page[before]"):
        url = url.copy_remove_param(param)
    return str(url.copy_add_param(name, cursor))


def _cursor_page(ctx: RequestContext, key: str, items: list[dict[str, Any]],
                 sort_key: SortKey, descending: bool) -> dict[str, Any]:
    size = _page_size(ctx)
    after, before = ctx.query("page[after]"), ctx.query("page[before]")

    def beyond(key: list[Any], edge: list[Any]) -> bool:
        return key < edge if descending else key > edge

    def first_where(test: Callable[[dict[str, Any]], bool]) -> int:
        """The first index whose item passes ``test`` (false, then true, along the sorted items):
        a binary search, since keying all 10,000 records for every page made reading quadratic."""
        low, high = 0, len(items)
        while low < high:
            middle = (low + high) // 2
            if test(items[middle]):
                high = middle
            else:
                low = middle + 1
        return low

    if before:
        edge = _comparable(_decode_cursor(before, "page[before]"))
        end = first_where(lambda item: not beyond(edge, _comparable(sort_key(item))))
        chosen = items[max(0, end - size):end]
        has_more = end > size
    else:
        start = 0
        if after:
            edge = _comparable(_decode_cursor(after, "page[after]"))
            start = first_where(lambda item: beyond(_comparable(sort_key(item)), edge))
        chosen = items[start:start + size]
        has_more = len(items) - start > size
    after_cursor = _encode_cursor(sort_key(chosen[-1])) if chosen else None
    before_cursor = _encode_cursor(sort_key(chosen[0])) if chosen else None
    return {
        key: chosen,
        "meta": {"has_more": has_more, "after_cursor": after_cursor, "before_cursor": before_cursor},
        "links": {
            "next": _cursor_link(ctx, "page[after]", after_cursor),
            "prev": _cursor_link(ctx, "page[before]", before_cursor),
        },
    }


def _offset_page(ctx: RequestContext, key: str, items: list[dict[str, Any]],
                 per_page_default: int) -> dict[str, Any]:
    page = max(ctx.query_int("page") or 1, 1)
    per_page = min(max(ctx.query_int("per_page") or per_page_default, 1), MAX_PAGE_SIZE)
    start = (page - 1) * per_page
    if start >= OFFSET_RECORD_LIMIT:
        raise bad_request(
            "InvalidPaginationParameter",
            "Offset pagination is limited to the first 10000 records; use cursor pagination",
        )
    chunk = items[start:start + per_page]

    def link(number: int) -> str:
        url = ctx.request.url.copy_set_param("page", str(number))
        return str(url.copy_set_param("per_page", str(per_page)))

    has_next = start + per_page < len(items)
    return {
        key: chunk,
        "next_page": link(page + 1) if has_next else None,
        "previous_page": link(page - 1) if page > 1 else None,
        "count": len(items),
    }
