"""PyYAML's emitter, set up the way export has always written YAML: the reference for the bytes.

Export writes most YAML with its own emitter (``yaml_emit``), which is several times faster than
PyYAML's pure-Python one. This module is what that emitter must match byte for byte: it answers
the rare cases the fast emitter does not handle (a scalar with unusual characters, an odd key,
a whole document it cannot write), and the tests compare the two on random and real exports.
The C emitter (CSafeDumper) cannot be used instead: it cannot indent lists under their key.
"""

from __future__ import annotations

from typing import Any

import yaml


class FlowMap(dict):
    """A mapping written on one line."""


class FlowList(list):
    """A list written on one line."""


class Dumper(yaml.SafeDumper):
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


Dumper.add_representer(str, _text)
Dumper.add_representer(FlowMap, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True))
Dumper.add_representer(FlowList, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))


def pyyaml_dump(styled: Any) -> str:
    """``styled`` (already marked by ``yaml_text._styled``) as YAML text, through PyYAML."""
    return yaml.dump(styled, Dumper=Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=2**31 - 1, indent=2)
