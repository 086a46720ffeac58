"""Teams (Block 2, read-only): drift only.

+ name: natural key. + admin_ids: the members' emails (compared as a set).
+ distribution_method, assignment_limit.
Teams cannot be created, renamed, re-staffed or deleted through the 2.16 API (membership
changes exist only in the Preview version). Declare the teams other objects name
(conversation attributes, macros) and the ones whose membership you want drift reports on; a
difference is reported, never applied.
"""

from __future__ import annotations

from providers.intercom.kinds._common import Strict
from provisioner.kind import Capabilities, Kind
from provisioner.references import Ref

UI_ONLY = "teams are managed in the Intercom UI; API 2.16 can only read them (drift is reported, not applied)"


class Team(Strict):
    name: str
    admin_ids: list[str] | None = None
    distribution_method: str | None = None
    assignment_limit: int | None = None


TEAMS = Kind(
    name="teams", block=2, natural_key="name", path="/teams", list_key="teams", model=Team,
    server_owned=frozenset({"id", "type", "admin_priority_level"}),
    references=(Ref("admin_ids", "admins"),), unordered=frozenset({"admin_ids"}),
    capabilities=Capabilities(create=False, update=False, delete=False,
                              why_not={"create": UI_ONLY, "update": UI_ONLY, "delete": UI_ONLY}),
    api={"paging": "none"},
    summary="Teams (read-only): named by other objects; membership drift is reported.",
    example="teams:\n  - name: Support\n    admin_ids: [ada@example.com, grace@example.com]\n",
)
