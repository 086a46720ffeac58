"""Trigger categories (Block 5): named groups of triggers; triggers fire category by category.

+ name: natural key; triggers name their category by it (``category_id: Routing``).
The YAML order is the firing order of the categories. Categories have string ids, update with
PATCH and are reordered through the batch job endpoint (``/trigger_categories/jobs``), which is
also the only way to reorder triggers once an account has more than one category. A category
that still holds triggers cannot be deleted; the plan says so before anything is sent.
"""

from __future__ import annotations

from typing import Any

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Capabilities, Kind

PATH = "/api/v2/trigger_categories"
JOBS = f"{PATH}/jobs"


class TriggerCategory(Strict):
    name: str


def run_job(adapter, items: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    """One validated batch of position/category changes (Zendesk applies all of it or none)."""
    adapter.http.json("POST", JOBS, json_body={"job": {"action": "patch", "items": items}})


class CategoryOperations:
    @staticmethod
    def reorder(adapter, kind: Kind, ids: list[Any]) -> None:  # type: ignore[no-untyped-def]
        run_job(adapter, {"trigger_categories": [{"id": str(i), "position": n} for n, i in enumerate(ids, start=1)]})


TRIGGER_CATEGORIES = Kind(
    name="trigger_categories", block=5, natural_key="name", path=PATH, envelope="trigger_category",
    list_key="trigger_categories", ordered=True, model=TriggerCategory,
    capabilities=Capabilities(reorder=True),
    api={"operations": CategoryOperations, "update_method": "PATCH"},
    summary="Trigger categories, in firing order; triggers name theirs.",
    example="trigger_categories:\n  - name: Routing\n  - name: Notifications\n",
)
