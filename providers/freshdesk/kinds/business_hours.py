"""Business hours (Block 1, read-only): the calendars SLA timers and groups run on.

+ name: natural key ("Default" exists in every account). Freshdesk does not keep names unique
  (its own doc example has two calendars called "Default"); two live calendars with one name
  are an ``ambiguous_match`` to resolve with ``match_id``.
+ description, time_zone, business_hours: ``{monday: {start_time: "08:00:00 am", end_time: ...}}``.
The API cannot create or change calendars. Declaring one checks it for drift and lets groups
name it (``business_hour_id: Support hours``).
"""

from __future__ import annotations

from typing import Any

from providers.freshdesk.kinds._common import Strict, model_fields, pick
from provisioner.kind import Capabilities, Kind

WHY = "read-only in the Freshdesk API; edit calendars in Admin → Business Hours"


class Hours(Strict):
    start_time: str
    end_time: str


class BusinessHours(Strict):
    name: str
    description: str | None = None
    time_zone: str | None = None
    business_hours: dict[str, Hours] | None = None


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    return pick(doc, model_fields(BusinessHours))


BUSINESS_HOURS = Kind(
    name="business_hours", block=1, natural_key="name", path="/api/v2/business_hours",
    server_owned=frozenset({"id", "created_at", "updated_at", "is_default"}),
    builtin=frozenset({"Default"}), model=BusinessHours, normalize=normalize,
    is_system=lambda raw: bool(raw.get("is_default")),
    capabilities=Capabilities(create=False, update=False, delete=False,
                              why_not={"create": WHY, "update": WHY, "delete": WHY}),
    summary="Business hours calendars (read-only): checked for drift, named by groups.",
    example=("business_hours:\n  - name: Default\n    time_zone: Eastern Time (US & Canada)\n"),
)
