"""Group memberships (Block 2): which agents work in a group, one object per group.

+ group: natural key, the group's name.
+ agents: the agents' emails, the complete set (any order): agents not listed are removed from
  the group, listed ones are added. Each email is checked against the target account when
  planning: an agent the account lacks is a ``missing_user`` error (or, with ``fallback_user``
  in provisioner.yaml, that person with a warning), never a failure half-way through an apply.
Groups whose memberships the YAML does not declare are left alone. Zendesk keeps one
membership per agent and group (``/group_memberships``); the operations below add and remove
exactly the differences. An agent's first group becomes their default group.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Doc, Kind
from provisioner.references import Ref

PATH = "/api/v2/group_memberships"


class GroupMembers(Strict):
    group: str
    agents: list[str] = Field(min_length=1)


def normalize(doc: Doc) -> Doc:
    return {"group": doc.get("group"), "agents": list(doc.get("user_ids") or [])}


def to_payload(doc: Doc) -> Doc:
    return dict(doc)


class MembershipOperations:
    """Reads memberships and groups them by group; writes one membership at a time."""

    @staticmethod
    def read(adapter, kind: Kind) -> list[Doc]:  # type: ignore[no-untyped-def]
        groups = {g["id"]: g for g in adapter.list_all("/api/v2/groups", "groups", params={"exclude_deleted": "true"})}
        by_group: dict[Any, Doc] = {}
        for membership in adapter.list_all(PATH, "group_memberships"):
            group = groups.get(membership["group_id"])
            if group is None:
                continue
            entry = by_group.setdefault(group["id"], {
                "id": group["id"], "group": group["name"], "default_group": bool(group.get("default")),
                "user_ids": [], "membership_ids": {}})
            entry["user_ids"].append(membership["user_id"])
            entry["membership_ids"][str(membership["user_id"])] = membership["id"]
        for entry in by_group.values():
            entry["user_ids"].sort()
        return list(by_group.values())

    @staticmethod
    def create(adapter, kind: Kind, body: Doc) -> Doc:  # type: ignore[no-untyped-def]
        for user_id in dict.fromkeys(body["agents"]):  # the fallback person may stand in twice
            _add(adapter, body["group"], user_id)
        return {"id": body["group"]}

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:  # type: ignore[no-untyped-def]
        current = _memberships(adapter, obj_id)
        wanted = {str(u) for u in body.get("agents") or []}
        for user_id, membership_id in current.items():
            if user_id not in wanted:
                adapter.http.request("DELETE", f"{PATH}/{membership_id}", ok_statuses=(404,))
        for user_id in dict.fromkeys(body.get("agents") or []):
            if str(user_id) not in current:
                _add(adapter, obj_id, user_id)
        return {}

    @staticmethod
    def delete(adapter, kind: Kind, obj_id: Any) -> None:  # type: ignore[no-untyped-def]
        for membership_id in _memberships(adapter, obj_id).values():
            adapter.http.request("DELETE", f"{PATH}/{membership_id}", ok_statuses=(404,))


def _memberships(adapter, group_id: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """user id (as text) -> membership id, for one group."""
    found = adapter.list_all(f"/api/v2/groups/{group_id}/memberships", "group_memberships")
    return {str(m["user_id"]): m["id"] for m in found}


def _add(adapter, group_id: Any, user_id: Any) -> None:  # type: ignore[no-untyped-def]
    adapter.http.json("POST", PATH, json_body={"group_membership": {"user_id": user_id, "group_id": group_id}})


GROUP_MEMBERSHIPS = Kind(
    name="group_memberships", block=2, natural_key="group", path=PATH,
    server_owned=frozenset({"id", "default_group", "membership_ids"}),
    references=(Ref("group", "groups"), Ref("agents", "agents")), unordered=frozenset({"agents"}),
    model=GroupMembers, normalize=normalize, to_payload=to_payload,
    # New agents join the default group automatically: its members are the account's unless declared.
    is_system=lambda raw: bool(raw.get("default_group")),
    api={"operations": MembershipOperations},
    summary="Which agents (by email) work in each group.",
    example="group_memberships:\n  - group: Billing\n    agents: [ana@example.com, bo@example.com]\n",
)
