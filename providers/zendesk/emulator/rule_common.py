"""What triggers, automations, macros and views have in common.

* Condition and action values come back as strings (``"value": "20455932"``) whatever JSON
  type was sent, so ints are stringified on the way in (booleans and nested objects are kept).
* ``conditions`` is ``{all, any}``; the legacy top-level ``all``/``any`` is still accepted.
  A PUT that sends conditions replaces the whole object (an omitted ``any`` becomes ``[]``).
* ``update_many`` changes only ``position``/``active`` (and, for triggers, ``category_id``);
  other properties are ignored, as documented. ``destroy_many?ids=`` deletes in bulk.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

import httpx

from providers.common.emulation import Collection, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, parse_id, renumber, touch

Renderer = Callable[[RequestContext, dict[str, Any]], dict[str, Any]]
QUALIFYING_FIELDS = frozenset({"status", "type", "group_id", "assignee_id", "requester_id"})


def _stringify(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return [_stringify(v) for v in value]
    return value


def normalize_entries(entries: Any, attribute: str) -> list[dict[str, Any]]:
    """Validate a list of ``{field, operator?, value}`` and stringify the values."""
    if entries is None:
        return []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise invalid(attribute, f"{attribute.capitalize()}: must be a list of objects")
    out = []
    for entry in entries:
        if not entry.get("field"):
            raise invalid(attribute, f"{attribute.capitalize()}: field cannot be blank", "BlankValue")
        out.append({**entry, "value": _stringify(entry.get("value"))} if "value" in entry else dict(entry))
    return out


def conditions_from(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]] | None:
    """The ``{all, any}`` a write asks for, or None when it does not touch conditions."""
    if isinstance(data.get("conditions"), dict):
        given = data["conditions"]
    elif "all" in data or "any" in data:
        given = {"all": data.get("all"), "any": data.get("any")}
    elif "conditions" in data and data["conditions"] is not None:
        raise invalid("conditions", "Conditions: must be an object with all and any")
    else:
        return None
    return {
        "all": normalize_entries(given.get("all"), "conditions"),
        "any": normalize_entries(given.get("any"), "conditions"),
    }


def has_qualifying_condition(conditions: Iterable[dict[str, Any]]) -> bool:
    return any(c.get("field") in QUALIFYING_FIELDS for c in conditions)


def check_restriction(ctx: RequestContext, restriction: Any) -> Any:
    """``null``, ``{type: Group, ids|id}`` or ``{type: User, id}``; ids must exist."""
    if restriction in (None, {}):
        return None
    if not isinstance(restriction, dict) or restriction.get("type") not in {"Group", "User"}:
        raise invalid("restriction", "Restriction: type must be Group or User")
    if restriction["type"] == "Group":
        ids = restriction.get("ids")
        if ids is None and restriction.get("id") is not None:
            ids = [restriction["id"]]
        if not ids:
            raise invalid("restriction", "Restriction: ids cannot be blank", "BlankValue")
        for group_id in ids:
            group = ctx.store["groups"].get(group_id)
            if group is None or group.get("deleted"):
                raise invalid("restriction", f"Restriction: group {group_id} does not exist")
        ids = [int(i) for i in ids]
        return {"type": "Group", "id": ids[0], "ids": ids}
    user_id = restriction.get("id")
    if user_id is None or ctx.store["users"].get(user_id) is None:
        raise invalid("restriction", f"Restriction: user {user_id} does not exist")
    return {"type": "User", "id": int(user_id)}


def update_many(ctx: RequestContext, collection: Collection, plural: str, render: Renderer,
                allowed: tuple[str, ...] = ("position", "active")) -> httpx.Response:
    entries = ctx.wrapped_list(plural)
    targets = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("id") is None:
            raise invalid("id", "Id: cannot be blank", "BlankValue")
        targets.append((get_or_404(collection, entry["id"]), entry))
    moved = [(obj, entry["position"]) for obj, entry in targets if "position" in entry]
    for obj, entry in targets:
        for key in allowed:
            if key in entry and key != "position":
                obj[key] = entry[key]
        touch(obj)
    if moved:
        _move(collection, moved)
    return json_response(200, {plural: [render(ctx, obj) for obj, _ in targets]})


def _move(collection: Collection, moved: list[tuple[dict[str, Any], Any]]) -> None:
    """Put each moved rule at its requested position and close up the others around it, the
    way the admin UI's drag and drop (and Zendesk's list positions) behave."""
    moved_ids = {obj["id"] for obj, _ in moved}
    rest = [o for o in sorted(collection.values(), key=lambda o: (o.get("position") or 0, o["id"]))
            if o["id"] not in moved_ids]
    for obj, position in sorted(moved, key=lambda pair: pair[1]):
        index = max(int(position) - 1, 0)
        rest.insert(min(index, len(rest)), obj)
    renumber(rest)


def destroy_many(ctx: RequestContext, collection: Collection,
                 guard: Callable[[dict[str, Any]], None] | None = None) -> httpx.Response:
    ids = [parse_id(i) for i in ctx.query_list("ids")]
    if not ids:
        raise invalid("ids", "Ids: cannot be blank", "BlankValue")
    objs = [get_or_404(collection, i) for i in ids]
    for obj in objs:
        if guard:
            guard(obj)
    for obj in objs:
        collection.remove(obj["id"])
    return json_response(204)


def search(ctx: RequestContext, objs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``/search?query=`` matches titles case-insensitively (offset-paginated by the caller)."""
    query = (ctx.query("query") or "").strip().lower()
    if not query:
        raise invalid("query", "Query: cannot be blank", "BlankValue")
    return [o for o in objs if query in str(o.get("title", "")).lower()]


def rule_order(ctx: RequestContext) -> tuple[Callable[[dict[str, Any]], list[Any]], bool]:
    """The sort key and direction a rule list asks for with ``sort_by``/``sort_order``."""
    sort_by = ctx.query("sort_by") or ctx.query("sort") or "position"
    descending = (ctx.query("sort_order") or "asc").lower() == "desc"
    if sort_by.startswith("-"):
        sort_by, descending = sort_by[1:], True
    if sort_by in {"alphabetical", "title"}:
        return (lambda o: [str(o.get("title", "")).lower(), o["id"]]), descending
    if sort_by in {"created_at", "updated_at"}:
        return (lambda o, f=sort_by: [o.get(f) or "", o["id"]]), descending
    return (lambda o: [o.get("position") or 0, o["id"]]), descending



def respond_rules(ctx: RequestContext, plural: str, objs: list[dict[str, Any]], render: Renderer,
                  mode: str = "dual",
                  default_key: Callable[[dict[str, Any]], list[Any]] | None = None) -> httpx.Response:
    """A rule list in the requested order, paginated (cursor cursors follow that order).
    ``default_key`` replaces plain position order when the request asks for no sort."""
    key, descending = rule_order(ctx)
    if default_key is not None and not (ctx.query("sort_by") or ctx.query("sort")):
        key = default_key
    ordered = ctx.listing(plural, lambda: sorted(objs, key=key, reverse=descending))
    return respond_list(ctx, plural, ordered, mode=mode, sort_key=key, descending=descending,
                        render=lambda o: render(ctx, o))
