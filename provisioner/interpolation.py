"""``${var.NAME}`` and ``${env:NAME}`` in desired-state values.

Two kinds of placeholder, treated differently on purpose:

- ``${var.NAME}`` is a per-environment variable from ``provisioner.yaml``. It is substituted
  when the YAML is loaded: a plan shows the value, since variables are not secrets (a whole
  value ``${var.NAME}`` takes the variable's type, so lists and numbers work too).
- ``${env:NAME}`` reads the process environment and is sensitive by default. The desired doc,
  and therefore every saved plan, keeps the *reference*; the plan text shows ``(sensitive)``;
  the diff compares the resolved value; apply resolves it again from the environment it runs
  in. The value is registered with ``provisioner.secrets`` so no output or log can show it.

``$${`` writes a literal ``${`` (``$${env:HOME}`` is the text ``${env:HOME}``), which is how
export writes live text that happens to look like a placeholder. Variable escapes are undone
at load; env escapes stay in the doc until resolution, so a literal can never turn into a
reference on the way through a plan file.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping

from provisioner import secrets
from provisioner.errors import InputError, Location, UserError
from provisioner.references import dotted

NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_TOKEN = re.compile(rf"\$\$\{{(?=var\.|env:)|\$\{{var\.({NAME})\}}|\$\{{env:({NAME})\}}")
_WHOLE_VAR = re.compile(rf"\$\{{var\.({NAME})\}}")
_MISTYPED = re.compile(r"\$\{\s*(vars?|env)\s*[.:]")
_LOOKS_LIKE_PLACEHOLDER = re.compile(r"\$\{(?=var\.|env:)")
ESCAPE = "$${"


def env_names(value: Any) -> set[str]:
    """Every ``${env:NAME}`` a value (string, list or mapping, nested) refers to."""
    found: set[str] = set()

    def visit(text: str) -> str:
        found.update(m.group(2) for m in _TOKEN.finditer(text) if m.group(2))
        return text

    _map_strings(value, visit)
    return found


def escape_literal(text: str) -> str:
    """Text that loads back as exactly ``text``: every ``${var.``/``${env:`` becomes ``$${``."""
    return _LOOKS_LIKE_PLACEHOLDER.sub(lambda m: ESCAPE, text)


def escape_values(value: Any) -> Any:
    """``escape_literal`` on every string of a value (lists and mappings, nested)."""
    return _map_strings(value, escape_literal)


def literal(text: str) -> str:
    """The text a value stands for, apart from its references: ``$${env:`` becomes ``${env:``.

    Natural keys and references are matched as text (a live title, a group's name), so they are
    compared in this form; a doc keeps its escapes until ``make_resolver`` sends or compares it.
    """
    if "$${" not in text:
        return text
    return _TOKEN.sub(lambda m: "${" if m.group(0) == ESCAPE and text.startswith("env:", m.end()) else m.group(0), text)


def mask_references(text: str) -> str:
    """``${env:NAME}`` -> ``(sensitive)`` for display; escapes and other text are kept."""
    return _TOKEN.sub(lambda m: secrets.MASK if m.group(2) else m.group(0), text)


def _map_strings(value: Any, change: Callable[[str], Any], path: tuple[Any, ...] = (),
                 with_path: bool = False) -> Any:
    if isinstance(value, str):
        return change(value, path) if with_path else change(value)  # type: ignore[call-arg]
    if isinstance(value, list):
        return [_map_strings(v, change, path + (i,), with_path) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {k: _map_strings(v, change, path + (k,), with_path) for k, v in value.items()}
    return value


def mentions_placeholder(value: Any) -> bool:
    """Whether any string in ``value`` holds ``${`` (every placeholder, escape and mistyped
    placeholder starts with it); callers skip the walk that substitutes or resolves when not.
    Asked of every object loaded and diffed, so it loops over a stack rather than recursing
    through a generator per list and mapping."""
    if isinstance(value, str):
        return "${" in value
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            node = node.values()
        elif not isinstance(node, list):
            continue
        for item in node:
            if isinstance(item, str):
                if "${" in item:
                    return True
            elif isinstance(item, (dict, list)):
                stack.append(item)
    return False


class PlaceholderError(InputError):
    """A bad placeholder; ``path`` is the field inside the object, so the loader can name its line."""

    def __init__(self, location: Location, path: tuple[Any, ...], message: str) -> None:
        super().__init__(location, dotted(path), message)
        self.path = path


class Interpolator:
    """The ``interpolate`` hook of ``load_desired``: substitutes variables, checks references.

    + variables: the selected environment's variables (``provisioner.yaml``).
    + environ: the process environment; with ``require_env`` every ``${env:NAME}`` must be set
      (plan and apply need the value to compare and send; ``validate`` does not).
    + natural_key: called with the kind's key field to refuse a sensitive natural key.
    """

    def __init__(self, variables: Mapping[str, Any], environ: Mapping[str, str], *,
                 require_env: bool = False, source: str = "provisioner.yaml") -> None:
        self.variables = dict(variables)
        self.environ = environ
        self.require_env = require_env
        self.source = source

    def __call__(self, item: Any, at: Location) -> Any:
        if not mentions_placeholder(item):
            return item  # nothing to substitute or check: skip rebuilding the object string by string
        return _map_strings(item, lambda text, path: self._string(text, path, at), with_path=True)

    def _string(self, text: str, path: tuple[Any, ...], at: Location) -> Any:
        if "${" not in text:
            return text  # every pattern below starts with "${": most text needs no regex at all
        field = path
        for mistyped in _MISTYPED.finditer(text):
            escaped = text[:mistyped.start()].endswith("$")
            if not escaped and not _TOKEN.match(text, mistyped.start()):
                shown = text[mistyped.start():mistyped.end() + 12]
                raise PlaceholderError(at, field, f"{shown!r}: write ${{var.NAME}} for a variable "
                                            "or ${env:NAME} for an environment variable")
        whole = _WHOLE_VAR.fullmatch(text)
        if whole:
            result = self._variable(whole.group(1), field, at)
        else:
            def substitute(match: re.Match[str]) -> str:
                if match.group(1):
                    value = self._variable(match.group(1), field, at)
                    if isinstance(value, (dict, list)):
                        raise PlaceholderError(at, field, f"variable {match.group(1)!r} is a {type(value).__name__}; "
                                                    "only a whole value can be a list or mapping")
                    return str(value).lower() if isinstance(value, bool) else str(value)
                if match.group(0) == ESCAPE and text.startswith("var.", match.end()):
                    return "${"  # a variable escape is literal text from here on
                return match.group(0)  # env references and env escapes wait for the resolver

            result = _TOKEN.sub(substitute, text)
        for name in sorted(env_names(result)):
            self._check_env(name, field, at)
        return result

    def _variable(self, name: str, field: tuple[Any, ...], at: Location) -> Any:
        if name not in self.variables:
            known = ", ".join(sorted(self.variables)) or "none"
            raise PlaceholderError(at, field, f"undefined variable {name!r} (defined in {self.source}: {known})")
        return self.variables[name]

    def _check_env(self, name: str, field: tuple[Any, ...], at: Location) -> None:
        if self.require_env and name not in self.environ:
            raise PlaceholderError(at, field, f"${{env:{name}}} is not set in the environment")


def make_resolver(environ: Mapping[str, str]) -> Callable[[Any], Any]:
    """Replace ``${env:NAME}`` with its value (and ``$${`` with ``${``) in any value.

    Used by the diff (to compare) and by apply (to send). Every value it reads is registered
    as a secret first, so an API error echoing the request cannot print it.
    """

    def resolve_text(text: str) -> str:
        def value(match: re.Match[str]) -> str:
            if match.group(2):
                name = match.group(2)
                if name not in environ:
                    raise UserError(f"${{env:{name}}} is not set in the environment; set it and run again")
                secrets.register([environ[name]])
                return environ[name]
            if match.group(0) == ESCAPE and text.startswith("env:", match.end()):
                return "${"
            return match.group(0)

        return _TOKEN.sub(value, text) if "${" in text else text

    def resolve(value: Any) -> Any:
        return _map_strings(value, resolve_text)

    return resolve


def conceal(desired: Any, live: Any, resolve: Callable[[Any], Any] | None) -> Any:
    """``live`` as a plan may store it: wherever ``desired`` holds an env reference, the live
    value becomes that reference when it matches (and ``(sensitive)`` when it differs); any
    other registered secret found in ``live`` is masked too."""
    if isinstance(desired, str) and isinstance(live, str) and env_names(desired):
        if resolve is not None:
            try:
                if resolve(desired) == live:
                    return desired
            except UserError:
                pass
        return secrets.MASK
    if isinstance(desired, dict) and isinstance(live, dict):
        return {k: conceal(desired.get(k), v, resolve) if k in desired else redact_values(v) for k, v in live.items()}
    if isinstance(desired, list) and isinstance(live, list):
        return [conceal(desired[i], v, resolve) if i < len(desired) else redact_values(v) for i, v in enumerate(live)]
    return redact_values(live)


def redact_values(value: Any) -> Any:
    """Every registered secret in any string of ``value`` replaced by ``(sensitive)``."""
    return _map_strings(value, secrets.redact)
