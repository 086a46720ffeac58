"""Parse YAML into plain Python values while remembering the line of every node.

PyYAML's composer gives nodes with marks; we construct plain dicts and lists ourselves so that
every error later can name ``file:line`` and the field. Duplicate mapping keys are an error here
(PyYAML would silently keep the last one, hiding a mistake).

Anchors and aliases are allowed (reusing a condition list is handy), but a hostile or mistaken
file must not hang or crash the tool: an alias that contains itself, aliases that expand far
beyond the file's own size (a "billion laughs" file) and absurd nesting are one-line errors.
"""

from __future__ import annotations

from typing import Any

import yaml

from provisioner.desired.yaml_fast import parse_fast
from provisioner.errors import InputError, Location

Path = tuple[Any, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader resolution of scalars (bools, ints, nulls) without any Python tags."""


def _scalar(loader: _Loader, node: yaml.ScalarNode) -> Any:
    return loader.construct_object(node)


def parse(text: str, filename: str) -> tuple[Any, dict[Path, Location]]:
    """Return the document and a map from path (tuple of keys/indexes) to its location."""
    fast = parse_fast(text, filename, yaml.constructor.SafeConstructor().construct_object)
    if fast is not None:
        return fast
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise InputError(Location(filename, line), "", f"invalid YAML: {_problem(exc)}") from None
    except yaml.YAMLError as exc:
        raise InputError(Location(filename, 1), "", f"invalid YAML: {exc}") from None
    except RecursionError:
        raise InputError(Location(filename, 1), "", f"invalid YAML: nested more than {MAX_DEPTH} levels deep") from None
    lines: dict[Path, Location] = {}
    if root is None:
        return None, lines
    value = _Builder(filename, lines, _budget(root)).build(root, ())
    return value, lines


def _problem(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's problem in plain words, with where the unfinished construct began."""
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    if "'\\t'" in problem or "\t" in problem:
        return "tab character where YAML allows spaces only"
    if "another document" in problem:
        return "a second YAML document ('---'); put each document in its own file"
    if "expected <block end>" in problem:
        problem = "indentation does not line up with the lines above"
    context, began = exc.context, exc.context_mark
    if context and began is not None and exc.problem_mark is not None and began.line != exc.problem_mark.line:
        problem += f" ({context.strip()} that starts at line {began.line + 1})"
    return problem


MAX_DEPTH = 50
"""Deeper than any desired state needs (rule conditions are about six levels)."""
ALIAS_EXPANSION = 10
"""Aliases may make the document at most this many times larger than the file's own nodes."""
ALIAS_SLACK = 10_000


def _budget(root: yaml.Node) -> int:
    """How many values the document may expand to: a multiple of its distinct nodes."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return ALIAS_EXPANSION * len(seen) + ALIAS_SLACK


class _Builder:
    """Turns composed nodes into plain values, recording lines and refusing alias abuse."""

    def __init__(self, filename: str, lines: dict[Path, Location], budget: int) -> None:
        self.filename, self.lines, self.budget = filename, lines, budget
        self.loader = _Loader("")
        self.open: set[int] = set()  # nodes being built: meeting one again is a recursive alias

    def _at(self, node: yaml.Node) -> Location:
        return Location(self.filename, node.start_mark.line + 1)

    def build(self, node: yaml.Node, path: Path, record: bool = True) -> Any:
        if record:
            self.lines[path] = self._at(node)
        self.budget -= 1
        if self.budget < 0:
            raise InputError(self._at(node), "", "YAML aliases expand to far more values than the file holds; "
                                                 "write the objects out instead of nesting aliases")
        if id(node) in self.open:
            raise InputError(self._at(node), "", "YAML alias refers to a node that contains it (recursive anchor)")
        if len(self.open) >= MAX_DEPTH:
            raise InputError(self._at(node), "", f"invalid YAML: nested more than {MAX_DEPTH} levels deep")
        self.open.add(id(node))
        try:
            return self._value(node, path)
        finally:
            self.open.discard(id(node))

    def _value(self, node: yaml.Node, path: Path) -> Any:
        filename, lines = self.filename, self.lines
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _COLLECTION_TAGS:
            raise InputError(self._at(node), "", f"unsupported YAML tag {node.tag}")
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise InputError(self._at(key_node), "<<", "YAML merge keys are not supported; write the fields out")
                key = self.build(key_node, path + ("<key>",), record=False)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    raise InputError(self._at(key_node), str(key), "mapping keys must be plain scalars")
                if key in result:
                    first = lines.get(path + (key,))
                    raise InputError(self._at(key_node), str(key),
                                     f"duplicate key (first defined at line {first.line if first else '?'})")
                result[key] = self.build(value_node, path + (key,))
                lines[path + (key,)] = self._at(key_node)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag == _STR:
            return node.value  # what the constructor would return, without its per-node cache
        if node.tag not in _PLAIN_TAGS:
            raise InputError(Location(filename, node.start_mark.line + 1), "", f"unsupported YAML tag {node.tag}")
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, TypeError, IndexError, yaml.YAMLError):  # "!!int metric": a value its tag refuses
            raise InputError(self._at(node), "", f"invalid YAML: {node.value!r} is not a valid "
                                                 f"{node.tag.rsplit(':', 1)[-1]}") from None
        # Dates (holidays) stay strings: the APIs take and return "YYYY-MM-DD".
        return value.isoformat() if hasattr(value, "isoformat") else value


_STR = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
