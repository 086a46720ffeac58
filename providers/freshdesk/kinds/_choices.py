"""Dropdown choices in the YAML and on the wire.

The YAML writes a dropdown's choices as a list of values (``[Refund, Bug, Question]``); a nested
field's choices nest up to three levels (``{value: Hardware, choices: [Laptop, Phone]}``). A
choice without sub-choices is always the bare value, on both sides of a comparison.

On the wire a choice is ``{id, label, value, position}``, and an update **merges** rather than
replaces: a choice sent with its ``id`` is changed (or removed with ``deleted: true``), one
without an id is added, and one not mentioned stays. So an update is computed against the live
choices: every live choice the YAML still lists keeps its id and gets its YAML position; every
other one is removed; new values are added. Renaming a value is a removal plus an addition (the
tickets holding the old value keep it as text).
"""

from __future__ import annotations

from typing import Any, Union

from pydantic import field_validator

from providers.freshdesk.kinds._common import Strict

class NestedChoice(Strict):
    value: str
    choices: list[Union[str, "NestedChoice"]] = []


NestedChoice.model_rebuild()
Choice = Union[str, NestedChoice]


def canonical(choices: Any) -> Any:
    """Bare values for choices without sub-choices (YAML input or live choices alike)."""
    if not isinstance(choices, list):
        return choices
    result = []
    for choice in choices:
        if isinstance(choice, dict):
            value = choice.get("value")
            inner = canonical(choice.get("choices") or [])
            result.append({"value": value, "choices": inner} if inner else value)
        else:
            result.append(choice)
    return result


class WithChoices(Strict):
    """Mixin for field models: ``choices`` accepts ``{value: X}`` and keeps it as ``X``."""

    @field_validator("choices", mode="before", check_fields=False)
    @classmethod
    def _canonical_choices(cls, value: Any) -> Any:
        return canonical(value)


def from_live(choices: Any) -> Any:
    """Live choices in YAML form; built-in fields' map-shaped choices stay as they are."""
    if isinstance(choices, list) and all(isinstance(c, dict) and "value" in c for c in choices):
        ordered = sorted(choices, key=lambda c: c.get("position") or 0)
        return canonical(ordered)
    return choices


def _value(choice: Any) -> str:
    return choice["value"] if isinstance(choice, dict) else choice


def _inner(choice: Any) -> list[Any]:
    return choice.get("choices", []) if isinstance(choice, dict) else []


def for_create(choices: list[Any]) -> list[dict[str, Any]]:
    """The create payload: every choice with its position (and its sub-choices)."""
    payload = []
    for position, choice in enumerate(choices, start=1):
        entry: dict[str, Any] = {"value": _value(choice), "position": position}
        if _inner(choice):
            entry["choices"] = for_create(_inner(choice))
        payload.append(entry)
    return payload


def for_update(live: list[dict[str, Any]], choices: list[Any], *, nested: bool) -> list[dict[str, Any]]:
    """The merge payload that turns the live choices into exactly ``choices``, in that order.

    Removals come first so that a value can move between positions without ever clashing
    with itself.
    """
    by_value = {c["value"]: c for c in live if isinstance(c, dict) and "value" in c}
    wanted = [_value(c) for c in choices]
    payload: list[dict[str, Any]] = [{"id": c["id"], "deleted": True} for v, c in by_value.items() if v not in wanted]
    for position, choice in enumerate(choices, start=1):
        current = by_value.get(_value(choice))
        entry: dict[str, Any] = {"value": _value(choice), "position": position}
        if current is not None:
            entry["id"] = current["id"]
            inner = for_update(current.get("choices") or [], _inner(choice), nested=True) if nested else []
            if inner:  # an empty list would read as a level deeper than the field allows
                entry["choices"] = inner
        elif _inner(choice):
            entry["choices"] = for_create(_inner(choice))
        payload.append(entry)
    return payload


def values(choices: Any) -> list[str]:
    """The top-level values of YAML choices (what a section's ``choices`` may name)."""
    return [_value(c) for c in choices] if isinstance(choices, list) else []
