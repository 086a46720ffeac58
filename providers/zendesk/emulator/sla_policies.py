"""SLA policies (``/slas/policies``, wrapper ``sla_policy``, list key ``sla_policies``).

The list is unpaginated. ``title`` and ``filter {all, any}`` are required; each policy metric
needs a known priority and metric, an integer target (minutes) and a boolean
``business_hours``. ``PUT /slas/policies/reorder`` takes ``sla_policy_ids`` in the query (as
the OAS documents) or in the body (as Salto sends it), and answers with an empty body.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import blank, invalid
from providers.zendesk.emulator.pagination import by_position, respond_list
from providers.zendesk.emulator.records import (
    get_or_404, new_id, next_position, parse_id, reorder_ids, sort_by_position, stamp_created, touch,
)
from providers.zendesk.emulator.rule_common import normalize_entries

BASE = "/api/v2/slas/policies"
PRIORITIES = ("low", "normal", "high", "urgent")
METRICS = ("first_reply_time", "next_reply_time", "periodic_update_time",
           "pausable_update_time", "requester_wait_time", "agent_work_time")
FILTER_FIELDS = ("assignee_id", "brand_id", "current_tags", "group_id", "organization_id",
                 "priority", "requester_id", "status", "ticket_form_id", "type", "via_id")


def _metrics(given: Any) -> list[dict[str, Any]]:
    if not isinstance(given, list):
        raise invalid("policy_metrics", "Policy metrics: must be a list")
    out = []
    for metric in given:
        if not isinstance(metric, dict):
            raise invalid("policy_metrics", "Policy metrics: must be a list of objects")
        if metric.get("priority") not in PRIORITIES:
            raise invalid("policy_metrics", f"Policy metrics: priority {metric.get('priority')!r} is not valid")
        if metric.get("metric") not in METRICS:
            raise invalid("policy_metrics", f"Policy metrics: metric {metric.get('metric')!r} is not valid")
        target = metric.get("target")
        if isinstance(target, bool) or not isinstance(target, int) or target < 0:
            raise invalid("policy_metrics", "Policy metrics: target must be a whole number of minutes")
        business_hours = metric.get("business_hours", False)
        if not isinstance(business_hours, bool):
            raise invalid("policy_metrics", "Policy metrics: business_hours must be true or false")
        out.append({"priority": metric["priority"], "metric": metric["metric"],
                    "target": target, "business_hours": business_hours})
    return out


def _filter(given: Any) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(given, dict):
        raise blank("filter")
    return {"all": normalize_entries(given.get("all"), "filter"),
            "any": normalize_entries(given.get("any"), "filter")}


def render(ctx: RequestContext, policy: dict[str, Any]) -> dict[str, Any]:
    return {**policy, "url": ctx.api_url(f"/slas/policies/{policy['id']}")}


def _apply(policy: dict[str, Any], data: dict[str, Any], creating: bool) -> None:
    if creating or "title" in data:
        if not data.get("title"):
            raise blank("title")
        policy["title"] = data["title"]
    if creating or "filter" in data:
        policy["filter"] = _filter(data.get("filter"))
    if "policy_metrics" in data:
        policy["policy_metrics"] = _metrics(data["policy_metrics"])
    for name in ("description", "position"):
        if name in data:
            policy[name] = data[name]


def list_policies(ctx: RequestContext):
    policies = sort_by_position(ctx.store["sla_policies"].values())
    return respond_list(ctx, "sla_policies", [render(ctx, p) for p in policies],
                        mode="unpaginated", sort_key=by_position)


def show_policy(ctx: RequestContext, policy_id: str):
    policy = get_or_404(ctx.store["sla_policies"], parse_id(policy_id))
    return json_response(200, {"sla_policy": render(ctx, policy)})


def create_policy(ctx: RequestContext):
    data = ctx.wrapped("sla_policy")
    store = ctx.store
    policy: dict[str, Any] = {"id": 0, "title": "", "description": "",
                              "position": next_position(store["sla_policies"].values()),
                              "filter": {"all": [], "any": []}, "policy_metrics": []}
    _apply(policy, data, creating=True)
    policy["id"] = new_id(store, "sla_policies")
    store["sla_policies"].put(stamp_created(policy))
    return json_response(201, {"sla_policy": render(ctx, policy)})


def update_policy(ctx: RequestContext, policy_id: str):
    policy = get_or_404(ctx.store["sla_policies"], parse_id(policy_id))
    draft = {**policy}
    _apply(draft, ctx.wrapped("sla_policy"), creating=False)
    policy.update(draft)
    touch(policy)
    return json_response(200, {"sla_policy": render(ctx, policy)})


def delete_policy(ctx: RequestContext, policy_id: str):
    policy = get_or_404(ctx.store["sla_policies"], parse_id(policy_id))
    ctx.store["sla_policies"].remove(policy["id"])
    return json_response(204)


def reorder_policies(ctx: RequestContext):
    ids: list[Any] = ctx.query_list("sla_policy_ids")
    body = ctx.body()
    if not ids and isinstance(body, dict) and isinstance(body.get("sla_policy_ids"), list):
        ids = body["sla_policy_ids"]
    if not ids:
        raise blank("sla_policy_ids", "Sla policy ids")
    reorder_ids(ctx.store["sla_policies"], [parse_id(str(i)) for i in ids])
    return json_response(200)


def definitions(ctx: RequestContext):
    operators = [{"value": "is", "title": "Is"}, {"value": "is_not", "title": "Is not"}]
    fields = [{"value": f, "title": f.replace("_", " ").capitalize(), "operators": operators}
              for f in FILTER_FIELDS]
    return json_response(200, {"definitions": {"all": fields, "any": fields}})


def register(router: Router) -> None:
    router.add("GET", BASE, list_policies)
    router.add("POST", BASE, create_policy)
    router.add("GET", f"{BASE}/definitions", definitions)
    router.add("PUT", f"{BASE}/reorder", reorder_policies)
    router.add("GET", f"{BASE}/{{policy_id}}", show_policy)
    router.add("PUT", f"{BASE}/{{policy_id}}", update_policy)
    router.add("DELETE", f"{BASE}/{{policy_id}}", delete_policy)
