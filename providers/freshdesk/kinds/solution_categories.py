"""Solution categories (Block 8): the top level of the knowledge base.

+ name: natural key, unique. + description.
Which portals show a category is not managed (portal ids differ per account); a new category
shows in the main portal. Deleting a category deletes its folders and articles, so it happens
only when pruning is asked for, and the plan lists it.
"""

from __future__ import annotations

from typing import Any

from providers.freshdesk.kinds._common import Strict, pick
from provisioner.kind import Kind


class SolutionCategory(Strict):
    name: str
    description: str | None = None


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    return pick(doc, ("name", "description"))


SOLUTION_CATEGORIES = Kind(
    name="solution_categories", block=8, natural_key="name", path="/api/v2/solutions/categories",
    server_owned=frozenset({"id", "created_at", "updated_at", "visible_in_portals"}),
    model=SolutionCategory, normalize=normalize,
    summary="Knowledge base categories.",
    example="solution_categories:\n  - name: Getting started\n    description: First steps with the product\n",
)
