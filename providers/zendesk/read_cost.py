"""The fewest requests the Zendesk API allows for reading an account: the yardstick of reads.

A list endpoint costs one request per page of 100 (the largest page size); an unpaginated one
costs one. Where the API can embed children in the list (Help Center ``include=translations``,
routing ``include=attribute_values``) they cost nothing more. Only what the API cannot list in
bulk costs a request per parent: a schedule's holidays, and the locale table dynamic content
needs to turn ``locale_id`` into a code. Lists two kinds both need (groups for memberships,
ticket forms for form statuses) are counted once, under the kind that owns them.

Benchmarks and a test compare the requests a read really made against these figures, so any
read that slips into one request per object shows up as a ratio above 1.00.
"""

from __future__ import annotations

import math
from typing import Any

PAGE_SIZE = 100

# Kinds answered whole by one request (``paging: none`` and the singleton settings).
ONE_REQUEST = frozenset({
    "account_settings", "custom_roles", "custom_statuses", "sla_policies", "group_sla_policies", "targets",
    "app_installations", "help_center_permission_groups", "help_center_user_segments", "routing_attributes",
    "ticket_form_statuses",
})


def pages(count: int) -> int:
    """Requests to list ``count`` items at the largest page size (an empty list is one page)."""
    return max(1, math.ceil(count / PAGE_SIZE))


def minimum_for(kind: str, objects: list[dict[str, Any]]) -> int:
    """The fewest requests to read ``objects`` (raw, as the adapter returns them) of ``kind``."""
    if kind in ONE_REQUEST:
        return 1
    if kind == "schedules":
        return 1 + len(objects)  # holidays have no bulk list and no sideload
    if kind == "group_memberships":
        return pages(sum(len(o.get("user_ids") or []) for o in objects))
    if kind == "dynamic_content_items":
        return pages(len(objects)) + 1  # + GET /locales, to name each variant's locale
    return pages(len(objects))


def minimum_reads(raw: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """``minimum_for`` of every kind read, by kind name."""
    return {kind: minimum_for(kind, objects) for kind, objects in raw.items()}


def longest_chain(raw: dict[str, list[dict[str, Any]]], workers: int) -> int:
    """The most requests one kind needs one after another: a list's pages follow each other
    (each names the next), while per-parent children go ``workers`` at a time. At a given
    latency a read cannot be faster than this many round trips."""
    return max((1 + math.ceil(len(objects) / workers) if kind == "schedules" else minimum_for(kind, objects)
                for kind, objects in raw.items()), default=0)
