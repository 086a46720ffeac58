"""How Freshdesk reports its rate limit, for the shared pacer (``providers.common.pacing``).

The budget is per account and per minute, shared by every agent, key and IP (research note 1.3).
Every response carries ``X-RateLimit-Total`` and ``X-RateLimit-Remaining`` (and
``X-RateLimit-Used-CurrentRequest``, which exceeds 1 for ``include=`` embeds; the remaining figure
already accounts for it). There is no reset header, so the pacer spreads the reserve over a
whole minute; a 429 carries ``Retry-After`` in seconds, which the pacer honours for every thread.
"""

from __future__ import annotations

import httpx

from providers.common.pacing import RateHeaders, RateInfo, header_number

WINDOW_SECONDS = 60.0


def read_rate_headers(headers: httpx.Headers) -> RateInfo | None:
    total = header_number(headers, "X-RateLimit-Total")
    remaining = header_number(headers, "X-RateLimit-Remaining")
    if total is None or remaining is None:
        return None
    return RateInfo(int(total), int(remaining), WINDOW_SECONDS)


RATE_HEADERS = RateHeaders(read=read_rate_headers)
