"""Custom fields by label in the YAML, by generated name on the wire.

Freshdesk rules and skills name a field by its generated ``name`` (``cf_product_area`` for a
ticket field, ``tier`` for a contact field), which the server derives from the label when the
field is created and never changes, so it differs between a sandbox and production whenever a
label was edited. The YAML names custom fields by their **label**, like every other object.
Reading a rule rewrites ``field_name`` from name to label; writing one rewrites it back.
Built-in names (``priority``, ``status``, ``group_id``, ``subject_or_description``) are not
fields the account created and pass through unchanged both ways.

The catalogue is read once per connection (three small requests) and forgotten after any write
to a field kind, so a rule created in the same apply as its field sees the new name.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from providers.freshdesk.adapter import FreshdeskAdapter

# Which field list a condition's ``resource_type`` names.
RESOURCE_FIELDS = {"ticket": "ticket", "requester": "contact", "contact": "contact", "company": "company"}
FIELD_LISTS = {
    "ticket": ("/api/v2/admin/ticket_fields", "none"),
    "contact": ("/api/v2/contact_fields", "pages"),
    "company": ("/api/v2/company_fields", "pages"),
}


class FieldNames:
    def __init__(self, adapter: "FreshdeskAdapter") -> None:
        self.adapter = adapter
        self._lock = threading.Lock()
        self._labels: dict[str, dict[str, str]] | None = None  # resource -> name -> label
        self._names: dict[str, dict[str, str]] = {}  # resource -> label -> name

    def forget(self) -> None:
        with self._lock:
            self._labels = None

    def _catalogue(self) -> dict[str, dict[str, str]]:
        with self._lock:
            if self._labels is None:
                labels: dict[str, dict[str, str]] = {}
                for resource, (path, paging) in FIELD_LISTS.items():
                    labels[resource] = custom_labels(self.adapter.list_all(path, paging=paging))
                self._labels = labels
                self._names = {r: {label: name for name, label in m.items()} for r, m in labels.items()}
            return self._labels

    def label(self, resource: str, name: Any) -> Any:
        if not isinstance(name, str):
            return name
        return self._catalogue().get(resource, {}).get(name, name)

    def name(self, resource: str, label: Any) -> Any:
        if not isinstance(label, str):
            return label
        self._catalogue()
        return self._names.get(resource, {}).get(label, label)


def custom_labels(fields: list[dict[str, Any]]) -> dict[str, str]:
    """Generated name -> label of every custom field, including nested fields' dependent levels."""
    found: dict[str, str] = {}
    for field in fields:
        if field.get("default"):
            continue
        if field.get("name") and field.get("label"):
            found[field["name"]] = field["label"]
        for level in field.get("dependent_fields") or []:
            if level.get("name") and level.get("label"):
                found[level["name"]] = level["label"]
    return found


def rewrite_rule(doc: dict[str, Any], convert) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """A copy of an automation rule (or skill) whose field names went through ``convert``.

    ``convert(resource, value)`` is ``FieldNames.label`` when reading and ``FieldNames.name``
    when writing. Conditions say which field list they mean (``resource_type``); actions and
    events always name ticket fields.
    """
    doc = dict(doc)
    if isinstance(doc.get("conditions"), list):
        doc["conditions"] = [_condition_set(entry, convert) for entry in doc["conditions"]]
    for key in ("actions", "events"):
        if isinstance(doc.get(key), list):
            doc[key] = [_named(item, "ticket", convert) for item in doc[key]]
    return doc


def _condition_set(entry: Any, convert) -> Any:  # type: ignore[no-untyped-def]
    if not isinstance(entry, dict):
        return entry
    if isinstance(entry.get("properties"), list):  # an automation condition set
        return {**entry, "properties": [_property(p, convert) for p in entry["properties"]]}
    return _property(entry, convert)  # a skill condition is one property


def _property(prop: Any, convert) -> Any:  # type: ignore[no-untyped-def]
    if not isinstance(prop, dict):
        return prop
    resource = RESOURCE_FIELDS.get(str(prop.get("resource_type", "ticket")), "ticket")
    return _named(prop, resource, convert)


def _named(item: Any, resource: str, convert) -> Any:  # type: ignore[no-untyped-def]
    if not isinstance(item, dict) or "field_name" not in item:
        return item
    return {**item, "field_name": convert(resource, item["field_name"])}
