"""The text of one scalar, exactly as PyYAML would write it in an export.

Most values of an export are everyday text (``Billing``, ``it's done``, ``2026-01-01``) that
PyYAML writes either as it is or in single quotes; ``_everyday`` makes that choice by PyYAML's
own rules without PyYAML. Every other value (tabs, control characters, line breaks, floats) is
written alone through PyYAML (``yaml_pyyaml``) in the same context (block or flow), the text
taken from that output. Both are remembered, since exports repeat the same values many times.
Anything this module cannot answer with certainty raises ``Unsupported``, and the caller then
writes the whole document through PyYAML.
"""

from __future__ import annotations

import re
from typing import Any

from provisioner.export.yaml_pyyaml import Dumper, FlowList, FlowMap, pyyaml_dump


class Unsupported(Exception):
    """The fast emitter cannot be sure of the bytes: write the whole document through PyYAML."""


# Characters PyYAML writes as they are, plain or in '...' (allow_unicode): no tab, no control
# characters, no line breaks (\x85, \u2028, \u2029), no BOM, no surrogates; astral characters
# are left to PyYAML only to stay conservative. Text made of these alone is written either plain
# or single-quoted, never "..." or as a block, whatever the context.
_EVERYDAY = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff]*")
_FIRST_INDICATORS = "#,[]{}&*!|>'\"%@`"
_RESOLVERS = Dumper.yaml_implicit_resolvers
_LITERAL_KEY = "k"
_CACHE_LIMIT = 200_000

# value -> its text; a ``|`` block is a tuple (header, relative content lines). Only str values
# are cached by value (1, 1.0 and True are equal keys); floats by repr.
_block_cache: dict[str, Any] = {}
_flow_cache: dict[str, str] = {}
_block_key_cache: dict[str, str] = {}
_flow_key_cache: dict[str, str] = {}
_float_cache: dict[tuple[str, bool], str] = {}


def _resolves_to_str(text: str) -> bool:
    """Whether PyYAML reads ``text`` back as a string when written plain (not a bool, number...)."""
    for _tag, regexp in _RESOLVERS.get(text[0], []) + _RESOLVERS.get(None, []):
        if regexp.match(text):
            return False
    return True


def _everyday(text: str, flow: bool) -> str | None:
    """PyYAML's text for everyday ``text`` (see ``_EVERYDAY``), or None to ask PyYAML.

    The rules are those of PyYAML's ``analyze_scalar`` and ``choose_scalar_style``, which for
    these characters come down to: plain unless an indicator, a leading or trailing space, or a
    plain reading other than str (``yes``, ``012``, ``2026-01-01``) forbids it; else quoted."""
    if not _EVERYDAY.fullmatch(text):
        return None
    return text if _plain_allowed(text, flow) else "'" + text.replace("'", "''") + "'"


def _plain_allowed(text: str, flow: bool) -> bool:
    if not text or text[0] == " " or text[-1] == " " or text[0] in _FIRST_INDICATORS:
        return False
    if text.startswith(("---", "...")) or " #" in text:
        return False
    alone = len(text) == 1 or text[1] == " "  # the first character is followed by whitespace
    if text[0] == "-" and alone:
        return False
    if flow:
        if any(ch in text for ch in ",?[]{}:"):
            return False
    elif (text[0] == "?" and alone) or ": " in text or text[-1] == ":":
        return False
    return _resolves_to_str(text)


def block_scalar(value: Any) -> Any:
    """Text of ``value`` as a block mapping value or block list item.

    A str, or for text written as a ``|`` block a tuple ``(header, lines)`` whose lines are
    relative to the block's indentation ("" for an empty line)."""
    kind = type(value)
    if kind is str:
        text = _block_cache.get(value)
        if text is None:
            text = _everyday(value, False) or _block_from_pyyaml(value)
            _remember(_block_cache, value, text)
        return text
    return _other(value, False)


def flow_scalar(value: Any) -> str:
    """Text of ``value`` inside a one-line ``{...}`` or ``[...]``."""
    kind = type(value)
    if kind is str:
        text = _flow_cache.get(value)
        if text is None:
            text = _everyday(value, True) or _flow_from_pyyaml(value)
            _remember(_flow_cache, value, text)
        return text
    return _other(value, True)


def key_text(key: Any, flow: bool) -> str:
    """Text of a mapping key; only keys PyYAML writes as ``key: value`` (a "simple key")."""
    text = (_flow_key_cache if flow else _block_key_cache).get(key)
    return text if text is not None else _new_key(key, flow)


def _new_key(key: Any, flow: bool) -> str:
    if type(key) is not str or not key or len(key) > 100 or any(ch in key for ch in "\n\r\x85\u2028\u2029"):
        raise Unsupported("key")  # PyYAML would write "? key", or it needs a closer look
    text = _everyday(key, flow)  # a simple key is written like a value in the same context
    if text is None:
        out = pyyaml_dump(FlowMap({key: 1}) if flow else {key: 1})
        text = _strip(out, "{" if flow else "", ": 1}\n" if flow else ": 1\n")
        if text.startswith("? "):
            raise Unsupported("complex key")  # "? key: 1" (never for the keys let through above)
    _remember(_flow_key_cache if flow else _block_key_cache, key, text)
    return text


def _other(value: Any, flow: bool) -> str:
    kind = type(value)
    if kind is bool:
        return "true" if value else "false"
    if value is None:
        return "null"
    if kind is int:
        return str(value)
    if kind is float:
        key = (repr(value), flow)
        text = _float_cache.get(key)
        if text is None:
            text = _flow_from_pyyaml(value) if flow else _block_from_pyyaml(value)
            if not isinstance(text, str):
                raise Unsupported("float")
            _remember(_float_cache, key, text)
        return text
    raise Unsupported(kind.__name__)


def _block_from_pyyaml(value: Any) -> Any:
    out = pyyaml_dump({_LITERAL_KEY: value})
    lines = out.split("\n")
    if len(out.splitlines()) != len(lines) - 1:
        raise Unsupported("line breaks")  # the old path split lines with str.splitlines
    if len(lines) == 2:
        return _strip(out, _LITERAL_KEY + ": ", "\n")
    header = _strip(lines[0] + "\n", _LITERAL_KEY + ": ", "\n")
    if not header.startswith("|") or "+" in header or lines[-1] != "":
        raise Unsupported("block text")  # "|+" also ends the document with "..."
    content = []
    for line in lines[1:-1]:
        if line and not line.startswith("  "):
            raise Unsupported("block text")
        content.append(line[2:])
    return header, content


def _flow_from_pyyaml(value: Any) -> str:
    return _strip(pyyaml_dump(FlowList([value])), "[", "]\n")


def _strip(out: str, start: str, end: str) -> str:
    """The scalar between PyYAML's known surroundings, refusing anything else."""
    text = out[len(start):len(out) - len(end)]
    if not (out.startswith(start) and out.endswith(end)) or len(text.splitlines()) > 1:
        raise Unsupported("unexpected PyYAML output")
    return text


def _remember(cache: dict, key: Any, text: Any) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()  # bound memory on very large exports; the cache is only a speed-up
    cache[key] = text
