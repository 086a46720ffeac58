"""Group SLA policies (``/group_slas/policies``, wrapper ``group_sla_policy``), unpaginated.

Like SLA policies but with ULID-like string ids, a filter with only ``all`` conditions on
``group_id`` (operator ``includes``/``not_includes``, value a list of existing group ids) and a
single metric, ``group_ownership_time``, whose target is in seconds. Reorder takes
``group_sla_policy_ids`` in the query or the body.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import blank, invalid
from providers.zendesk.emulator.pagination import by_position, respond_list
from providers.zendesk.emulator.records import (
    get_or_404, new_ulid, next_position, reorder_ids, sort_by_position, stamp_created, touch,
)
from providers.zendesk.emulator.sla_policies import PRIORITIES

BASE = "/api/v2/group_slas/policies"
OPERATORS = ("includes", "not_includes")


def _filter(ctx: RequestContext, given: Any) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(given, dict) or not isinstance(given.get("all"), list) or not given["all"]:
        raise blank("filter")
    conditions = []
    for condition in given["all"]:
        if not isinstance(condition, dict) or condition.get("field") != "group_id":
            raise invalid("filter", "Filter: only group_id conditions are allowed")
        if condition.get("operator") not in OPERATORS:
            raise invalid("filter", f"Filter: operator must be one of {', '.join(OPERATORS)}")
        values = condition.get("value")
        if not isinstance(values, list) or not values:
            raise invalid("filter", "Filter: value must be a list of group ids")
        for group_id in values:
            group = ctx.store["groups"].get(group_id)
            if group is None or group.get("deleted"):
                raise invalid("filter", f"Filter: group {group_id} does not exist")
        conditions.append({"field": "group_id", "operator": condition["operator"], "value": [int(v) for v in values]})
    return {"all": conditions}


def _metrics(given: Any) -> list[dict[str, Any]]:
    if not isinstance(given, list):
        raise invalid("policy_metrics", "Policy metrics: must be a list")
    out = []
    for metric in given:
        if not isinstance(metric, dict) or metric.get("metric") != "group_ownership_time":
            raise invalid("policy_metrics", "Policy metrics: metric must be group_ownership_time")
        if metric.get("priority") not in PRIORITIES:
            raise invalid("policy_metrics", f"Policy metrics: priority {metric.get('priority')!r} is not valid")
        target = metric.get("target")
        if isinstance(target, bool) or not isinstance(target, int) or target <= 0:
            raise invalid("policy_metrics", "Policy metrics: target must be a positive number of seconds")
        out.append({"priority": metric["priority"], "metric": "group_ownership_time", "target": target,
                    "business_hours": bool(metric.get("business_hours", False))})
    return out


def render(ctx: RequestContext, policy: dict[str, Any]) -> dict[str, Any]:
    return {**policy, "url": ctx.api_url(f"/group_slas/policies/{policy['id']}")}


def _apply(ctx: RequestContext, policy: dict[str, Any], data: dict[str, Any], creating: bool) -> None:
    if creating or "title" in data:
        if not data.get("title"):
            raise blank("title")
        policy["title"] = data["title"]
    if creating or "filter" in data:
        policy["filter"] = _filter(ctx, data.get("filter"))
    if "policy_metrics" in data:
        policy["policy_metrics"] = _metrics(data["policy_metrics"])
    for name in ("description", "position"):
        if name in data:
            policy[name] = data[name]


def list_policies(ctx: RequestContext):
    policies = sort_by_position(ctx.store["group_sla_policies"].values())
    return respond_list(ctx, "group_sla_policies", [render(ctx, p) for p in policies],
                        mode="unpaginated", sort_key=by_position)


def show_policy(ctx: RequestContext, policy_id: str):
    return json_response(200, {"group_sla_policy": render(ctx, get_or_404(ctx.store["group_sla_policies"], policy_id))})


def create_policy(ctx: RequestContext):
    data = ctx.wrapped("group_sla_policy")
    policy: dict[str, Any] = {"id": "", "title": "", "description": "",
                              "position": next_position(ctx.store["group_sla_policies"].values()),
                              "filter": {"all": []}, "policy_metrics": []}
    _apply(ctx, policy, data, creating=True)
    policy["id"] = new_ulid(ctx.store, "group_sla_policies")
    ctx.store["group_sla_policies"].put(stamp_created(policy))
    return json_response(201, {"group_sla_policy": render(ctx, policy)})


def update_policy(ctx: RequestContext, policy_id: str):
    policy = get_or_404(ctx.store["group_sla_policies"], policy_id)
    draft = dict(policy)
    _apply(ctx, draft, ctx.wrapped("group_sla_policy"), creating=False)
    policy.update(draft)
    touch(policy)
    return json_response(200, {"group_sla_policy": render(ctx, policy)})


def delete_policy(ctx: RequestContext, policy_id: str):
    policy = get_or_404(ctx.store["group_sla_policies"], policy_id)
    ctx.store["group_sla_policies"].remove(policy["id"])
    return json_response(204)


def reorder_policies(ctx: RequestContext):
    ids: list[Any] = ctx.query_list("group_sla_policy_ids")
    body = ctx.body()
    if not ids and isinstance(body, dict) and isinstance(body.get("group_sla_policy_ids"), list):
        ids = body["group_sla_policy_ids"]
    if not ids:
        raise blank("group_sla_policy_ids", "Group sla policy ids")
    reorder_ids(ctx.store["group_sla_policies"], [str(i) for i in ids])
    return json_response(200)


def definitions(ctx: RequestContext):
    groups = [{"title": g["name"], "value": g["id"]} for g in ctx.store["groups"].values() if not g["deleted"]]
    operators = [{"title": "Contains at least one of the following", "value": "includes"},
                 {"title": "Contains none of the following", "value": "not_includes"}]
    return json_response(200, {"definitions": {"all": [{
        "group": "ticket", "operators": operators, "title": "Group ID", "value": "group_id",
        "values": {"list": groups, "type": "list"}}]}})


def register(router: Router) -> None:
    router.add("GET", BASE, list_policies)
    router.add("POST", BASE, create_policy)
    router.add("GET", f"{BASE}/definitions", definitions)
    router.add("PUT", f"{BASE}/reorder", reorder_policies)
    router.add("GET", f"{BASE}/{{policy_id}}", show_policy)
    router.add("PUT", f"{BASE}/{{policy_id}}", update_policy)
    router.add("DELETE", f"{BASE}/{{policy_id}}", delete_policy)
