"""The fewest requests the Freshdesk API allows for reading an account: the yardstick of reads.

A list costs one request per page at the largest page size (100; ticket forms allow 50); the
admin ticket field list and each field's sections come whole in one request. What the API
only lists per parent costs a request per parent that has children (the parents say how many:
``responses_count``, ``articles_count``, ``sub_folders_count``, ``has_section``): canned
responses per folder, solution folders per category and subfolders per folder, articles per
folder, sections per ticket field. Ticket forms come without their fields in the list, so
every form but the default one costs one more GET. Lists several kinds need (the categories,
the folders, the field lists rules translate names with) are counted once, under the kind
that owns them.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

PAGE_SIZE = 100
FORMS_PAGE_SIZE = 50

# Kinds answered whole by one request.
ONE_REQUEST = frozenset({"ticket_fields"})


def pages(count: int, size: int = PAGE_SIZE) -> int:
    """Requests to list ``count`` items at page size ``size``. An empty list is one page, and
    a full last page costs one more request: not every Freshdesk list sends a ``Link`` header,
    so only a short page proves the list has ended (research note 1.2)."""
    return count // size + 1


def _per_parent(objects: list[dict[str, Any]], parent_field: str) -> int:
    """One list (of as many pages as needed) per parent that has children."""
    return sum(pages(n) for n in Counter(o.get(parent_field) for o in objects).values())


def minimum_reads(raw: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """The fewest requests to read ``raw`` (objects as the adapter returns them), by kind."""
    found: dict[str, int] = {}
    for kind, objects in raw.items():
        if kind in ONE_REQUEST:
            found[kind] = 1
        elif kind == "ticket_forms":
            found[kind] = pages(len(objects), FORMS_PAGE_SIZE) + sum(1 for o in objects if not o.get("default"))
        elif kind == "ticket_field_sections":
            found[kind] = len({o.get("parent_ticket_field_id") for o in objects})
        elif kind == "canned_responses":
            found[kind] = _per_parent(objects, "folder_id")
        elif kind == "solution_articles":
            found[kind] = _per_parent(objects, "folder_id")
        elif kind == "solution_folders":
            top = [o for o in objects if not o.get("parent_folder_id")]
            nested = [o for o in objects if o.get("parent_folder_id")]
            categories = len(raw.get("solution_categories", [])) or len({o.get("category_id") for o in top})
            # every category's folder list, even an empty one (categories do not count folders)
            found[kind] = categories + sum(pages(n) - 1 for n in Counter(o.get("category_id") for o in top).values())
            found[kind] += _per_parent(nested, "parent_folder_id")
        else:
            found[kind] = pages(len(objects))
    return found
