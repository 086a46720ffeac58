"""The fast path of ``yaml_lines.parse``: values and lines straight from libyaml's event stream.

PyYAML's pure-Python parser spent five seconds on a 1.7 MB export (4,000 objects), the largest
part of a ``plan``. libyaml (PyYAML's C binding) reads the same file in a tenth of a second;
building nodes from it costs a second more, because every node and every scalar's type is
made in Python. Here plain values are built from the events directly, with the same scalar
types and the same line for every path as ``yaml_lines`` gives.

Only the everyday document is taken: one mapping at the top, no aliases, no tags beyond the
plain types, plain keys, no duplicate keys, no tabs, nesting well below the limit. Anything
else returns ``None`` and goes to the pure parser, which words every error exactly as before
(libyaml also recurses in C on deep nesting, which can crash the process: it is never asked
to compose here).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

import yaml

from provisioner.errors import Location

Path = tuple[Any, ...]
Construct = Callable[[yaml.ScalarNode], Any]

_CLoader = getattr(yaml, "CSafeLoader", None)
STR = "tag:yaml.org,2002:str"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
TYPED = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
         "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp"}
FAST_DEPTH = 40
"""Deeper documents take the pure path, so its nesting limit (50) and message apply unchanged."""


class _Unusual(Exception):
    """The document needs the pure parser (for an exact error, or a rare construct)."""


def _implicit_resolvers() -> tuple[dict[Any, list[tuple[str, Any]]], list[tuple[str, Any]]]:
    table = yaml.SafeLoader.yaml_implicit_resolvers
    return table, list(table.get(None, []))


_RESOLVERS, _WILDCARD = _implicit_resolvers()


@lru_cache(maxsize=8192)
def _plain_tag(value: str) -> str:
    """The tag YAML 1.1 gives an untagged plain scalar (as ``Resolver.resolve`` decides it);
    cached, since most scalars are the same few keys (``field``, ``value``) over and over."""
    for tag, regexp in _RESOLVERS.get(value[0] if value else "", []) + _WILDCARD:
        if regexp.match(value):
            return tag
    return STR


def _question_in_flow(text: str) -> bool:
    """A ``?`` on a line with ``[`` or ``{``: inside ``[...]`` PyYAML ends a plain scalar at
    ``?`` (and then refuses the line) while libyaml reads on; such files take the pure path."""
    return "?" in text and any("?" in line and ("[" in line or "{" in line) for line in text.splitlines())


def parse_fast(text: str, filename: str, construct: Construct) -> tuple[Any, dict[Path, Location]] | None:
    """``(value, lines)`` for an everyday document, else ``None`` (use the pure parser)."""
    if _CLoader is None or "\t" in text or _question_in_flow(text):
        return None  # libyaml accepts these where PyYAML refuses them; keep PyYAML's verdict
    parser = _CLoader(text)
    try:
        return _Reader(parser, filename, construct).document()
    except (_Unusual, yaml.YAMLError):
        return None
    finally:
        parser.dispose()


_Scalar, _MapStart, _SeqStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MapEnd, _SeqEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent


class _Reader:
    """Builds values from events. The loops test ``type(event) is ...`` (libyaml makes exactly
    these classes) and read each value's line inline: this is the innermost loop of loading a
    desired state (150,000 events for the ``large`` benchmark), where each attribute lookup
    and call counts."""

    def __init__(self, parser: Any, filename: str, construct: Construct) -> None:
        self.next = parser.get_event
        self.filename = filename
        self.construct = construct
        self.lines: dict[Path, Location] = {}
        self.locations: dict[int, Location] = {}  # one (frozen) Location per line, shared

    def document(self) -> tuple[Any, dict[Path, Location]]:
        if not isinstance(self.next(), yaml.StreamStartEvent) or not isinstance(self.next(), yaml.DocumentStartEvent):
            raise _Unusual
        start = self.next()
        if not isinstance(start, yaml.MappingStartEvent):
            raise _Unusual  # an empty file or a scalar/list at the top: an error the pure path words
        value = self.node(start, (), 1)
        if not isinstance(self.next(), yaml.DocumentEndEvent) or not isinstance(self.next(), yaml.StreamEndEvent):
            raise _Unusual  # a second document
        return value, self.lines

    def at(self, event: Any) -> Location:
        line = event.start_mark.line + 1
        found = self.locations.get(line)
        if found is None:
            found = self.locations[line] = Location(self.filename, line)
        return found

    def node(self, event: Any, path: Path, depth: int) -> Any:
        """The value starting at ``event``; records its line (a mapping's value is recorded at
        its key's line instead, by ``mapping``)."""
        self.lines[path] = self.at(event)
        return self.value(event, path, depth)

    def value(self, event: Any, path: Path, depth: int) -> Any:
        """The value starting at ``event``, without recording its own line."""
        kind = type(event)
        if kind is _Scalar:
            return self.scalar(event)
        if depth > FAST_DEPTH:
            raise _Unusual  # nesting near the limit
        if kind is _MapStart:
            if event.tag not in (None, "!", MAP):
                raise _Unusual
            return self.mapping(path, depth)
        if kind is _SeqStart:
            if event.tag not in (None, "!", SEQ):
                raise _Unusual
            return self.sequence(path, depth)
        raise _Unusual  # an alias

    def mapping(self, path: Path, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        next_event, lines, locations, scalar, value = self.next, self.lines, self.locations, self.scalar, self.value
        depth += 1
        while True:
            event = next_event()
            if type(event) is not _Scalar:
                if type(event) is _MapEnd:
                    return result
                raise _Unusual  # a key that is a list, mapping or alias
            key = event.value
            if event.tag is not None or not event.implicit[0] or _plain_tag(key) != STR:
                key = scalar(event)  # not a plain text key (the everyday one): type it
            if not isinstance(key, (str, int, float, bool)) or key in result:
                raise _Unusual  # a null or odd key, or a duplicate: the pure path says which line
            sub = path + (key,)
            # The key's line names the field (set before the value's own fields, as the pure
            # parser orders them).
            line = event.start_mark.line + 1
            found = locations.get(line)
            lines[sub] = found if found is not None else self.at(event)
            event = next_event()
            if type(event) is not _Scalar:
                result[key] = value(event, sub, depth)
            elif event.tag is None and not event.implicit[0]:
                result[key] = event.value  # quoted text: a string, no type to resolve
            else:
                result[key] = scalar(event)

    def sequence(self, path: Path, depth: int) -> list[Any]:
        result: list[Any] = []
        next_event, node = self.next, self.node
        depth += 1
        while True:
            event = next_event()
            if type(event) is _SeqEnd:
                return result
            result.append(node(event, path + (len(result),), depth))

    def scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            if not event.implicit[0]:
                return event.value
            tag = _plain_tag(event.value)
        elif tag != STR:
            raise _Unusual  # an explicit tag (``!!int``, ``!!binary``): the pure path's rules
        if tag == STR:
            return event.value
        if tag not in TYPED:
            raise _Unusual  # a merge key ``<<``: refused with the pure path's words
        value = self.construct(yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style))
        # Dates (holidays) stay strings: the APIs take and return "YYYY-MM-DD".
        return value.isoformat() if hasattr(value, "isoformat") else value
