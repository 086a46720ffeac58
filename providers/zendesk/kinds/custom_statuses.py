"""Custom ticket statuses (Block 4): the statuses agents pick, each in one status category.

+ agent_label: natural key (at most 48 characters); forms and rules name a status by it
  (``{field: custom_status_id, value: Waiting on billing}``).
+ status_category: new, open, pending, hold or solved. Immutable.
+ end_user_label, description, end_user_description, active (compared even when left out).
Every account has one default status per category (New, Open, Pending, On-hold, Solved); they
can be renamed but not deactivated or deleted.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Kind

DEFAULT_STATUSES = frozenset({"New", "Open", "Pending", "On-hold", "Solved"})


class CustomStatus(Strict):
    agent_label: str = Field(max_length=48)
    status_category: Literal["new", "open", "pending", "hold", "solved"]
    end_user_label: str | None = None
    description: str | None = None
    end_user_description: str | None = None
    active: bool | None = None


CUSTOM_STATUSES = Kind(
    name="custom_statuses", block=4, natural_key="agent_label", path="/api/v2/custom_statuses",
    envelope="custom_status", list_key="custom_statuses",
    server_owned=frozenset({"id", "url", "created_at", "updated_at", "default"}),
    immutable=frozenset({"status_category"}), builtin=DEFAULT_STATUSES, model=CustomStatus,
    defaults={"active": True}, is_system=lambda raw: bool(raw.get("default")),
    api={"paging": "none"},
    summary="Custom ticket statuses within the five status categories.",
    example=("custom_statuses:\n  - agent_label: Waiting on billing\n    status_category: hold\n"
             "    end_user_label: In progress\n"),
)
