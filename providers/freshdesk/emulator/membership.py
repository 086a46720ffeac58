"""Agent membership in groups and skills, kept in one place so both sides always agree.

Freshdesk exposes membership from both ends: ``group.agent_ids`` and ``agent.group_ids``,
``skill.agents[{id}]`` and ``agent.skill_ids``. Writing either end changes what the other end
reads. The emulator stores membership only on the agent (``group_ids``/``skill_ids``) and derives
the group and skill side when rendering, so the two can never drift apart.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Store
from providers.freshdesk.emulator.records import by_id


def members(store: Store, field: str, target_id: Any) -> list[int]:
    """Ids of agents whose ``field`` (``group_ids`` or ``skill_ids``) contains ``target_id``."""
    wanted = int(target_id)
    return [a["id"] for a in by_id(store["agents"].values()) if wanted in a.get(field, [])]


def set_members(store: Store, field: str, target_id: Any, agent_ids: list[int]) -> None:
    """Make exactly ``agent_ids`` the members of one group or skill."""
    wanted = int(target_id)
    keep = {int(i) for i in agent_ids}
    for agent in store["agents"].values():
        current = agent.setdefault(field, [])
        if agent["id"] in keep and wanted not in current:
            current.append(wanted)
        elif agent["id"] not in keep and wanted in current:
            current.remove(wanted)


def forget(store: Store, field: str, target_id: Any) -> None:
    """Drop a deleted group or skill from every agent."""
    set_members(store, field, target_id, [])
