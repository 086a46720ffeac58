"""Intercom's three list styles, read to the end.

+ ``none``: one GET answers everything: ``{"type": "list", "data": [...]}``, or a named list
  for a few endpoints (``teams``, ``admins``; the kind's ``list_key``).
+ ``pages``: ``?page=N&per_page=M`` with ``pages {page, per_page, total_pages}`` (articles,
  collections, news). The first page gives the count; the others are then fetched side by side.
  Pages are asked for by number rather than by following ``pages.next``:
  that link is an absolute URL, and the token must never follow a link to another host. These
  lists are sorted by ``updated_at``, so an object edited between two page reads can move; ids
  already seen are skipped.
+ ``cursor``: ``?per_page=&starting_after=`` with the next cursor in
  ``pages.next.starting_after`` (macros).
"""

from __future__ import annotations

from typing import Any

from providers.common.fan_out import fan_out
from providers.common.http import JsonHttp
from provisioner.kind import Doc

PAGE_SIZE = 50  # accepted by every page-number list; the real maximum is undocumented for most
CURSOR_PAGE_SIZE = 150  # the documented maximum for macros
MAX_PAGES = 10_000  # a server that never says "last page" must not keep us reading forever


def read_list(http: JsonHttp, path: str, style: str, list_key: str = "data",
              params: dict[str, Any] | None = None) -> list[Doc]:
    query = dict(params or {})
    if style == "none":
        body = http.json("GET", path, params=query or None) or {}
        return list(body.get(list_key) or [])
    if style == "pages":
        return _page_numbers(http, path, list_key, query)
    if style == "cursor":
        return _cursor(http, path, list_key, query)
    raise ValueError(f"unknown paging style {style!r}")


def _page_numbers(http: JsonHttp, path: str, list_key: str, query: dict[str, Any]) -> list[Doc]:
    """Page 1 says how many pages there are; the rest are then asked for side by side
    (``fan_out``), so a list of 21 pages costs 4 round trips instead of 21."""

    def page(number: int) -> Doc:
        return http.json("GET", path, params={**query, "page": number, "per_page": PAGE_SIZE}) or {}

    first = page(1)
    total_pages = min(MAX_PAGES, (first.get("pages") or {}).get("total_pages") or 0)
    bodies = [first] + (fan_out(page, range(2, total_pages + 1)) if first.get(list_key) else [])
    items: list[Doc] = []
    seen: set[str] = set()
    for body in bodies:
        for item in body.get(list_key) or []:
            if str(item.get("id")) not in seen:
                seen.add(str(item.get("id")))
                items.append(item)
    return items


def _cursor(http: JsonHttp, path: str, list_key: str, query: dict[str, Any]) -> list[Doc]:
    items: list[Doc] = []
    cursor: str | None = None
    for _ in range(MAX_PAGES):
        params = {**query, "per_page": CURSOR_PAGE_SIZE}
        if cursor:
            params["starting_after"] = cursor
        body = http.json("GET", path, params=params) or {}
        items += body.get(list_key) or []
        following = (body.get("pages") or {}).get("next")
        cursor = following.get("starting_after") if isinstance(following, dict) else None
        if not cursor:
            break
    return items
