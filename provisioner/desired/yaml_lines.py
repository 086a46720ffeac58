"""Parse YAML into plain Python values while remembering the line of every node.

PyYAML's composer gives nodes with marks; we construct plain dicts and lists ourselves so that
every error later can name ``file:line`` and the field. Duplicate mapping keys are an error here
(PyYAML would silently keep the last one, hiding a mistake).
"""

from __future__ import annotations

from typing import Any

import yaml

from provisioner.errors import InputError, Location

Path = tuple[Any, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader resolution of scalars (bools, ints, nulls) without any Python tags."""


def _scalar(loader: _Loader, node: yaml.ScalarNode) -> Any:
    return loader.construct_object(node)


def parse(text: str, filename: str) -> tuple[Any, dict[Path, Location]]:
    """Return the document and a map from path (tuple of keys/indexes) to its location."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "'\\t'" in problem or "\t" in problem:
            problem = "tab character where YAML allows spaces only"
        raise InputError(Location(filename, line), "", f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise InputError(Location(filename, 1), "", f"invalid YAML: {exc}") from None
    lines: dict[Path, Location] = {}
    if root is None:
        return None, lines
    value = _build(root, (), filename, lines, _Loader(""))
    return value, lines


def _build(node: yaml.Node, path: Path, filename: str, lines: dict[Path, Location], loader: _Loader) -> Any:
    lines[path] = Location(filename, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise InputError(Location(filename, key_node.start_mark.line + 1), "<<",
                                 "YAML merge keys are not supported; write the fields out")
            key = _build(key_node, path + ("<key>",), filename, {}, loader)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise InputError(Location(filename, key_node.start_mark.line + 1), str(key),
                                 "mapping keys must be plain scalars")
            if key in result:
                first = lines.get(path + (key,))
                raise InputError(Location(filename, key_node.start_mark.line + 1), str(key),
                                 f"duplicate key (first defined at line {first.line if first else '?'})")
            result[key] = _build(value_node, path + (key,), filename, lines, loader)
            lines[path + (key,)] = Location(filename, key_node.start_mark.line + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), filename, lines, loader) for i, item in enumerate(node.value)]
    if node.tag not in _PLAIN_TAGS:
        raise InputError(Location(filename, node.start_mark.line + 1), "", f"unsupported YAML tag {node.tag}")
    value = loader.construct_object(node, deep=True)
    # Dates (holidays) stay strings: the APIs take and return "YYYY-MM-DD".
    return value.isoformat() if hasattr(value, "isoformat") else value


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
