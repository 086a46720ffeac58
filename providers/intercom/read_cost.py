"""The fewest requests the Intercom API allows for reading a workspace: the yardstick of reads.

Each kind's list style (``paging``, see ``paging.py``) sets its cost: a whole list in one
answer costs one request; page-number lists (articles, collections, news) cost one per page of
``PAGE_SIZE`` (their real maximum is undocumented; 50 is accepted by all of them) and know
their last page from ``total_pages``; the cursor list (macros) costs one per page of 150, the
documented maximum. Office hours schedules have no bulk list of exceptions: one more request
per schedule. A plan also asks ``/me`` once, for the workspace it is bound to.
"""

from __future__ import annotations

import math
from typing import Any

from providers.intercom.paging import CURSOR_PAGE_SIZE, PAGE_SIZE

PER_PARENT = {"office_hours_schedules"}  # + one exceptions request per schedule


def minimum_for(paging: str, objects: list[dict[str, Any]]) -> int:
    if paging == "pages":
        return max(1, math.ceil(len(objects) / PAGE_SIZE))
    if paging == "cursor":
        return max(1, math.ceil(len(objects) / CURSOR_PAGE_SIZE))
    return 1


def minimum_reads(raw: dict[str, list[dict[str, Any]]], paging_of: dict[str, str]) -> dict[str, int]:
    """The fewest requests to read ``raw`` (by kind), given each kind's list style."""
    return {kind: minimum_for(paging_of.get(kind, "none"), objects) + (len(objects) if kind in PER_PARENT else 0)
            for kind, objects in raw.items()}
