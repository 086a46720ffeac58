"""Fetch the children of many parents a few at a time.

Some lists exist only per parent (a Zendesk schedule's holidays, a Freshdesk folder's
articles, an Intercom schedule's exceptions): one request per parent is the least the API
allows, but one after another they cost a round trip each. Sent ``CHILD_CONCURRENCY`` at a
time they cost a few round trips in all; the rate-limit pacer still counts every one.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Sequence, TypeVar

P = TypeVar("P")
R = TypeVar("R")

CHILD_CONCURRENCY = 8  # as many as kinds are read at once (provisioner.live.READ_CONCURRENCY)


def fan_out(fetch: Callable[[P], R], parents: Sequence[P], workers: int = CHILD_CONCURRENCY) -> list[R]:
    """``[fetch(p) for p in parents]``, in that order, up to ``workers`` at once."""
    if len(parents) < 2:
        return [fetch(parent) for parent in parents]
    with ThreadPoolExecutor(max_workers=min(workers, len(parents))) as pool:
        return list(pool.map(fetch, parents))
