"""Read the live account and normalise it into desired-state terms.

Reading is the only I/O of planning. Kinds are read concurrently (each is a chain of pages);
normalisation then drops server-owned fields, prefers ``raw_*`` over rendered values, applies the
kind's own quirks and rewrites every id reference to a natural key, so that the diff compares
like with like and never shows server noise.
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any, Iterable

from provisioner.kind import Doc, Kind
from provisioner.provider import Adapter
from provisioner.references import KeyTable, ids_to_keys, rewrite

READ_CONCURRENCY = 8


@dataclass
class LiveObject:
    kind: str
    key: str
    id: Any
    doc: Doc
    fingerprint: str
    system: bool = False


@dataclass
class LiveState:
    account: str
    objects: dict[str, list[LiveObject]] = field(default_factory=dict)
    table: KeyTable = field(default_factory=KeyTable)
    # kind -> (the list indexed, its length, key -> objects); rebuilt when the list changes.
    _by_key: dict[str, tuple[list[LiveObject], int, dict[str, list[LiveObject]]]] = field(
        default_factory=dict, repr=False, compare=False)

    def of(self, kind: str) -> list[LiveObject]:
        return self.objects.get(kind, [])

    def matching(self, kind: str, key: str) -> list[LiveObject]:
        """Objects of ``kind`` with natural key ``key``, through an index: plan and export ask
        once per object, and scanning the kind each time made 1,000 triggers cost a million steps."""
        objects = self.of(kind)
        cached = self._by_key.get(kind)
        if cached is None or cached[0] is not objects or cached[1] != len(objects):
            index: dict[str, list[LiveObject]] = {}
            for obj in objects:
                index.setdefault(obj.key, []).append(obj)
            cached = self._by_key[kind] = (objects, len(objects), index)
        return list(cached[2].get(key, ()))


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)


def fingerprint(raw: Doc) -> str:
    """What a saved plan remembers of a live object to notice later edits (``url`` is not state)."""
    body = {k: v for k, v in raw.items() if k != "url"}
    return hashlib.sha256(canonical_json(body).encode()).hexdigest()[:16]


def strip(kind: Kind, raw: Doc) -> Doc:
    """Drop server-owned and secret fields; ``raw_title`` wins over the rendered ``title``."""
    doc = {k: v for k, v in raw.items() if k not in kind.server_owned}
    for name in [k for k in doc if k.startswith("raw_")]:
        doc[name[4:]] = doc.pop(name)
    if kind.ordered:
        doc.pop("position", None)
    for secret in kind.secret_fields:
        doc = drop_path(doc, secret.split("."))
    if kind.normalize is not None:
        doc = kind.normalize(doc)
    return doc


def drop_path(doc: Doc, parts: list[str]) -> Doc:
    """A copy of ``doc`` without the dotted field ``parts`` (parents are copied, not mutated)."""
    if parts[0] not in doc:
        return doc
    copy = dict(doc)
    if len(parts) == 1:
        del copy[parts[0]]
    elif isinstance(copy[parts[0]], dict):
        copy[parts[0]] = drop_path(copy[parts[0]], parts[1:])
    return copy


def read_raw(adapter: Adapter, kinds: Iterable[Kind]) -> dict[str, list[Doc]]:
    """Every object of every kind, reading kinds concurrently."""
    kinds = [k for k in kinds if k.capabilities.read]
    if not kinds:
        return {}
    # An adapter may share identical list requests between kinds for the length of one read
    # (``read_session``), so reading costs the fewest requests the API allows.
    session = getattr(adapter, "read_session", None)
    with session() if session is not None else nullcontext():
        with ThreadPoolExecutor(max_workers=min(READ_CONCURRENCY, len(kinds))) as pool:
            results = list(pool.map(adapter.read, kinds))
    return {kind.name: objs for kind, objs in zip(kinds, results)}


def build_live(account: str, kinds: Iterable[Kind], raw: dict[str, list[Doc]]) -> LiveState:
    """Normalise raw objects; two passes so references can name objects of any kind."""
    kinds = [k for k in kinds if k.name in raw]
    state = LiveState(account)
    stripped: dict[str, list[tuple[Doc, Doc]]] = {}
    for kind in kinds:
        pairs = [(obj, strip(kind, obj)) for obj in raw[kind.name]]
        stripped[kind.name] = pairs
        for obj, doc in pairs:
            state.table.add(kind.name, kind.key_of(doc), obj[kind.id_field])
    mapper = ids_to_keys(state.table)
    for kind in kinds:
        state.objects[kind.name] = [
            LiveObject(kind.name, kind.key_of(doc), obj[kind.id_field],
                       rewrite(doc, kind.references, mapper), fingerprint(obj),
                       bool(kind.is_system and kind.is_system(obj)))
            for obj, doc in stripped[kind.name]
        ]
    return state


def read_live(adapter: Adapter, kinds: Iterable[Kind]) -> LiveState:
    kinds = list(kinds)
    return build_live(adapter.account, kinds, read_raw(adapter, kinds))
