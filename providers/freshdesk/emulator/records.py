"""Store helpers shared by the resource modules: ids, timestamps, lookups, ordering.

Records are kept in the shape the API returns, plus a few bookkeeping keys that start with ``_``
(for example an automation rule's type); :func:`public` strips those before a record leaves the
emulator. Ids start at realistic, kind-specific values (Freshdesk ids are large int64s such as
43000190415) so a client cannot get away with assuming small or shared id ranges.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Iterable

from providers.common.emulation import Collection, Store, now_iso
from providers.freshdesk.emulator.errors import not_found, unknown_ids

ID_START = {
    "agents": 43_007_075_001,
    "groups": 43_000_190_001,
    "roles": 43_000_041_001,
    "skills": 43_000_012_001,
    "business_hours": 43_000_006_701,
    "ticket_fields": 43_000_501_001,
    "ticket_field_choices": 43_001_800_001,
    "sections": 43_000_033_001,
    "ticket_forms": 43_000_020_001,
    "contact_fields": 43_000_710_001,
    "company_fields": 43_000_720_001,
    "sla_policies": 43_000_088_301,
    "automations": 43_000_380_001,
    "canned_response_folders": 43_000_140_001,
    "canned_responses": 43_000_093_901,
    "solution_categories": 43_000_230_001,
    "solution_folders": 43_000_340_001,
    "solution_articles": 43_000_560_001,
    "mailboxes": 43_000_066_001,
}


def new_id(store: Store, collection: str) -> int:
    col: Collection = store[collection]
    return col.new_id(start=ID_START.get(collection, 1))  # type: ignore[return-value]


def public(obj: dict[str, Any]) -> dict[str, Any]:
    """A deep copy without bookkeeping keys, safe to serialise and to hand to a caller."""
    return {k: copy.deepcopy(v) for k, v in obj.items() if not k.startswith("_")}


def stamp(obj: dict[str, Any], *, created: bool = False) -> dict[str, Any]:
    moment = now_iso()
    if created:
        obj["created_at"] = moment
    obj["updated_at"] = moment
    return obj


def find(store: Store, collection: str, obj_id: Any) -> dict[str, Any]:
    """The stored record or a 404."""
    obj = store[collection].get(obj_id)
    if obj is None:
        raise not_found()
    return obj


def by_id(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda o: int(o["id"]))


def by_position(items: Iterable[dict[str, Any]], key: str = "position") -> list[dict[str, Any]]:
    return sorted(items, key=lambda o: (o.get(key) or 0, int(o["id"])))


def missing_ids(store: Store, collection: str, ids: Iterable[Any]) -> list[Any]:
    return [i for i in ids if store[collection].get(i) is None]


def require_ids(store: Store, collection: str, field: str, ids: Iterable[Any] | None) -> None:
    """400 ``invalid_value`` naming the ids that match no record."""
    absent = missing_ids(store, collection, ids or [])
    if absent:
        raise unknown_ids(field, absent)


def name_taken(items: Iterable[dict[str, Any]], name: str, *, key: str = "name", except_id: Any = None) -> bool:
    """Case-insensitive uniqueness, as Freshdesk compares names."""
    wanted = name.strip().lower()
    return any(str(o.get(key, "")).strip().lower() == wanted and str(o["id"]) != str(except_id) for o in items)


def place(items: list[dict[str, Any]], moved: dict[str, Any], position: int | None, key: str = "position") -> None:
    """Put ``moved`` at a 1-based position among ``items`` and renumber them 1..n.

    ``position=None`` appends. Rules, fields, SLA policies and skill ranks are evaluated in this
    order, so a client that sets one position sees the others shift, as in the admin UI.
    """
    others = [o for o in by_position(items, key) if o is not moved]
    index = len(others) if position is None else max(0, min(position - 1, len(others)))
    others.insert(index, moved)
    for number, obj in enumerate(others, start=1):
        obj[key] = number


def renumber(items: list[dict[str, Any]], key: str = "position") -> None:
    for number, obj in enumerate(by_position(items, key), start=1):
        obj[key] = number


def snake(label: str) -> str:
    """``"Issue Type"`` -> ``"issue_type"``: how Freshdesk derives field names from labels."""
    return re.sub(r"[^a-z0-9]+", "_", label.strip().lower()).strip("_") or "field"


def unique_name(base: str, taken: Iterable[str]) -> str:
    existing = set(taken)
    if base not in existing:
        return base
    suffix = 1
    while f"{base}_{suffix}" in existing:
        suffix += 1
    return f"{base}_{suffix}"
