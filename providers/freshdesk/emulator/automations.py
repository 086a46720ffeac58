"""Automation rules: ``/api/v2/automations/{type}/rules`` for types 1, 3 and 4 (LRCUD).

Types (research note 1.5, 1.6): **1** ticket creation (dispatcher), **3** time triggers
(hourly, supervisor), **4** ticket updates (observer). Other type ids answer 404.
- ``name``, ``conditions`` and ``actions`` are required; type 4 also requires ``performer`` and
  ``events``, which the other types refuse (``invalid_field``).
- ``conditions`` holds at most two sets, ``condition_set_1`` and ``condition_set_2``, each
  ``{name, match_type: all|any, properties: [{resource_type, field_name, operator, value}]}``;
  ``operator`` (``AND``/``OR``) joins them. Action shapes vary by ``field_name`` and pass through.
- ``position`` orders the rules of one type: new rules go last unless placed, others shift.
- Read-only ``outdated`` turns true while a condition names a custom ticket field (``cf_...``)
  that no longer exists; ``summary``, ``affected_tickets_count`` and ``last_updated_by`` are
  server-owned too.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import field_error, not_found, validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import by_position, new_id, place, public, renumber, stamp
from providers.freshdesk.emulator.ticket_fields import all_names
from providers.freshdesk.emulator.validation import Rule, check_body

RULE_TYPES = (1, 3, 4)
RESOURCE_TYPES = ("ticket", "requester", "contact", "company")
BASE_RULES = {
    "name": Rule("string", required=True),
    "description": Rule("string", nullable=True),
    "position": Rule("positive_integer"),
    "active": Rule("boolean"),
    "operator": Rule("string", choices=("AND", "OR")),
    "conditions": Rule("array", required=True),
    "actions": Rule("array", required=True),
}
OBSERVER_RULES = {**BASE_RULES, "performer": Rule("object", required=True), "events": Rule("array", required=True)}


def _rule_type(raw: str) -> int:
    if not raw.isdigit() or int(raw) not in RULE_TYPES:
        raise not_found()
    return int(raw)


def _of_type(ctx: RequestContext, rule_type: int) -> list[dict[str, Any]]:
    return [r for r in ctx.store["automations"].values() if r["_type"] == rule_type]


def _find(ctx: RequestContext, rule_type: int, rule_id: str) -> dict[str, Any]:
    rule = ctx.store["automations"].get(parse_id(rule_id))
    if rule is None or rule["_type"] != rule_type:
        raise not_found()
    return rule


def render(ctx: RequestContext, rule: dict[str, Any], existing: set[str] | None = None) -> dict[str, Any]:
    """The rule as the API answers it; ``existing`` (the account's field names) is computed
    once per list page rather than once per rule."""
    body = public(rule)
    existing = all_names(ctx) if existing is None else existing
    referenced = [p.get("field_name", "") for s in rule.get("conditions", []) for p in s.get("properties", [])]
    body["outdated"] = any(n.startswith("cf_") and n not in existing for n in referenced)
    return body


def _condition_errors(conditions: list[Any]) -> list[dict[str, Any]]:
    def bad(message: str) -> list[dict[str, Any]]:
        return [field_error("conditions", message, "invalid_value")]

    if len(conditions) > 2:
        return bad("At most two condition sets are allowed")
    names = []
    for entry in conditions:
        if not isinstance(entry, dict):
            return [field_error("conditions", "It should be a/an key/value pair", "datatype_mismatch")]
        if entry.get("name") not in ("condition_set_1", "condition_set_2"):
            return bad("Condition sets are named condition_set_1 and condition_set_2")
        names.append(entry["name"])
        if entry.get("match_type") not in ("all", "any"):
            return bad("match_type should be one of these values: 'all,any'")
        properties = entry.get("properties")
        if not isinstance(properties, list) or not properties:
            return bad("Each condition set needs at least one property")
        for prop in properties:
            if not isinstance(prop, dict) or prop.get("resource_type") not in RESOURCE_TYPES \
                    or not isinstance(prop.get("field_name"), str) or not isinstance(prop.get("operator"), str):
                return bad("Each property needs resource_type, field_name and operator")
    if len(set(names)) != len(names):
        return bad("Condition set names must be distinct")
    return []


def _validate(ctx: RequestContext, rule_type: int, body: dict[str, Any], rule: dict[str, Any] | None) -> None:
    rules = OBSERVER_RULES if rule_type == 4 else BASE_RULES
    errors = check_body(body, rules, creating=rule is None)
    if isinstance(body.get("conditions"), list):
        errors.extend(_condition_errors(body["conditions"]))
    actions = body.get("actions")
    if isinstance(actions, list):
        if not actions:
            errors.append(field_error("actions", "It should contain elements", "invalid_value"))
        elif not all(isinstance(a, dict) and isinstance(a.get("field_name"), str) for a in actions):
            errors.append(field_error("actions", "Each action needs a field_name", "invalid_value"))
    if isinstance(body.get("events"), list) and not body["events"]:
        errors.append(field_error("events", "It should contain elements", "invalid_value"))
    if errors:
        raise validation_failed(errors)


def _apply(ctx: RequestContext, rule: dict[str, Any], body: dict[str, Any]) -> None:
    rule.update({k: v for k, v in body.items() if k != "position"})
    if "position" in body or "position" not in rule:
        place(_of_type(ctx, rule["_type"]), rule, body.get("position"))
    rule["last_updated_by"] = ctx.current_agent_id


def list_rules(ctx: RequestContext, rule_type: str):
    kind = _rule_type(rule_type)
    existing = all_names(ctx)
    return paged(ctx, by_position(_of_type(ctx, kind)), render=lambda rule: render(ctx, rule, existing))


def view_rule(ctx: RequestContext, rule_type: str, rule_id: str):
    return ok(render(ctx, _find(ctx, _rule_type(rule_type), rule_id)))


def create_rule(ctx: RequestContext, rule_type: str):
    kind = _rule_type(rule_type)
    body = ctx.body()
    _validate(ctx, kind, body, None)
    rule = {"id": new_id(ctx.store, "automations"), "_type": kind, "name": body["name"], "description": None,
            "active": True, "operator": "AND", "summary": {}, "affected_tickets_count": 0}
    ctx.store["automations"].put(stamp(rule, created=True))
    _apply(ctx, rule, body)
    return created(render(ctx, rule))


def update_rule(ctx: RequestContext, rule_type: str, rule_id: str):
    kind = _rule_type(rule_type)
    rule = _find(ctx, kind, rule_id)
    body = ctx.body()
    _validate(ctx, kind, body, rule)
    _apply(ctx, rule, body)
    stamp(rule)
    return ok(render(ctx, rule))


def delete_rule(ctx: RequestContext, rule_type: str, rule_id: str):
    kind = _rule_type(rule_type)
    rule = _find(ctx, kind, rule_id)
    ctx.store["automations"].remove(rule["id"])
    renumber(_of_type(ctx, kind))
    return no_content()


def register(router: Router, emulator: Any) -> None:
    base = "/api/v2/automations/{rule_type}/rules"
    router.add("GET", base, list_rules)
    router.add("POST", base, create_rule)
    router.add("GET", base + "/{rule_id}", view_rule)
    router.add("PUT", base + "/{rule_id}", update_rule)
    router.add("DELETE", base + "/{rule_id}", delete_rule)
