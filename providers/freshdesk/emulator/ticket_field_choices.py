"""Choices and dependent levels of dropdown and nested ticket fields (admin ticket fields API).

Shapes follow the research note (1.5, "choices") and the live client it cites:
- a ``custom_dropdown`` takes ``choices: [{value, position}]`` and returns each choice with a
  server id: ``{id, label, value, position}``;
- a ``nested_field`` nests choices up to three levels (``choices`` inside a choice), and names
  its level-2 and level-3 fields in ``dependent_fields: [{label, label_for_customers, level}]``;
  each dependent field gets its own id and generated ``cf_`` name.

On update, choices are **merged** rather than replaced: a choice sent with its ``id`` is changed
(or removed with ``"deleted": true``), a choice without an id is added, and choices not mentioned
stay. Sibling values must be unique (case-insensitive).
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Store
from providers.freshdesk.emulator.errors import field_error
from providers.freshdesk.emulator.records import new_id, snake, unique_name
from providers.freshdesk.emulator.validation import json_type_name

CHOICE_KEYS = {"id", "value", "position", "choices", "deleted"}


def _problem(message: str, code: str = "invalid_value") -> dict[str, Any]:
    return field_error("choices", message, code)


def check_choices(raw: Any, *, max_depth: int, existing: list[dict[str, Any]] | None = None,
                  depth: int = 1) -> list[dict[str, Any]]:
    """Problems with a ``choices`` payload ``max_depth`` levels deep (1 for a plain dropdown)."""
    if not isinstance(raw, list):
        return [field_error("choices", f"Value set is of type {json_type_name(raw)}.It should be a/an Array",
                            "datatype_mismatch")]
    known = {c["id"]: c for c in existing or []}
    mentioned = {c.get("id") for c in raw if isinstance(c, dict)}
    seen = {c["value"].strip().lower() for c in known.values() if c["id"] not in mentioned}
    for choice in raw:
        if not isinstance(choice, dict):
            return [_problem("Each choice should be a key/value pair", "datatype_mismatch")]
        unknown = set(choice) - CHOICE_KEYS
        if unknown:
            return [_problem(f"Unexpected/invalid field in choices: {', '.join(sorted(unknown))}", "invalid_field")]
        if "id" in choice and choice["id"] not in known:
            return [_problem(f"There are no records matching the ids: '{choice['id']}'")]
        if choice.get("deleted"):
            continue
        value = choice.get("value", known.get(choice.get("id"), {}).get("value"))
        if not isinstance(value, str) or not value.strip():
            return [_problem("Each choice needs a non-empty value", "missing_field")]
        if value.strip().lower() in seen:
            return [_problem(f"Duplicate choice value '{value}'", "duplicate_value")]
        seen.add(value.strip().lower())
        if "position" in choice and not (isinstance(choice["position"], int) and choice["position"] > 0):
            return [_problem("position should be a Positive Integer", "datatype_mismatch")]
        if "choices" in choice:
            if depth >= max_depth:
                return [_problem(f"Choices can be nested at most {max_depth} level(s) deep")]
            nested = check_choices(choice["choices"], max_depth=max_depth,
                                   existing=known.get(choice.get("id"), {}).get("choices", []), depth=depth + 1)
            if nested:
                return nested
    return []


def merge_choices(store: Store, current: list[dict[str, Any]], raw: list[dict[str, Any]], *,
                  nested: bool) -> list[dict[str, Any]]:
    """Apply a validated ``choices`` payload to the stored choices (empty ``current`` on create).

    The list order is the truth: a choice sent with a ``position`` moves there and its siblings
    shift; positions are renumbered 1..n at the end.
    """
    result = sorted(current, key=lambda c: c["position"])
    by_id = {c["id"]: c for c in current}
    for choice in raw:
        if "id" in choice:
            target = by_id[choice["id"]]
            if choice.get("deleted"):
                result.remove(target)
                continue
        else:
            target = {"id": new_id(store, "ticket_field_choices"), "label": None, "value": None, "position": 0}
            if nested:
                target["choices"] = []
            result.append(target)
        if "value" in choice:
            target["value"] = target["label"] = choice["value"]
        if "position" in choice:
            result.remove(target)
            result.insert(min(choice["position"] - 1, len(result)), target)
        if nested and "choices" in choice:
            target["choices"] = merge_choices(store, target.get("choices", []), choice["choices"], nested=True)
    for number, choice in enumerate(result, start=1):
        choice["position"] = number
    return result


def choice_ids(choices: list[dict[str, Any]]) -> set[int]:
    return {c["id"] for c in choices}


def depth_of(choices: list[dict[str, Any]]) -> int:
    if not choices:
        return 0
    return 1 + max(depth_of(c.get("choices", [])) for c in choices)


def check_dependent_fields(raw: Any, *, creating: bool) -> list[dict[str, Any]]:
    """Problems with ``dependent_fields``: one entry per level 2 and (optionally) 3."""
    if not isinstance(raw, list) or not all(isinstance(d, dict) for d in raw):
        return [field_error("dependent_fields", "It should be an Array of key/value pairs", "datatype_mismatch")]
    levels = [d.get("level") for d in raw]
    if any(level not in (2, 3) for level in levels) or len(set(levels)) != len(levels):
        return [field_error("dependent_fields", "Each dependent field needs a distinct level of 2 or 3", "invalid_value")]
    if creating and 2 not in levels:
        return [field_error("dependent_fields", "A nested field needs a level 2 dependent field", "missing_field")]
    for entry in raw:
        unknown = set(entry) - {"label", "label_for_customers", "level", "id"}
        if unknown:
            return [field_error("dependent_fields", "Unexpected/invalid field in request", "invalid_field")]
        if creating and not isinstance(entry.get("label"), str):
            return [field_error("dependent_fields", "It should be a/an String", "missing_field")]
    return []


def merge_dependent_fields(store: Store, parent_id: int, current: list[dict[str, Any]],
                           raw: list[dict[str, Any]], taken_names: set[str], timestamp: str) -> list[dict[str, Any]]:
    """Create or relabel dependent fields; their generated ``name`` never changes after creation."""
    by_level = {d["level"]: d for d in current}
    for entry in raw:
        target = by_level.get(entry["level"])
        if target is None:
            name = unique_name(f"cf_{snake(entry['label'])}", taken_names)
            taken_names.add(name)
            target = {"id": new_id(store, "ticket_fields"), "name": name, "label": entry["label"],
                      "label_for_customers": entry.get("label_for_customers", entry["label"]),
                      "level": entry["level"], "ticket_field_id": parent_id, "created_at": timestamp}
            by_level[entry["level"]] = target
        for key in ("label", "label_for_customers"):
            if key in entry:
                target[key] = entry[key]
        target["updated_at"] = timestamp
    return [by_level[level] for level in sorted(by_level)]
