"""Deterministic, readable YAML for exported objects.

Same input, same bytes: keys keep the order ``shape`` gives them, lines are never folded (a long
macro text stays on one line, so a diff shows the change), text with line breaks is written as
a ``|`` block when YAML allows it. Small mappings inside lists (conditions, actions, options)
and short lists of names are written on one line, as people write them by hand:
``- {field: status, operator: is, value: solved}``. Lists are indented under their key, as in
the examples.

The bytes are those of PyYAML's emitter with the settings in ``yaml_pyyaml``; they are written
by a faster emitter of our own (``yaml_emit``), which hands a document back to PyYAML whenever
it is not certain of the result. ``_pyyaml_dump`` and ``_pyyaml_list_item`` keep the PyYAML
path whole, for the tests that compare the two.
"""

from __future__ import annotations

import json
from typing import Any

from provisioner.export.yaml_emit import emit_lines
from provisioner.export.yaml_pyyaml import FlowList as _FlowList
from provisioner.export.yaml_pyyaml import FlowMap as _FlowMap
from provisioner.export.yaml_pyyaml import pyyaml_dump
from provisioner.export.yaml_scalars import Unsupported

FLOW_WIDTH = 110
INDENT = "  "


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


def _lines(styled: Any) -> list[str]:
    """Lines of ``styled``: our emitter, or PyYAML for a document it does not handle."""
    try:
        return emit_lines(styled)
    except Unsupported:
        return pyyaml_dump(styled).splitlines()


def dump(value: Any) -> str:
    """``value`` as YAML text (no document markers)."""
    styled = _styled(value)
    try:
        return "\n".join(emit_lines(styled)) + "\n"
    except Unsupported:
        return pyyaml_dump(styled)


def list_item(doc: dict[str, Any], indent: str = INDENT) -> list[str]:
    """Lines of one object as an item of the kind's list, indented under the kind's key."""
    return [indent + line if line else line for line in _lines([_styled(doc, in_list=False)])]


def mapping_lines(doc: dict[str, Any], indent: str = INDENT) -> list[str]:
    """Lines of a singleton kind's one object, indented under the kind's key."""
    return [indent + line if line else line for line in dump(doc).splitlines()]


def _pyyaml_dump(value: Any) -> str:
    """The PyYAML path ``dump`` replaced, whole: the reference the tests compare against."""
    return pyyaml_dump(_styled(value))


def _pyyaml_list_item(doc: dict[str, Any], indent: str = INDENT) -> list[str]:
    """The PyYAML path ``list_item`` replaced, whole: the reference the tests compare against."""
    text = pyyaml_dump([_styled(doc, in_list=False)])
    return [indent + line if line else line for line in text.splitlines()]
