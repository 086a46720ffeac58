"""A small YAML emitter for exported objects, byte-identical to the PyYAML settings it replaces.

Export used to write every object through PyYAML's pure-Python emitter, three quarters of an
export's CPU. An export only ever holds dicts with str keys, lists and str/int/float/bool/None,
already marked by ``yaml_text._styled`` as block or one-line (``FlowMap``/``FlowList``), so
the layout is a few fixed rules, the same PyYAML follows with ``indent=2`` and lists indented
under their key:

- a mapping's keys at one column; a nested mapping or list under a key two columns further;
- a list item ``- `` with a nested mapping or list starting on the same line, two columns in;
- ``{}`` and ``[]`` for empty collections, ``{k: v, k2: [a, b]}`` and ``[a, b]`` on one line;
- text with line breaks as a ``|`` block indented two columns past its key or dash.

Each scalar's own text comes from ``yaml_scalars`` (PyYAML's choice, computed once per value).
Anything else raises ``Unsupported``; the caller then writes the document through PyYAML.
"""

from __future__ import annotations

from typing import Any

from provisioner.export.yaml_pyyaml import FlowList, FlowMap
from provisioner.export.yaml_scalars import Unsupported, block_scalar, flow_scalar, key_text


def emit_lines(styled: Any) -> list[str]:
    """The lines PyYAML would write for ``styled``, a mapping or a list (no trailing newline)."""
    out: list[str] = []
    kind = type(styled)
    if kind is dict and styled:
        _mapping(styled, 0, "", out)
    elif kind is list and styled:
        _sequence(styled, 0, "", out)
    else:
        raise Unsupported("top level")
    return out


def _mapping(mapping: dict, col: int, lead: str, out: list[str]) -> None:
    """Keys at column ``col``; the first line starts with ``lead`` (indentation or "- ")."""
    pad = " " * col
    for key, value in mapping.items():
        head = lead + key_text(key, False) + ":"
        lead = pad
        kind = type(value)
        if kind is dict and value:
            out.append(head)
            _mapping(value, col + 2, pad + "  ", out)
        elif kind is list and value:
            out.append(head)
            _sequence(value, col + 2, pad + "  ", out)
        else:
            _inline(value, head + " ", col + 2, out)


def _sequence(items: list, col: int, lead: str, out: list[str]) -> None:
    """Dashes at column ``col``; the first line starts with ``lead``."""
    pad = " " * col
    for item in items:
        head = lead + "- "
        lead = pad
        kind = type(item)
        if kind is dict and item:
            _mapping(item, col + 2, head, out)
        elif kind is list and item:
            _sequence(item, col + 2, head, out)
        else:
            _inline(item, head, col + 2, out)


def _inline(value: Any, head: str, col: int, out: list[str]) -> None:
    """A value written after ``head`` on the same line; a ``|`` block's lines go at ``col``."""
    kind = type(value)
    if kind is FlowMap:
        out.append(head + _flow_map(value))
    elif kind is FlowList or kind is list:
        out.append(head + _flow_list(value))  # a plain list here is empty
    elif kind is dict:
        out.append(head + "{}")  # a plain dict here is empty
    else:
        text = block_scalar(value)
        if type(text) is str:
            out.append(head + text)
        else:
            header, lines = text
            out.append(head + header)
            pad = " " * col
            out.extend(pad + line if line else "" for line in lines)


def _flow_map(mapping: dict) -> str:
    if not mapping:
        return "{}"
    parts = []
    for key, value in mapping.items():
        kind = type(value)
        if kind is FlowList or kind is list:
            text = _flow_list(value)
        elif kind is dict or kind is FlowMap:
            raise Unsupported("nested flow mapping")
        else:
            text = flow_scalar(value)
        parts.append(key_text(key, True) + ": " + text)
    return "{" + ", ".join(parts) + "}"


def _flow_list(items: list) -> str:
    parts = []
    for item in items:
        kind = type(item)
        if kind is list or kind is FlowList or kind is dict or kind is FlowMap:
            raise Unsupported("nested flow collection")
        parts.append(flow_scalar(item))
    return "[" + ", ".join(parts) + "]"
