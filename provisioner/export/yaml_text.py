"""Deterministic, readable YAML for exported objects.

Same input, same bytes: keys keep the order ``shape`` gives them, lines are never folded (a long
macro text stays on one line, so a diff shows the change), text with line breaks is written as
a ``|`` block when YAML allows it. Small mappings inside lists (conditions, actions, options)
and short lists of names are written on one line, as people write them by hand:
``- {field: status, operator: is, value: solved}``. Lists are indented under their key, as in
the examples.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

FLOW_WIDTH = 110
INDENT = "  "


class _FlowMap(dict):
    """A mapping written on one line."""


class _FlowList(list):
    """A list written on one line."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # "key:\n  - item", not "key:\n- item"

    def ignore_aliases(self, data: Any) -> bool:
        return True  # never &anchors: equal values are written out each time


UNICODE_BREAKS = ("\x85", "\u2028", "\u2029")


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if any(ch in data for ch in UNICODE_BREAKS):
        style = '"'  # YAML reads these as line breaks unless escaped, which only "..." does
    else:
        style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(_FlowMap, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True))
_Dumper.add_representer(_FlowList, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (bool, int, float)) or (isinstance(value, str) and "\n" not in value)


def _short(value: Any) -> bool:
    return len(json.dumps(value, ensure_ascii=False)) <= FLOW_WIDTH


def _styled(value: Any, in_list: bool = False) -> Any:
    """Mark what goes on one line: scalar-only mappings inside lists, short scalar lists."""
    if isinstance(value, dict):
        if in_list and value and all(_scalar(v) or _flat_list(v) for v in value.values()) and _short(value):
            return _FlowMap({k: _FlowList(v) if isinstance(v, list) else v for k, v in value.items()})
        return {k: _styled(v) for k, v in value.items()}
    if isinstance(value, list):
        if _flat_list(value) and _short(value):
            return _FlowList(value)
        return [_styled(v, in_list=True) for v in value]
    return value


def _flat_list(value: Any) -> bool:
    return isinstance(value, list) and all(_scalar(v) for v in value)


def dump(value: Any) -> str:
    """``value`` as YAML text (no document markers)."""
    return yaml.dump(_styled(value), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=2**31 - 1, indent=2)


def list_item(doc: dict[str, Any], indent: str = INDENT) -> list[str]:
    """Lines of one object as an item of the kind's list, indented under the kind's key."""
    text = yaml.dump([_styled(doc, in_list=False)], Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=2**31 - 1, indent=2)
    return [indent + line if line else line for line in text.splitlines()]


def mapping_lines(doc: dict[str, Any], indent: str = INDENT) -> list[str]:
    """Lines of a singleton kind's one object, indented under the kind's key."""
    return [indent + line if line else line for line in dump(doc).splitlines()]
