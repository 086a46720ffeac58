"""Macros (Block 6): actions an agent applies in one click.

+ title: natural key. + actions: ``[{field, value}]`` (``comment_value`` for a reply,
  ``comment_mode_is_public: false`` for a note). + restriction: ``{type: Group, ids: [names]}``
  or absent for everyone. Only shared macros are managed; agents' personal macros are left alone.
"""

from __future__ import annotations

from providers.zendesk.kinds._rules import RESTRICTION_ID_REF, RESTRICTION_REF, Action, Restriction, Strict, rule_refs
from provisioner.kind import Capabilities, Kind


class Macro(Strict):
    title: str
    description: str | None = None
    active: bool | None = None
    actions: list[Action]
    restriction: Restriction | None = None


MACROS = Kind(
    name="macros", block=6, natural_key="title", path="/api/v2/macros", envelope="macro", list_key="macros",
    server_owned=frozenset({"id", "url", "created_at", "updated_at", "default", "position", "usage_1h",
                            "usage_24h", "usage_7d", "usage_30d", "app_installation", "permissions"}),
    references=rule_refs(conditions=False) + (RESTRICTION_REF, RESTRICTION_ID_REF), model=Macro, defaults={"active": True},
    capabilities=Capabilities(),
    api={"list_params": {"access": "shared"}, "newest_first": True},
    summary="Shared macros: one-click replies, notes and field changes.",
    example=("macros:\n  - title: Escalate to Tier 2\n    actions:\n      - {field: group_id, value: Support Tier 2}\n"
             "      - {field: comment_value, value: Escalated to Tier 2.}\n      - {field: comment_mode_is_public, value: 'false'}\n"),
)
