"""SLA policies: ``/api/v2/sla_policies`` (list, create) and ``/sla_policies/{id}`` (update).

What the API really allows (research note 1.5, [M] #create_sla_policy, [L]):
- there is **no single GET and no DELETE**: ``/sla_policies/{id}`` answers 405 to both and
  accepts only PUT (and PATCH, which a live client saw listed); deactivate with ``active=false``;
- ids are **JSON strings** on a live account;
- create needs ``name``, ``sla_target`` and ``applicable_to``; an update of a non-default policy
  must also carry ``applicable_to``;
- ``sla_target`` holds ``priority_1``..``priority_4``, each with ``respond_within`` and
  ``resolve_within`` in seconds, ``business_hours`` and ``escalation_enabled``; an optional
  ``next_respond_within`` must be at least 30;
- the seeded default policy has ``is_default: true`` and applies to every ticket;
- ``position`` orders the policies (a new one goes last unless a position is given).
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator.context import RequestContext, created, ok
from providers.freshdesk.emulator.errors import field_error, not_found, validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import by_position, new_id, place, public, stamp
from providers.freshdesk.emulator.validation import Rule, check_body

PRIORITIES = ("priority_1", "priority_2", "priority_3", "priority_4")
TARGET_RULES = {
    "respond_within": Rule("positive_integer", required=True),
    "resolve_within": Rule("positive_integer", required=True),
    "next_respond_within": Rule("positive_integer"),
    "business_hours": Rule("boolean", required=True),
    "escalation_enabled": Rule("boolean", required=True),
}
APPLICABLE_TO_RULES = {
    "company_ids": Rule("array", items="integer"),
    "group_ids": Rule("array", items="integer"),
    "sources": Rule("array", items="integer"),
    "ticket_types": Rule("array", items="string"),
    "product_ids": Rule("array", items="integer"),
}
RULES = {
    "name": Rule("string", required=True),
    "description": Rule("string", nullable=True),
    "active": Rule("boolean"),
    "position": Rule("positive_integer"),
    "sla_target": Rule("object", required=True),
    "applicable_to": Rule("object", required=True),
    "escalation": Rule("object"),
}


def _prefixed(prefix: str, errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**e, "field": f"{prefix}.{e['field']}"} for e in errors]


def _target_errors(raw: dict[str, Any], *, creating: bool) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = []
    for key, value in raw.items():
        if key not in PRIORITIES:
            errors.append(field_error(f"sla_target.{key}", "Unexpected/invalid field in request", "invalid_field"))
        elif not isinstance(value, dict):
            errors.append(field_error(f"sla_target.{key}", "It should be a/an key/value pair", "datatype_mismatch"))
        else:
            errors.extend(_prefixed(f"sla_target.{key}", check_body(value, TARGET_RULES, creating=True)))
            if isinstance(value.get("next_respond_within"), int) and value["next_respond_within"] < 30:
                errors.append(field_error(f"sla_target.{key}.next_respond_within",
                                          "It should be greater than or equal to 30", "invalid_value"))
    if creating:
        errors.extend(field_error(f"sla_target.{p}", "It should be a/an key/value pair", "missing_field")
                      for p in PRIORITIES if p not in raw)
    return errors


def _validate(ctx: RequestContext, body: dict[str, Any], policy: dict[str, Any] | None) -> None:
    creating = policy is None
    required_on_update = () if creating or policy["is_default"] else ("applicable_to",)
    errors = check_body(body, RULES, creating=creating, required_on_update=required_on_update)
    if isinstance(body.get("sla_target"), dict):
        errors.extend(_target_errors(body["sla_target"], creating=creating))
    if isinstance(body.get("applicable_to"), dict):
        errors.extend(_prefixed("applicable_to", check_body(body["applicable_to"], APPLICABLE_TO_RULES, creating=False)))
        if not creating and policy["is_default"] and any(body["applicable_to"].values()):
            errors.append(field_error("applicable_to", "The default policy applies to every ticket", "invalid_value"))
        elif not any(body["applicable_to"].values()) and (creating or not policy["is_default"]):
            errors.append(field_error("applicable_to", "It should contain at least one condition", "invalid_value"))
    if errors:
        raise validation_failed(errors)


def _apply(ctx: RequestContext, policy: dict[str, Any], body: dict[str, Any]) -> None:
    for key, value in body.items():
        if key == "sla_target":
            policy["sla_target"] = {**policy.get("sla_target", {}), **value}
        elif key != "position":
            policy[key] = value
    if "position" in body or "position" not in policy:
        place(ctx.store["sla_policies"].values(), policy, body.get("position"))


def list_policies(ctx: RequestContext):
    return paged(ctx, [public(p) for p in by_position(ctx.store["sla_policies"].values())])


def create_policy(ctx: RequestContext):
    body = ctx.body()
    _validate(ctx, body, None)
    policy = {"id": str(new_id(ctx.store, "sla_policies")), "name": body["name"], "description": None,
              "active": True, "is_default": False, "applicable_to": {}, "escalation": {}}
    ctx.store["sla_policies"].put(stamp(policy, created=True))
    _apply(ctx, policy, body)
    return created(public(policy))


def update_policy(ctx: RequestContext, policy_id: str):
    policy = ctx.store["sla_policies"].get(policy_id)
    if policy is None:
        raise not_found()
    body = ctx.body()
    _validate(ctx, body, policy)
    _apply(ctx, policy, body)
    stamp(policy)
    return ok(public(policy))


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/sla_policies", list_policies)
    router.add("POST", "/api/v2/sla_policies", create_policy)
    router.add("PUT", "/api/v2/sla_policies/{policy_id}", update_policy)
    router.add("PATCH", "/api/v2/sla_policies/{policy_id}", update_policy)
