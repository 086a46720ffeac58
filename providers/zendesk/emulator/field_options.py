"""Drop-down / multi-select options shared by ticket, user and organization fields.

Zendesk's rules, kept here once: a PUT with ``custom_field_options`` replaces the whole list
(an omitted option is deleted; a sent option keeps its id when it matches an existing one by
``id`` or by ``value``), every option needs ``name`` and ``value``, at most 2,000 options per
field, and a tag (option ``value``) may not already be used by another field.
"""

from __future__ import annotations

from typing import Any, Iterable

from providers.common.emulation import Store
from providers.zendesk.emulator.errors import detail, invalid, record_invalid
from providers.zendesk.emulator.records import new_id, render_dc

MAX_OPTIONS = 2000
OPTION_TYPES = frozenset({"tagger", "multiselect", "dropdown"})


def tag_in_use_error(tag: str):
    """The base message a real ticket-field deploy gets for a reused tag (no ``error`` code)."""
    return record_invalid({"base": [detail(
        f"The tag {tag} is already used in a custom field drop-down, multi-select or checkbox.",
        None,
    )]})


def check_option_shape(option: Any) -> None:
    if not isinstance(option, dict):
        raise invalid("custom_field_options", "Custom field options: must be a list of objects")
    for key in ("name", "value"):
        value = option.get(key) if key != "name" else (option.get("raw_name") or option.get("name"))
        if value is None or (isinstance(value, str) and not value.strip()):
            raise invalid("custom_field_options",
                          f"Custom field options: {key} cannot be blank", "BlankValue")


def build_option(store: Store, given: dict[str, Any], *, option_id: int, position: int) -> dict[str, Any]:
    raw_name = given.get("raw_name") or given.get("name")
    option = {
        "id": option_id,
        "name": render_dc(store, raw_name),
        "raw_name": raw_name,
        "value": str(given["value"]),
        "position": position,
        "default": bool(given.get("default", False)),
    }
    if "allow_solving" in given:
        option["allow_solving"] = bool(given["allow_solving"])
    return option


def replace_options(store: Store, existing: list[dict[str, Any]], given: Any,
                    used_elsewhere: Iterable[str]) -> list[dict[str, Any]]:
    """The new option list for a PUT/POST that sends ``custom_field_options``."""
    if not isinstance(given, list):
        raise invalid("custom_field_options", "Custom field options: must be a list")
    if len(given) > MAX_OPTIONS:
        raise invalid("custom_field_options",
                      f"Custom field options: cannot have more than {MAX_OPTIONS} options")
    for option in given:
        check_option_shape(option)
    taken = set(used_elsewhere)
    seen: set[str] = set()
    for option in given:
        tag = str(option["value"])
        if tag in taken or tag in seen:
            raise tag_in_use_error(tag)
        seen.add(tag)
    by_id = {o["id"]: o for o in existing}
    by_value = {o["value"]: o for o in existing}
    result = []
    for index, option in enumerate(given):
        match = by_id.get(option.get("id")) or by_value.get(str(option["value"]))
        option_id = match["id"] if match else new_id(store, "custom_field_options")
        position = option.get("position", index)
        result.append(build_option(store, option, option_id=option_id, position=position))
    return result


def upsert_option(store: Store, options: list[dict[str, Any]], given: Any,
                  used_elsewhere: Iterable[str]) -> tuple[dict[str, Any], bool]:
    """Create or update one option (the ``POST .../options`` endpoint). Returns (option, created)."""
    if not isinstance(given, dict):
        raise invalid("custom_field_option", "Custom field option: must be an object")
    current = next((o for o in options if given.get("id") is not None and o["id"] == given.get("id")), None)
    merged = {**current, **given} if current else given
    if current and "name" in given and "raw_name" not in given:
        merged["raw_name"] = given["name"]
    check_option_shape(merged)
    tag = str(merged["value"])
    clashes = set(used_elsewhere) | {o["value"] for o in options if o is not current}
    if tag in clashes:
        raise tag_in_use_error(tag)
    if current is None and len(options) >= MAX_OPTIONS:
        raise invalid("custom_field_options",
                      f"Custom field options: cannot have more than {MAX_OPTIONS} options")
    if current is not None:
        updated = build_option(store, merged, option_id=current["id"],
                               position=merged.get("position", current["position"]))
        options[options.index(current)] = updated
        return updated, False
    position = given.get("position", max((o["position"] for o in options), default=-1) + 1)
    created = build_option(store, given, option_id=new_id(store, "custom_field_options"), position=position)
    options.append(created)
    return created, True
