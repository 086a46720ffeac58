"""A provider's kinds as a reference page, generated from their declarations.

``docs/providers/<provider>.md`` is the output of ``provisioner kinds --provider NAME
--markdown``: the capability table (what the vendor's API allows, and why not where it does
not), then per kind its block, natural key, fields (from its YAML model), what the engine
treats specially (immutable, references, compared as a set, defaults) and an example. A test
regenerates each committed page, so the docs cannot drift from the code.
"""

from __future__ import annotations

import sys
import types
import typing
from typing import Any, Iterator

from pydantic import BaseModel

from provisioner.kind import Kind
from provisioner.provider import Provider

VERBS = ("read", "create", "update", "delete", "reorder")
BLOCK_NAMES = {
    1: "foundation", 2: "users and permissions", 3: "channels", 4: "ticket taxonomy",
    5: "routing and SLAs", 6: "automations and macros", 7: "integrations", 8: "help center", 9: "answer bot",
}


def capability_notes(kind: Kind) -> str:
    """``why_not`` reasons, verbs that share a reason named together."""
    by_reason: dict[str, list[str]] = {}
    for verb, why in kind.capabilities.why_not.items():
        by_reason.setdefault(why, []).append(verb)
    return "; ".join(f"{', '.join(verbs)}: {why}" for why, verbs in by_reason.items())


def capability_rows(provider: Provider) -> list[dict[str, Any]]:
    """One row per kind: block, natural key, each verb (``delete`` may read "archive"), notes."""
    rows = []
    for kind in provider.kinds:
        caps = kind.capabilities
        row: dict[str, Any] = {"kind": kind.name, "block": kind.block, "natural_key": kind.natural_key}
        for verb in VERBS:
            row[verb] = caps.allows(verb)
        if caps.delete_means:
            row["delete"] = caps.delete_means
        row["notes"] = capability_notes(kind)
        rows.append(row)
    return rows


def kinds_markdown(provider: Provider) -> str:
    title = provider.name.capitalize()
    lines = [f"# {title}: kinds and capabilities", "",
             f"<!-- Generated from the kind declarations by `provisioner kinds --provider {provider.name} --markdown`;"
             " do not edit by hand. -->", ""]
    if provider.docs_notes:
        lines += [provider.docs_notes.strip(), ""]
    lines += ["## Capabilities", "", "| kind | block | natural key | read | create | update | delete | reorder | notes |",
              "|---|---|---|---|---|---|---|---|---|"]
    for row in capability_rows(provider):
        marks = [row[v] if isinstance(row[v], str) else ("yes" if row[v] else "no") for v in VERBS]
        lines.append("| " + " | ".join([f"`{row['kind']}`", str(row["block"]), f"`{row['natural_key']}`", *marks,
                                         _cell(row["notes"])]) + " |")
    lines.append("")
    for kind in provider.kinds:
        lines += kind_section(provider, kind)
    return "\n".join(lines).rstrip() + "\n"


def kind_section(provider: Provider, kind: Kind) -> list[str]:
    lines = [f"## `{kind.name}`", ""]
    if kind.summary:
        lines += [kind.summary, ""]
    facts = [f"Block {kind.block} ({BLOCK_NAMES.get(kind.block, '')})", f"natural key `{kind.natural_key}`"]
    if kind.path:
        facts.append(f"API `{kind.path}`")
    lines += [" · ".join(facts) + ".", ""]
    manual = _module_doc(kind)
    if manual:
        lines += [manual, ""]
    fields = list(field_rows(provider, kind))
    if fields and kind.capabilities.read:
        lines += ["| field | type | notes |", "|---|---|---|"]
        lines += [f"| `{name}` | {kind_text} | {_cell(notes)} |" for name, kind_text, notes in fields]
        lines.append("")
    if kind.server_owned and kind.capabilities.read:
        lines += ["Set by the server, never compared: " + ", ".join(f"`{f}`" for f in sorted(kind.server_owned)) + ".", ""]
    if kind.example:
        lines += ["```yaml", kind.example.rstrip(), "```", ""]
    return lines


def field_rows(provider: Provider, kind: Kind) -> Iterator[tuple[str, str, str]]:
    """(dotted field, its type in YAML words, what is special about it), nested models included."""
    model = kind.model if isinstance(kind.model, type) and issubclass(kind.model, BaseModel) else None
    if model is None:
        return
    refs: dict[str, list[Any]] = {}
    for ref in kind.references:
        refs.setdefault(ref.path, []).append(ref)
    yield from _fields(provider, kind, model, "", refs, frozenset({model}))


def _fields(provider: Provider, kind: Kind, model: type[BaseModel], prefix: str, refs: dict[str, list[Any]],
            seen: frozenset[type] = frozenset()) -> Iterator[tuple[str, str, str]]:
    """``seen``: the models enclosing this one; a model that contains itself (nested choices)
    is described once, not followed forever."""
    for name, info in model.model_fields.items():
        path = f"{prefix}{info.alias or name}"
        notes = []
        if path == kind.natural_key:
            notes.append("natural key")
        if info.is_required():
            notes.append("required")
        if path in kind.immutable:
            notes.append("immutable")
        for ref in refs.get(path) or refs.get(f"{path}[]") or []:
            target = provider.kind(ref.target)
            when = f" when {ref.when[0]} is {' or '.join(ref.when[1])}" if ref.when else ""
            notes.append(f"names {target.name} by {target.natural_key}{when}")
        if path in kind.unordered:
            notes.append("compared as a set")
        if path in kind.defaults:
            notes.append(f"compared even when left out (means `{_yaml(kind.defaults[path])}`)")
        nested = _nested_model(info.annotation)
        yield path, type_text(info.annotation), ", ".join(notes)
        if nested is not None and nested not in seen:
            inside = {"list": "[].", "dict": ".<key>."}.get(_container(info.annotation) or "", ".")
            yield from _fields(provider, kind, nested, f"{path}{inside}", refs, seen | {nested})


def type_text(annotation: Any) -> str:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(type_text(a) for a in args if a is not type(None))
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"list of {type_text(args[0])}" if args else "list"
    if origin is dict:
        return f"mapping of {type_text(args[0])} to {type_text(args[1])}" if args else "mapping"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "mapping"
    if annotation is Any:
        return "any value"
    return {str: "text", int: "whole number", float: "number", bool: "true/false"}.get(annotation, str(annotation))


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


def _container(annotation: Any) -> str | None:
    """"list" or "dict" when the (optional) annotation is one, else None."""
    for candidate in (annotation, *typing.get_args(annotation)):
        origin = typing.get_origin(candidate)
        if origin in (list, dict):
            return origin.__name__
    return None


def _yaml(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _module_doc(kind: Kind) -> str:
    """The kind file's own docstring, the fuller manual of the kind (its first line is the summary)."""
    module = sys.modules.get(getattr(kind.model, "__module__", "")) if kind.model is not None else None
    text = (module.__doc__ or "").strip() if module is not None else ""
    return "\n".join(text.splitlines()[1:]).strip() if "\n" in text else ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


if __name__ == "__main__":  # python -m provisioner.docs_kinds intercom > docs/providers/intercom.md
    from provisioner.provider import load_provider

    sys.stdout.write(kinds_markdown(load_provider(sys.argv[1])))
