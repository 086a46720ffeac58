"""The reference table: where one configuration object names another.

YAML names every other object by its natural key; the API wants ids. One table of ``Ref`` rows
per kind drives all three uses, so they cannot disagree:

- validation: every key a desired object names must exist (in the YAML, or be built in);
- normalisation: live ids are rewritten to natural keys before diffing;
- apply: natural keys are rewritten to ids (known at plan time, or fed forward from creates).

A ``Ref.path`` is dotted; a segment ending in ``[]`` walks every item of a list, ``[N]`` takes
item N. ``when`` limits a row to dicts whose sibling field has a value (rule conditions:
``field == "group_id"``). ``id_prefix``/``key_prefix`` describe values that embed the reference
inside a string, as Zendesk's ``custom_fields_<id>``, written ``custom_fields:<title>`` in YAML.
Values listed in ``literals`` are not references ("current_groups", "").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterator

Mapper = Callable[["Ref", Any, tuple[Any, ...]], Any]
"""(rule, value, path of the value inside the document) -> new value."""


def dotted(path: tuple[Any, ...]) -> str:
    """``("conditions", "all", 0, "value")`` -> ``conditions.all[0].value``, for messages."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class Unresolved(Exception):
    """A value that should name an object names none; carries the rule and the value."""

    def __init__(self, ref: "Ref", value: Any, location: tuple[Any, ...]) -> None:
        super().__init__(f"{dotted(location)}: no {ref.target} named {value!r}")
        self.ref, self.value, self.location = ref, value, location


@dataclass(frozen=True)
class Ref:
    path: str
    target: str
    when: tuple[str, tuple[str, ...]] | None = None
    id_prefix: str = ""
    key_prefix: str = ""
    literals: frozenset[Any] = frozenset()
    # True when ids in this position are written as strings even if they are numbers (rule
    # condition values): the id side keeps the same type the API uses.
    id_as_string: bool = False

    def applies_to(self, container: dict[str, Any]) -> bool:
        if self.when is None:
            return True
        sibling, accepted = self.when
        return container.get(sibling) in accepted


@lru_cache(maxsize=None)
def _segments(path: str) -> tuple[tuple[str, str, str], ...]:
    """``conditions.all[].value`` -> ``(("conditions", "", ""), ("all", "[", ""), ("value", "", ""))``,
    parsed once per path rather than once per object walked."""
    parts = []
    for head in path.split("."):
        name, bracket, index = head.partition("[")
        parts.append((name, bracket, index.rstrip("]")))
    return tuple(parts)


def _walk(node: Any, segments: tuple[tuple[str, str, str], ...], ref: Ref, mapper: Mapper, here: tuple[Any, ...],
          copy: bool = True, at: int = 0) -> Any:
    """Return ``node`` with the leaf addressed by ``segments[at:]`` rewritten by ``mapper``.

    With ``copy=False`` (``collect``) the mapper only looks: nothing is rebuilt, which halves
    the cost of checking the references of a large desired state."""
    if at >= len(segments) or not isinstance(node, dict):
        return node
    name, bracket, index = segments[at]
    last = at + 1 == len(segments)
    if name not in node or (last and not ref.applies_to(node)):
        return node
    value = node[name]
    location = here + (name,)
    if not bracket:
        new = _leaf(value, ref, mapper, location) if last else _walk(value, segments, ref, mapper, location, copy, at + 1)
    elif isinstance(value, list):
        new = list(value) if copy else value
        positions = range(len(value)) if index == "" else [int(index)]
        if last:
            for i in positions:
                if i < len(new):
                    changed = _leaf(new[i], ref, mapper, location + (i,))
                    if copy:
                        new[i] = changed
        else:
            # Most items are left alone by the next step (a condition on another field than
            # ``when`` names): test that here, without a call and a location per item. Over a
            # large desired state this loop runs a quarter of a million times.
            step = at + 1
            child = segments[step][0]
            when = ref.when if step + 1 == len(segments) else None
            for i in positions:
                if i < len(new):
                    item = new[i]
                    if not isinstance(item, dict) or child not in item:
                        continue
                    if when is not None and item.get(when[0]) not in when[1]:
                        continue
                    changed = _walk(item, segments, ref, mapper, location + (i,), copy, step)
                    if copy:
                        new[i] = changed
    else:
        return node
    return {**node, name: new} if copy else node


def _leaf(value: Any, ref: Ref, mapper: Mapper, location: tuple[Any, ...]) -> Any:
    if value is None or isinstance(value, dict):
        return value
    if isinstance(value, list):
        return [_leaf(v, ref, mapper, location + (i,)) for i, v in enumerate(value)]
    if ref.literals:
        try:
            if value in ref.literals:
                return value
        except TypeError:  # unhashable: never a literal
            pass
    return mapper(ref, value, location)


def rewrite(doc: dict[str, Any], refs: tuple[Ref, ...], mapper: Mapper) -> dict[str, Any]:
    """Apply ``mapper`` to every reference value in ``doc``; returns a new dict, never mutates."""
    for ref in refs:
        doc = _walk(doc, _segments(ref.path), ref, mapper, ())
    return doc


def collect(doc: dict[str, Any], refs: tuple[Ref, ...]) -> Iterator[tuple[Ref, Any, tuple[Any, ...]]]:
    """Every (rule, value, path) in a document; the values as written (natural keys in YAML)."""
    found: list[tuple[Ref, Any, tuple[Any, ...]]] = []

    def record(ref: Ref, value: Any, path: tuple[Any, ...]) -> Any:
        found.append((ref, value, path))
        return value

    for ref in refs:
        _walk(doc, _segments(ref.path), ref, record, (), copy=False)
    return iter(found)


class KeyTable:
    """Bidirectional map kind -> natural key <-> id, for one account."""

    def __init__(self) -> None:
        self.by_key: dict[str, dict[str, Any]] = {}
        self.by_id: dict[str, dict[str, str]] = {}

    def add(self, kind: str, key: str, obj_id: Any) -> None:
        self.by_key.setdefault(kind, {})[key] = obj_id
        self.by_id.setdefault(kind, {})[str(obj_id)] = key

    def id_for(self, kind: str, key: str) -> Any:
        return self.by_key.get(kind, {}).get(key)

    def key_for(self, kind: str, obj_id: Any) -> str | None:
        return self.by_id.get(kind, {}).get(str(obj_id))

    def to_json(self) -> dict[str, dict[str, Any]]:
        return {kind: dict(keys) for kind, keys in self.by_key.items()}

    @classmethod
    def from_json(cls, data: dict[str, dict[str, Any]]) -> "KeyTable":
        table = cls()
        for kind, keys in data.items():
            for key, obj_id in keys.items():
                table.add(kind, key, obj_id)
        return table


def ids_to_keys(table: KeyTable) -> Mapper:
    """Mapper for normalisation: a live id becomes the target's natural key (unknown ids stay)."""

    def mapper(ref: Ref, value: Any, path: tuple[Any, ...]) -> Any:
        raw = str(value)
        if ref.id_prefix and not raw.startswith(ref.id_prefix):
            return value
        bare = raw[len(ref.id_prefix):] if ref.id_prefix else raw
        if ref.key_prefix and not ref.id_prefix and not bare.isdigit():
            return value
        key = table.key_for(ref.target, bare)
        if key is None:
            return value
        return f"{ref.key_prefix}{key}"

    return mapper


def keys_to_ids(table: KeyTable, *, strict: bool = True) -> Mapper:
    """Mapper for apply: a natural key becomes the target's id; unknown keys raise ``Unresolved``."""

    def mapper(ref: Ref, value: Any, path: tuple[Any, ...]) -> Any:
        raw = str(value)
        if ref.key_prefix and not raw.startswith(ref.key_prefix):
            return value
        key = raw[len(ref.key_prefix):] if ref.key_prefix else raw
        obj_id = table.id_for(ref.target, key)
        if obj_id is None:
            if strict:
                raise Unresolved(ref, key, path)
            return value
        if ref.id_prefix:
            return f"{ref.id_prefix}{obj_id}"
        if ref.id_as_string:
            return str(obj_id)
        return obj_id

    return mapper
