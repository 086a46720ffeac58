"""How Zendesk reports its rate limit, for the shared pacer (``providers.common.pacing``).

Every response carries ``X-Rate-Limit`` (requests per minute for the plan) and
``X-Rate-Limit-Remaining``; list endpoints add ``ratelimit-limit``, ``ratelimit-remaining`` and
``ratelimit-reset`` (seconds until the minute refills). Help Center requests count against a
separate budget of the same size, so they are paced as their own bucket.
"""

from __future__ import annotations

import httpx

from providers.common.pacing import RateHeaders, RateInfo, header_number

WINDOW_SECONDS = 60.0
HELP_CENTER_PREFIX = "/api/v2/help_center"


def read_rate_headers(headers: httpx.Headers) -> RateInfo | None:
    limit = header_number(headers, "X-Rate-Limit", "ratelimit-limit")
    remaining = header_number(headers, "X-Rate-Limit-Remaining", "ratelimit-remaining")
    if limit is None or remaining is None:
        return None
    return RateInfo(int(limit), int(remaining), WINDOW_SECONDS, header_number(headers, "ratelimit-reset"))


def bucket_of(path: str) -> str:
    return "help_center" if path.startswith(HELP_CENTER_PREFIX) else "support"


RATE_HEADERS = RateHeaders(read=read_rate_headers, bucket_of=bucket_of)
