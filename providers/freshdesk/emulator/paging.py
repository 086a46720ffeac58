"""Freshdesk list pagination: ``page``/``per_page`` with a ``Link: <...>; rel="next"`` header.

The defaults are per_page 30 and at most 100 (research note 1.2). A larger per_page is refused
with a 400 in the validation shape rather than silently capped, because a live account does so
and a client that asks for 200 must learn it. Two endpoints differ, as found on a live account:
``admin/ticket_fields`` rejects the parameters and returns everything, and ``ticket-forms``
accepts at most 50 per page.
"""

from __future__ import annotations

from typing import Any, Callable

import httpx

from providers.common.emulation import json_response
from providers.freshdesk.emulator.context import RequestContext
from providers.freshdesk.emulator.errors import UNEXPECTED_FIELD_MESSAGE, field_error, validation_failed

DEFAULT_PER_PAGE = 30
MAX_PER_PAGE = 100
TICKET_FORMS_MAX_PER_PAGE = 50


def _positive_int(ctx: RequestContext, name: str, default: int, maximum: int | None) -> tuple[int, dict | None]:
    raw = ctx.query(name)
    if raw is None:
        return default, None
    limit = f" less than or equal to {maximum}" if maximum else ""
    problem = field_error(name, f"It should be a Positive Integer{limit}", "invalid_value")
    if not raw.isdigit() or int(raw) < 1:
        return default, problem
    value = int(raw)
    if maximum is not None and value > maximum:
        return default, problem
    return value, None


def page_window(ctx: RequestContext, max_per_page: int = MAX_PER_PAGE) -> tuple[int, int]:
    """The requested (page, per_page), or a 400 naming every bad parameter."""
    page, page_problem = _positive_int(ctx, "page", 1, None)
    per_page, size_problem = _positive_int(ctx, "per_page", DEFAULT_PER_PAGE, max_per_page)
    problems = [p for p in (page_problem, size_problem) if p]
    if problems:
        raise validation_failed(problems)
    return page, per_page


def paged(ctx: RequestContext, items: list[Any], *, max_per_page: int = MAX_PER_PAGE,
          render: Callable[[Any], Any] | None = None) -> httpx.Response:
    """One page of ``items`` as a bare array, with ``Link`` when another page exists.
    ``render`` turns a stored item into its answer: only the page's items are rendered."""
    page, per_page = page_window(ctx, max_per_page)
    start = (page - 1) * per_page
    chunk = items[start:start + per_page]
    if render is not None:
        chunk = [render(item) for item in chunk]
    headers: dict[str, str] = {}
    if start + per_page < len(items):
        next_url = ctx.request.url.copy_set_param("page", str(page + 1))
        if ctx.query("per_page") is None:
            next_url = next_url.copy_set_param("per_page", str(per_page))
        headers["Link"] = f'<{next_url}>; rel="next"'
    return json_response(200, chunk, headers)


def reject_paging(ctx: RequestContext) -> None:
    """For endpoints that answer the whole collection and refuse ``page``/``per_page``."""
    problems = [field_error(name, UNEXPECTED_FIELD_MESSAGE, "invalid_field")
                for name in ("page", "per_page") if ctx.query(name) is not None]
    if problems:
        raise validation_failed(problems)
