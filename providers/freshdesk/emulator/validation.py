"""Declarative request-body checks that answer with Freshdesk's validation codes.

Each resource module declares its writable attributes as a ``{name: Rule}`` table. ``check_body``
walks a request body against it and collects *every* problem, the way Freshdesk reports them all
in one ``errors`` list:

- an attribute the table does not list (unknown, or read-only such as ``id`` or a generated
  ``name``) is ``invalid_field``;
- a required attribute that is absent is ``missing_field``;
- a value of the wrong JSON type is ``datatype_mismatch``;
- a value outside an enumeration is ``invalid_value``.

Cross-object checks (unknown ids, uniqueness) stay in the resource modules, which know the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from providers.freshdesk.emulator.errors import UNEXPECTED_FIELD_MESSAGE, field_error, validation_failed

# Freshdesk's names for JSON types, as they appear in its messages.
TYPE_NAMES = {
    "string": "String",
    "integer": "Integer",
    "positive_integer": "Positive Integer",
    "boolean": "Boolean",
    "array": "Array",
    "object": "key/value pair",
    "number": "Number",
}


@dataclass(frozen=True)
class Rule:
    """How one writable attribute is checked.

    ``kind`` is a key of ``TYPE_NAMES`` or ``"any"``; ``items`` checks array elements;
    ``required`` applies on create only (updates are partial); ``choices`` enumerates the allowed
    values; ``nullable`` accepts JSON null.
    """

    kind: str = "any"
    required: bool = False
    choices: tuple[Any, ...] | None = None
    nullable: bool = False
    items: str | None = None


def json_type_name(value: Any) -> str:
    if value is None:
        return "Null"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, float):
        return "Float"
    if isinstance(value, str):
        return "String"
    if isinstance(value, list):
        return "Array"
    return "key/value pair"


def matches_kind(value: Any, kind: str) -> bool:
    if kind == "any":
        return True
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "positive_integer":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    raise ValueError(f"unknown rule kind {kind!r}")


def mismatch(field: str, value: Any, kind: str) -> dict[str, Any]:
    expected = TYPE_NAMES[kind]
    return field_error(field, f"Value set is of type {json_type_name(value)}.It should be a/an {expected}",
                       "datatype_mismatch")


def missing(field: str, kind: str = "string") -> dict[str, Any]:
    return field_error(field, f"It should be a/an {TYPE_NAMES.get(kind, 'String')}", "missing_field")


def not_one_of(field: str, choices: tuple[Any, ...]) -> dict[str, Any]:
    listed = ",".join(str(c) for c in choices)
    return field_error(field, f"It should be one of these values: '{listed}'", "invalid_value")


def check_value(field: str, value: Any, rule: Rule) -> list[dict[str, Any]]:
    """Problems with one present attribute."""
    if value is None:
        return [] if rule.nullable else [mismatch(field, value, rule.kind if rule.kind != "any" else "string")]
    if not matches_kind(value, rule.kind):
        return [mismatch(field, value, rule.kind)]
    if rule.items and isinstance(value, list):
        for element in value:
            if not matches_kind(element, rule.items):
                return [mismatch(field, element, rule.items)]
    if rule.choices is not None and value not in rule.choices:
        return [not_one_of(field, rule.choices)]
    return []


def check_body(body: dict[str, Any], rules: dict[str, Rule], *, creating: bool,
               required_on_update: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Every schema-level problem with a create or partial-update body."""
    errors: list[dict[str, Any]] = []
    for name, value in body.items():
        rule = rules.get(name)
        if rule is None:
            errors.append(field_error(name, UNEXPECTED_FIELD_MESSAGE, "invalid_field"))
            continue
        errors.extend(check_value(name, value, rule))
    for name, rule in rules.items():
        needed = rule.required if creating else name in required_on_update
        if needed and name not in body:
            errors.append(missing(name, rule.kind))
    return errors


def require_valid(body: dict[str, Any], rules: dict[str, Rule], *, creating: bool,
                  required_on_update: tuple[str, ...] = (), extra: list[dict[str, Any]] | None = None) -> None:
    """Raise the 400 envelope when the body (plus any caller-found ``extra`` problems) is invalid."""
    errors = check_body(body, rules, creating=creating, required_on_update=required_on_update)
    errors.extend(extra or [])
    if errors:
        raise validation_failed(errors)


def ensure_list_of_objects(field: str, value: Any) -> list[dict[str, Any]]:
    """Problems when ``value`` is not an array of key/value pairs (used for nested payloads)."""
    if not isinstance(value, list):
        return [mismatch(field, value, "array")]
    for element in value:
        if not isinstance(element, dict):
            return [mismatch(field, element, "object")]
    return []
