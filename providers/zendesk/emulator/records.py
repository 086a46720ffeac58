"""Helpers every resource module shares: ids, timestamps, positions, required attributes,
and rendering of dynamic-content placeholders.

Ids start high and differ per kind (Zendesk ids are large account-wide numbers), so a client
that sends a group id where a ticket field id belongs gets a 404/422 instead of a lucky match.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from providers.common.emulation import Collection, Store, now_iso
from providers.zendesk.emulator.errors import blank, not_found

# First id handed out per collection. Never reused: Collection keeps a monotonic counter.
ID_STARTS: dict[str, int] = {
    "groups": 360_000_100_001,
    "ticket_fields": 360_000_200_001,
    "custom_field_options": 360_000_300_001,
    "ticket_forms": 360_000_400_001,
    "triggers": 360_000_500_001,
    "automations": 360_000_600_001,
    "macros": 360_000_700_001,
    "views": 360_000_800_001,
    "sla_policies": 360_000_900_001,
    "users": 361_000_000_001,
    "brands": 360_001_000_001,
    "schedules": 360_001_100_001,
    "holidays": 360_001_200_001,
    "custom_roles": 360_001_300_001,
    "group_memberships": 360_001_400_001,
    "recipient_addresses": 360_001_500_001,
    "user_fields": 360_001_600_001,
    "organization_fields": 360_001_700_001,
    "custom_statuses": 360_001_800_001,
    "ticket_form_statuses": 360_001_900_001,
    "trigger_categories": 10_001,
    "group_sla_policies": 20_001,
    "dynamic_content_items": 360_002_000_001,
    "dynamic_content_variants": 360_002_100_001,
    "targets": 360_002_300_001,
    "app_installations": 10_000_001,
    "hc_categories": 360_003_000_001,
    "hc_sections": 360_003_100_001,
    "hc_articles": 360_003_200_001,
    "hc_translations": 360_003_300_001,
    "hc_permission_groups": 360_003_400_001,
    "hc_user_segments": 360_003_500_001,
}

_PLACEHOLDER = re.compile(r"\{\{\s*dc\.([A-Za-z0-9_\-]+)\s*\}\}")


def new_id(store: Store, collection: str, *, as_string: bool = False) -> int | str:
    """The next id of ``collection``; every integer-id collection must be listed in ID_STARTS."""
    return store[collection].new_id(as_string=as_string, start=ID_STARTS[collection])


def parse_id(raw: str) -> int:
    """A numeric path id; anything else can never match a record, so it is a 404."""
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise not_found() from None


def get_or_404(collection: Collection, obj_id: Any) -> dict[str, Any]:
    obj = collection.get(obj_id)
    if obj is None:
        raise not_found()
    return obj


def stamp_created(obj: dict[str, Any]) -> dict[str, Any]:
    now = now_iso()
    obj["created_at"] = now
    obj["updated_at"] = now
    return obj


def touch(obj: dict[str, Any]) -> None:
    obj["updated_at"] = now_iso()


def require(data: dict[str, Any], *names: str) -> None:
    """422 ``BlankValue`` for the first required attribute that is absent or empty."""
    for name in names:
        value = data.get(name)
        if value is None or (isinstance(value, (str, list)) and not value):
            raise blank(name)


def next_position(objs: Iterable[dict[str, Any]]) -> int:
    """Where the server puts a new object when the caller gives no position: at the end."""
    positions = [o.get("position") or 0 for o in objs]
    return max(positions, default=0) + 1


def sort_by_position(objs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(objs, key=lambda o: (o.get("position") or 0, o["id"]))


def renumber(ordered: list[dict[str, Any]], *, start: int = 1) -> None:
    """Give ``ordered`` consecutive positions, as Zendesk does after a reorder."""
    for index, obj in enumerate(ordered, start=start):
        if obj.get("position") != index:
            obj["position"] = index
            touch(obj)


def reorder_ids(collection: Collection, ids: list[Any], *, strict: bool = False) -> list[dict[str, Any]]:
    """Put the listed ids first (in that order) and the rest after, in their current order.

    Unknown ids are a 404. ``strict`` (triggers) additionally demands every id be listed.
    """
    current = sort_by_position(collection.values())
    listed = [get_or_404(collection, i) for i in ids]
    seen = {str(o["id"]) for o in listed}
    if strict and len(seen) != len(current):
        raise not_found()
    ordered = listed + [o for o in current if str(o["id"]) not in seen]
    renumber(ordered)
    return ordered


def render_dc(store: Store, text: Any) -> Any:
    """Render ``{{dc.name}}`` placeholders to the item's default variant, as Zendesk renders
    ``raw_title`` into ``title`` for the caller's locale. Unknown placeholders stay as written."""
    if not isinstance(text, str) or "{{" not in text:
        return text
    items = store["dynamic_content_items"].values()

    def substitute(match: re.Match[str]) -> str:
        placeholder = "{{dc.%s}}" % match.group(1)
        for item in items:
            if item.get("placeholder") == placeholder:
                variants = store["dynamic_content_variants"].values()
                for variant in variants:
                    if variant.get("item_id") == item["id"] and variant.get("default"):
                        return str(variant.get("content", ""))
        return match.group(0)

    return _PLACEHOLDER.sub(substitute, text)


def apply_raw(store: Store, obj: dict[str, Any], data: dict[str, Any], name: str,
              raw_name: str | None = None) -> None:
    """Keep ``name`` and ``raw_<name>`` in step: the raw value is what was written (with any
    ``{{dc.*}}`` placeholder), the plain one is its rendering. ``raw_*`` wins when both are sent."""
    raw_name = raw_name or f"raw_{name}"
    if raw_name in data:
        obj[raw_name] = data[raw_name]
    elif name in data:
        obj[raw_name] = data[name]
    else:
        return
    obj[name] = render_dc(store, obj[raw_name])


_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_ulid(store: Store, collection: str, *, prefix: str = "") -> str:
    """A 26-character ULID-shaped string id (webhooks, ticket form statuses...), built from a
    never-reused counter so ids stay unique and sort in creation order."""
    number = store[collection].new_id(start=1) + 0x01_8B_00_00_00_00 * (1 << 80)
    chars = []
    for _ in range(26):
        number, digit = divmod(number, 32)
        chars.append(_CROCKFORD[digit])
    return prefix + "".join(reversed(chars))


def new_uuid(store: Store, collection: str) -> str:
    """A UUID-shaped string id (routing attributes and values), unique and never reused."""
    import uuid

    counter = store[collection].new_id(start=1)
    return str(uuid.UUID(int=(0x6E279587_E930_11E8_A292_000000000000 + counter)))
