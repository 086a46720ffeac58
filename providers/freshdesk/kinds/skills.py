"""Skills (Block 5): omni-route matches tickets to agents who hold a skill.

+ name: natural key. The YAML order is the skills' rank (the first matching skill wins).
+ match_type: all or any of the conditions.
+ conditions: ``[{resource_type: ticket|contact|company, field_name, operator, value}]``; custom
  fields are named by their label (``field_name: Product Area``), built-in ones by Freshdesk's
  name (``priority``).
Which agents hold a skill is managed on the agents (``agents[].skill_ids``). The API updates
skills with PATCH only (a live client got 405 for the documented PUT).
"""

from __future__ import annotations

from typing import Any, Literal

from providers.freshdesk.field_names import rewrite_rule
from providers.freshdesk.kinds._common import Open, Strict, model_fields, pick
from provisioner.kind import Capabilities, Kind


class SkillCondition(Open):
    resource_type: Literal["ticket", "contact", "company"]
    field_name: str
    operator: str
    value: Any = None


class Skill(Strict):
    name: str
    match_type: Literal["all", "any"] | None = None
    conditions: list[SkillCondition] | None = None


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    return pick(doc, model_fields(Skill))


class SkillOperations:
    """Field names in conditions are labels in the YAML (``providers.freshdesk.field_names``)."""

    @staticmethod
    def read(adapter, kind: Kind) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
        return [rewrite_rule(raw, adapter.field_names.label) for raw in adapter.list_all(kind.path)]

    @staticmethod
    def create(adapter, kind: Kind, body: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        return adapter.http.json("POST", kind.path, json_body=rewrite_rule(body, adapter.field_names.name))

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        return adapter.http.json("PATCH", f"{kind.path}/{obj_id}", json_body=rewrite_rule(body, adapter.field_names.name))


SKILLS = Kind(
    name="skills", block=5, natural_key="name", path="/api/v2/admin/skills",
    server_owned=frozenset({"id", "created_at", "updated_at", "rank", "agents"}),
    ordered=True, model=Skill, normalize=normalize,
    capabilities=Capabilities(reorder=True),
    api={"operations": SkillOperations, "position_field": "rank"},
    summary="Omni-route skills, in rank order; agents hold them through agents[].skill_ids.",
    example=("skills:\n  - name: Spanish speakers\n    match_type: any\n    conditions:\n"
             "      - {resource_type: contact, field_name: language, operator: is, value: [es]}\n"),
)
