"""Macros (Block 6, read-only in API 2.16): saved replies, drift only.

+ name: natural key. + body: the HTML Intercom returns, placeholders written as
  ``<attribute key="user.name" default="there"/>``. + visible_to (everyone, specific_teams),
  visible_to_team_ids (team names), available_on (inbox, messenger).
Intercom 2.16 lists macros but has no endpoint to create, change or delete one.
"""

from __future__ import annotations

from providers.intercom.kinds._common import Strict
from provisioner.kind import Capabilities, Kind
from provisioner.references import Ref

READ_ONLY_API = "API 2.16 only lists macros (GET /macros); they are written in the Intercom UI"


class Macro(Strict):
    name: str
    body: str | None = None
    visible_to: str | None = None
    visible_to_team_ids: list[str] | None = None
    available_on: list[str] | None = None


MACROS = Kind(
    name="macros", block=6, natural_key="name", path="/macros", list_key="data", model=Macro,
    server_owned=frozenset({"id", "type", "body_text", "created_at", "updated_at"}),
    references=(Ref("visible_to_team_ids", "teams", id_as_string=True),),
    unordered=frozenset({"visible_to_team_ids", "available_on"}),
    capabilities=Capabilities(create=False, update=False, delete=False,
                              why_not={"create": READ_ONLY_API, "update": READ_ONLY_API, "delete": READ_ONLY_API}),
    api={"paging": "cursor"},
    summary="Macros (read-only in 2.16): drift reports on saved replies.",
    example="macros:\n  - name: Welcome Message\n    visible_to: everyone\n    available_on: [inbox]\n",
)
