"""Shared by the rollback tests: which providers to run, export-equivalent snapshots, and
desired states derived from a provider's example by generic edits (copy, edit, drop, swap).

The edits use only kind declarations (natural key, references, immutable fields, model), so the
same tests run for every provider whose package imports and that ships an example in
``desired_state/<provider>/``.
"""

from __future__ import annotations

import copy
import functools
import json
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


@functools.lru_cache(maxsize=None)
def _example(provider_name: str) -> str:
    provider = load_provider(provider_name)
    state, _ = load_desired(EXAMPLES / provider_name)
    return json.dumps({kind.name: [o.doc for o in state.of(kind.name)] for kind in provider.kinds})


def example_docs(provider: Provider) -> Docs:
    """The objects of ``desired_state/<provider>/``, as loaded (a fresh copy each call)."""
    return json.loads(_example(provider.name))


def sample_objects(provider: Provider, kind: Kind) -> list[dict[str, Any]]:
    """Objects of ``kind`` to copy: the example's, else the kind's own documentation example."""
    found = example_docs(provider).get(kind.name) or []
    if not found and kind.example:
        found = (yaml.safe_load(kind.example) or {}).get(kind.name) or []
    return found


def kinds_to_exercise(provider: Provider) -> list[Kind]:
    """Kinds whose objects can be created, changed and deleted and that have an object to copy."""
    caps = lambda k: k.capabilities  # noqa: E731
    return [k for k in provider.kinds if not k.singleton and caps(k).create and caps(k).update and caps(k).delete
            and sample_objects(provider, k)]


def why_untestable(provider: Provider, kind: Kind) -> str | None:
    """Why rollback cannot be exercised on ``kind`` (None when it can)."""
    caps = kind.capabilities
    if not caps.read or not (caps.create or caps.update or caps.delete):
        reason = caps.why_not.get("read") or caps.why_not.get("update") or "read-only"
        return f"{kind.name}: the API cannot change it ({reason})"
    if not sample_objects(provider, kind):
        return f"{kind.name}: no object in desired_state/{provider.name}/ nor in the kind's example to start from"
    if not caps.create and not caps.delete and edited(kind, sample_objects(provider, kind)[0]) is None:
        return f"{kind.name}: update is all the API allows, and it has no field to edit"
    return None


def kind_cases() -> list[Any]:
    cases = []
    for name in PROVIDERS:
        provider = load_provider(name)
        for kind in provider.kinds:
            try:
                reason = why_untestable(provider, kind)
            except UserError:  # the example does not load: let the test fail and say why
                reason = None
            marks = [pytest.mark.skip(reason=reason)] if reason else []
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


def exported(cli, workdir: Path, provider: Provider, name: str) -> Docs:  # type: ignore[no-untyped-def]
    """``provisioner export`` of the emulated account into ``workdir/name``, loaded back: every
    object in desired-state terms, in the order the export lists them."""
    result = cli("export", workdir / name, "--provider", provider.name, "--emulator")
    assert result.code == 0, result.text
    state, _ = load_desired(workdir / name)
    return {kind.name: [copy.deepcopy(o.doc) for o in state.of(kind.name)] for kind in provider.kinds}


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


FREE_TEXT = ("description", "title", "name", "label", "body", "text", "message", "content", "subject")


def edited(kind: Kind, doc: dict[str, Any], mark: str = "edited", *, formatted: bool = True) -> dict[str, Any] | None:
    """A visible change the kind's model accepts, safest first: a description, another free-text
    field, a yes/no field, a list without its last item, any other text. ``None`` when the
    natural key is all there is to change (a tag). Text with a format (a time zone, an address)
    comes last, since only the API knows the format."""
    skip = {kind.natural_key} | referenced_roots(kind) | set(kind.immutable)
    fields = getattr(kind.model, "model_fields", {})
    texts = [n for n, v in doc.items() if n not in skip and isinstance(v, str) and v and not v.startswith("${")]
    free = [n for n in texts if any(word in n for word in FREE_TEXT)]
    candidates = []
    if "description" in fields and "description" not in skip:
        candidates.append({**doc, "description": f"{doc.get('description') or ''} ({mark})".strip()})
    candidates += [{**doc, n: f"{doc[n]} ({mark})"} for n in free]
    candidates += [{**doc, n: not doc.get(n, kind.defaults.get(n, False))}
                   for n, info in fields.items() if n not in skip and "bool" in str(info.annotation)]
    candidates += [{**doc, n: v[:-1]} for n, v in doc.items() if n not in skip and isinstance(v, list) and len(v) >= 2]
    for name, section in doc.items():  # settings by section: flip a yes/no inside one
        if name not in skip and isinstance(section, dict):
            flag = next((k for k, v in section.items() if isinstance(v, bool)), None)
            if flag is not None:
                candidates.append({**doc, name: {**section, flag: not section[flag]}})
    if formatted:
        candidates += [{**doc, n: f"{doc[n]} ({mark})"} for n in texts if n not in free]
    return next((c for c in candidates if kind.model is None or _valid(kind, c)), None)


def edit_one(kind: Kind, docs: list[dict[str, Any]], mark: str = "edited") -> list[dict[str, Any]] | None:
    """``docs`` with one object edited: the first that has a field safe to change, else the first
    that can change at all; ``None`` when none can."""
    for formatted in (False, True):
        for index, doc in enumerate(docs):
            changed = edited(kind, doc, mark, formatted=formatted)
            if changed is not None:
                return [*docs[:index], changed, *docs[index + 1:]]
    return None


def copyable(kind: Kind) -> bool:
    """A copy under a new natural key is a new object, unless the key names another object (a
    membership is known by its group)."""
    return kind.natural_key not in referenced_roots(kind)


def renamed(kind: Kind, doc: dict[str, Any], label: str) -> dict[str, Any]:
    """A copy under a new natural key the kind's model accepts (some allow no brackets)."""
    key = kind.key_of(doc)
    candidates = [f"{key} ({label})", f"{key} {label}", f"{key}-{label}".replace(" ", "-")]
    if "@" in key:  # an address: keep it one
        local, _, domain = key.partition("@")
        candidates.insert(0, f"{local}+{''.join(c for c in label if c.isalnum())}@{domain}")
    for candidate in candidates:
        copied = with_key(kind, doc, candidate)
        if kind.model is None or _valid(kind, copied):
            return copied
    raise AssertionError(f"no valid new {kind.natural_key} for a copy of {kind.name} {key!r}")


def _valid(kind: Kind, doc: dict[str, Any]) -> bool:
    if kind.singleton and kind.natural_key not in getattr(kind.model, "model_fields", {}):
        doc = {k: v for k, v in doc.items() if k != kind.natural_key}  # the loader adds it
    try:
        kind.model.model_validate(doc)  # type: ignore[union-attr]
    except ValueError:
        return False
    return True


def write_state(folder: Path, provider: Provider, docs: Docs, prune: set[str] = frozenset()) -> Path:  # type: ignore[assignment]
    folder.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {"provider": provider.name}
    for kind in provider.kinds:
        items = docs.get(kind.name) or []
        if kind.singleton and kind.natural_key not in getattr(kind.model, "model_fields", {kind.natural_key: 0}):
            items = [{k: v for k, v in d.items() if k != kind.natural_key} for d in items]  # the loader adds it
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


# -- edits made outside the tool (an admin in the UI) ------------------------------------------
def edit_live(provider: Provider, workdir: Path, kind_name: str, key: str, body: dict[str, Any] | None) -> None:
    """Change (``body``) or delete (``None``) one live object through the real client."""
    kind = provider.kind(kind_name)
    adapter = open_adapter(provider, emulator=True, env={}, workdir=workdir)
    try:
        live = read_live(adapter, [kind])
        obj = live.matching(kind_name, key)[0]
        if body is None:
            adapter.delete(kind, obj.id)
        else:
            adapter.update(kind, obj.id, body, obj.doc)
    finally:
        adapter.close()


def reorder_live(provider: Provider, workdir: Path, kind_name: str, keys: list[str]) -> None:
    """Move ``keys`` to the front of an ordered kind, as a drag and drop in the UI would."""
    kind = provider.kind(kind_name)
    adapter = open_adapter(provider, emulator=True, env={}, workdir=workdir)
    try:
        live = read_live(adapter, [kind])
        front = [live.matching(kind_name, k)[0].id for k in keys]
        adapter.reorder(kind, front + [o.id for o in live.of(kind_name) if o.id not in front])
    finally:
        adapter.close()


def export_differences(actual: dict[str, Any], expected: dict[str, Any]) -> str:
    """A readable account of how two exports differ (empty when they are identical)."""
    from deepdiff import DeepDiff

    return DeepDiff(expected, actual, verbose_level=2).pretty() if actual != expected else ""


def minus_archived(provider: Provider, docs: Docs, created: dict[str, list[str]]) -> Docs:
    """``docs`` without objects an apply created in kinds that cannot delete: undoing the create
    archived (or deactivated) them, which the plan says, so they may stay, in that state."""
    kept = dict(docs)
    for kind_name, keys in created.items():
        kind = provider.kind(kind_name)
        if kind.capabilities.delete_means:
            kept[kind_name] = [d for d in docs.get(kind_name) or [] if kind.key_of(d) not in keys]
    return kept
