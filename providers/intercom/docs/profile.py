"""Intercom's desired state for the documents: what its public API can express.

Intercom's workflows, SLA rules and assignment rules are not in its API (2.16), so the SLA and
routing documents say that no policy or rule is declared; macros are read-only but may be
declared (checked for drift), and show in the agent reference.
"""

from __future__ import annotations

import re
from typing import Any

from provisioner.desired.state import DesiredState
from provisioner.docs.model import Integration, MacroDescription, RoutingRule, SlaPolicy, ViewDescription


def words(html: Any) -> str | None:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", str(html or ""))).strip()
    return text or None


class IntercomDocs:
    def sla_policies(self, state: DesiredState) -> list[SlaPolicy]:
        return []  # SLA rules are configured in Intercom's workflows, which the API cannot manage.

    def routing(self, state: DesiredState) -> list[RoutingRule]:
        return []  # Assignment happens in workflows, outside the API.

    def macros(self, state: DesiredState) -> list[MacroDescription]:
        return [MacroDescription(title=obj.key, category="Macros", sets=[], reply=words(obj.doc.get("body")),
                                 note=None, moves_to=None, available_to=str(obj.doc.get("visible_to", "all teammates")))
                for obj in state.of("macros")]

    def views(self, state: DesiredState) -> list[ViewDescription]:
        return []

    def integrations(self, state: DesiredState) -> list[Integration]:
        return []
