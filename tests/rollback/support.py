"""Shared by the rollback tests: which providers to run, export-equivalent snapshots, and
desired states derived from a provider's example by generic edits (copy, edit, drop, swap).

The edits use only kind declarations (natural key, references, immutable fields, model), so the
same tests run for every provider whose package imports and that ships an example in
``desired_state/<provider>/``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from provisioner.connect import open_adapter
from provisioner.desired.load import load_desired
from provisioner.errors import UserError
from provisioner.kind import Kind
from provisioner.live import read_live
from provisioner.provider import KNOWN_PROVIDERS, Provider, load_provider
from provisioner.references import Ref, collect, rewrite
from tests.conftest import EXAMPLES

Docs = dict[str, list[dict[str, Any]]]


def available_providers() -> list[str]:
    names = []
    for name in KNOWN_PROVIDERS:
        try:
            load_provider(name)
        except (UserError, ImportError, AttributeError):
            continue
        if (EXAMPLES / name).is_dir():
            names.append(name)
    return names


PROVIDERS = available_providers()


def example_docs(provider: Provider) -> Docs:
    state, _ = load_desired(EXAMPLES / provider.name)
    return {kind.name: [copy.deepcopy(o.doc) for o in state.of(kind.name)] for kind in provider.kinds}


def sample_objects(provider: Provider, kind: Kind) -> list[dict[str, Any]]:
    """Objects of ``kind`` to copy: the example's, else the kind's own documentation example."""
    found = example_docs(provider).get(kind.name) or []
    if not found and kind.example:
        found = (yaml.safe_load(kind.example) or {}).get(kind.name) or []
    return found


def testable_kinds(provider: Provider) -> list[Kind]:
    """Kinds whose objects can be created, changed and deleted and that have an object to copy."""
    caps = lambda k: k.capabilities  # noqa: E731
    return [k for k in provider.kinds if not k.singleton and caps(k).create and caps(k).update and caps(k).delete
            and sample_objects(provider, k)]


def kind_cases() -> list[Any]:
    cases = []
    for name in PROVIDERS:
        provider = load_provider(name)
        for kind in provider.kinds:
            marks = [] if kind in testable_kinds(provider) else [pytest.mark.skip(reason=f"{kind.name}: no create/update/delete or no example object")]
            cases.append(pytest.param(name, kind.name, id=f"{name}-{kind.name}", marks=marks))
    return cases


# -- export-equivalent snapshot ---------------------------------------------------------------
def export(provider: Provider, workdir: Path) -> dict[str, Any]:
    """Every live object in desired-state terms (no ids, no timestamps) and every order."""
    adapter = open_adapter(provider, emulator=True, env={}, workdir=workdir)
    try:
        live = read_live(adapter, provider.kinds)
    finally:
        adapter.close()
    return {
        "objects": {k.name: {o.key: o.doc for o in live.of(k.name)} for k in provider.kinds},
        "orders": {k.name: [o.key for o in live.of(k.name)] for k in provider.kinds if k.ordered},
    }


def live_ids(provider: Provider, workdir: Path) -> dict[str, dict[str, Any]]:
    adapter = open_adapter(provider, emulator=True, env={}, workdir=workdir)
    try:
        return read_live(adapter, provider.kinds).table.to_json()
    finally:
        adapter.close()


# -- generic edits of a desired state ---------------------------------------------------------
def with_key(kind: Kind, doc: dict[str, Any], key: str) -> dict[str, Any]:
    return {**copy.deepcopy(doc), kind.natural_key: key}


def referenced_roots(kind: Kind) -> set[str]:
    return {ref.path.split(".")[0].split("[")[0] for ref in kind.references}


def edited(kind: Kind, doc: dict[str, Any], mark: str = "edited") -> dict[str, Any]:
    """A visible, valid change: a text field gets a suffix, else a yes/no field flips."""
    skip = {kind.natural_key} | referenced_roots(kind) | set(kind.immutable)
    for name, value in doc.items():
        if name not in skip and isinstance(value, str) and value and not value.startswith("${"):
            return {**doc, name: f"{value} ({mark})"}
    fields = getattr(kind.model, "model_fields", {})
    for name, info in fields.items():
        if name not in skip and "bool" in str(info.annotation):
            current = doc.get(name, kind.defaults.get(name, False))
            return {**doc, name: not current}
    for name in ("description", "name", "display_name"):
        if name in fields and name not in skip:
            return {**doc, name: mark}
    raise AssertionError(f"no field of {kind.name} to edit generically")


def write_state(folder: Path, provider: Provider, docs: Docs, prune: set[str] = frozenset()) -> Path:  # type: ignore[assignment]
    folder.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {"provider": provider.name}
    for kind in provider.kinds:
        items = docs.get(kind.name) or []
        if kind.name in prune:
            data[kind.name] = {"prune": True, "items": items}
        elif items:
            data[kind.name] = items
    path = folder / "state.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return folder


def references_in(provider: Provider, docs: Docs) -> list[tuple[str, str, str, str]]:
    """(referring kind, referring key, target kind, target key) of every reference."""
    found = []
    for kind in provider.kinds:
        for doc in docs.get(kind.name) or []:
            for ref, value, _ in collect(doc, kind.references):
                raw = str(value)
                if ref.key_prefix and not raw.startswith(ref.key_prefix):
                    continue
                found.append((kind.name, kind.key_of(doc), ref.target, raw[len(ref.key_prefix):]))
    return found


def redirect(provider: Provider, docs: Docs, target: str, old: str, new: str) -> Docs:
    """Every reference to ``target`` ``old`` now names ``new`` (natural keys, with their prefixes)."""

    def mapper(ref: Ref, value: Any, path: tuple) -> Any:
        if ref.target != target or str(value) != f"{ref.key_prefix}{old}":
            return value
        return f"{ref.key_prefix}{new}"

    return {kind.name: [rewrite(d, kind.references, mapper) for d in docs.get(kind.name) or []] for kind in provider.kinds}


def swap_first_two(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [docs[1], docs[0], *docs[2:]] if len(docs) >= 2 else docs


def referenced_target(provider: Provider, docs: Docs) -> tuple[str, str, str] | None:
    """A declared object that others refer to, and another of its kind to point them at instead
    (one no object names together with it, so no list gets a duplicate)."""
    refs = references_in(provider, docs)
    for kind in provider.kinds:
        declared = [kind.key_of(d) for d in docs.get(kind.name) or []]
        counts = {key: sum(1 for r in refs if (r[2], r[3]) == (kind.name, key)) for key in declared}
        named = [k for k in declared if counts[k]]
        if not named or len(declared) < 2 or not kind.capabilities.delete:
            continue
        old = max(named, key=lambda k: counts[k])
        users = {(r[0], r[1]) for r in refs if (r[2], r[3]) == (kind.name, old)}
        clash = {r[3] for r in refs if (r[0], r[1]) in users and r[2] == kind.name}
        spare = sorted((k for k in declared if k not in clash), key=lambda k: counts[k])
        if spare:
            return kind.name, old, spare[0]
    return None
