"""Ignore rules: what ``plan`` never changes and ``drift`` never reports (Terraform's ``ignore_changes``).

A kind written as a mapping may list, under ``ignore:``, any mix of

- a field name (``description``): that field of every object of the kind is never compared;
- ``{key: K, fields: [f, ...]}``: those fields of the declared object K are never compared;
- ``{key: K}``: hands off the live object K, which the YAML does not declare: it is not reported
  as unmanaged and never pruned.

K is a natural key; ``*`` in it matches any run of characters (``Notify *`` covers the vendor's
standard notification triggers). One list, one place: the same rules hold for plan and drift,
so a field people may edit in the UI is neither reverted by apply nor reported by drift.
A rule naming no declared object by its exact key is an error at load time (a typo would
otherwise silently stop nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from provisioner.errors import InputError, Location

RULE_FIELDS = {"key", "fields"}


@dataclass(frozen=True)
class ObjectIgnore:
    """One per-object rule: ``fields`` empty means the whole (undeclared) live object."""

    key: str
    fields: tuple[str, ...] = ()
    location: Location | None = None

    @property
    def whole_object(self) -> bool:
        return not self.fields

    @property
    def is_pattern(self) -> bool:
        return "*" in self.key

    def matches(self, key: str) -> bool:
        if not self.is_pattern:
            return key == self.key
        pattern = ".*".join(re.escape(part) for part in self.key.split("*"))
        return re.fullmatch(pattern, key, re.DOTALL) is not None

    def describe(self) -> str:
        what = f"fields {', '.join(self.fields)} of" if self.fields else "the whole object"
        return f"{what} {self.key!r}"


def parse_ignore(kind: str, value: Any, lines: dict, at: Location,
                 base: tuple[Any, ...]) -> tuple[tuple[str, ...], tuple[ObjectIgnore, ...]]:
    """Split a section's ``ignore:`` list into kind-wide field names and per-object rules."""
    where = lines.get(base, at)
    if not isinstance(value, list):
        raise InputError(where, f"{kind}.ignore", "must be a list of field names or {key, fields} rules")
    fields: list[str] = []
    rules: list[ObjectIgnore] = []
    for index, entry in enumerate(value):
        here = lines.get(base + (index,), where)
        if isinstance(entry, str) and entry:
            fields.append(entry)
            continue
        if not isinstance(entry, dict):
            raise InputError(here, f"{kind}.ignore[{index}]", "must be a field name or a mapping {key, fields}")
        unknown = sorted(set(entry) - RULE_FIELDS)
        if unknown:
            raise InputError(lines.get(base + (index, unknown[0]), here), f"{kind}.ignore[{index}].{unknown[0]}",
                             "unknown option; a rule takes 'key' and optionally 'fields'")
        key = entry.get("key")
        if not isinstance(key, (str, int)) or isinstance(key, bool) or str(key) == "":
            raise InputError(here, f"{kind}.ignore[{index}].key", "required: the natural key of the object (or a pattern with *)")
        names = entry.get("fields", [])
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            raise InputError(lines.get(base + (index, "fields"), here), f"{kind}.ignore[{index}].fields",
                             "must be a list of field names")
        if "fields" in entry and not names:
            raise InputError(lines.get(base + (index, "fields"), here), f"{kind}.ignore[{index}].fields",
                             "is empty; leave 'fields' out to ignore the whole object")
        rules.append(ObjectIgnore(str(key), tuple(names), here))
    return tuple(fields), tuple(rules)


def check_rules(kind: str, rules: tuple[ObjectIgnore, ...], declared: set[str]) -> None:
    """Exact-key rules must make sense against what the YAML declares (patterns are free)."""
    for rule in rules:
        if rule.is_pattern:
            continue
        if rule.fields and rule.key not in declared:
            raise InputError(rule.location, f"{kind}.ignore", f"no {kind} named {rule.key!r} in the desired state; "
                             "field rules name a declared object (leave 'fields' out to ignore an undeclared live one)")
        if not rule.fields and rule.key in declared:
            raise InputError(rule.location, f"{kind}.ignore", f"{rule.key!r} is declared in the YAML, so it is managed; "
                             "ignore some of its fields with 'fields: [...]' or remove it from the YAML")


def merge_options(earlier: Any, later: Any) -> Any:
    """Options of a kind written in two files add up (a file of ignore rules next to the objects)
    instead of the later file silently replacing the earlier one's rules."""
    if earlier is None:
        return later
    return replace(later, prune=earlier.prune or later.prune, ignore=earlier.ignore + later.ignore,
                   ignore_objects=earlier.ignore_objects + later.ignore_objects,
                   location=earlier.location or later.location)
