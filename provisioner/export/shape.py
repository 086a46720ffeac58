"""Live objects as desired-state documents: what export writes and what compare compares.

A live object is already normalised by ``provisioner.live`` (server-owned fields dropped, ids
rewritten to natural keys). Here it is cut to what the YAML can say: only fields the kind's
model declares (at every depth), no nulls, no values equal to the kind's ``defaults`` (an
omitted default still compares), and text that merely looks like ``${var.x}``/``${env:X}``
escaped so it loads back as the same text. System objects (``LiveObject.system``) are left out,
except those an exported object names that are not built into every account (the default
brand, whose name is the account's): the YAML must declare what it names, so they are written,
marked as the account's own (they are never created or deleted, only compared).

Objects sharing a natural key with another live object (system ones included: a group named
"Support" next to the default one) are never dropped: each is written with ``match_id: <id>``,
which ties it to this account. Renaming is then possible from the YAML (keep the pin, change
the name, apply) and removes the need for the pin.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from provisioner.interpolation import escape_values, redact_values
from provisioner.kind import Doc, Kind
from provisioner.live import LiveObject, LiveState
from provisioner.references import collect, dotted

PIN_FIELD = "match_id"


@dataclass
class ExportedObject:
    key: str
    id: Any
    doc: Doc
    pinned: bool = False
    comment: str = ""


@dataclass
class KindExport:
    """+ objects: in file order (ordered kinds: live order; others: by natural key, then id).
    + notes: what a user should know (duplicates pinned, ids that will not port, skipped)."""

    kind: Kind
    objects: list[ExportedObject] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)


def _id_order(value: Any) -> tuple[int, Any]:
    return (0, value) if isinstance(value, int) and not isinstance(value, bool) else (1, str(value))


def referenced_system_keys(kinds: list[Kind], live: LiveState) -> dict[str, set[str]]:
    """Natural keys of system objects that non-system objects name, by kind; built-in keys and
    people (checked against each account when planning) need no declaration and are left out."""
    by_name = {k.name: k for k in kinds}
    needed: dict[str, set[str]] = {}
    for kind in kinds:
        for obj in live.of(kind.name):
            if obj.system:
                continue
            for ref, value, _ in collect(obj.doc, kind.references):
                target = by_name.get(ref.target)
                raw = str(value)
                if target is None or target.natural_key == "email" or not raw.startswith(ref.key_prefix):
                    continue
                key = raw[len(ref.key_prefix):]
                if key not in target.builtin and any(o.system for o in live.matching(target.name, key)):
                    needed.setdefault(target.name, set()).add(key)
    return needed


def shape_kind(kind: Kind, live: LiveState, keep: set[str] | None = None) -> KindExport:
    """The exportable objects of one kind, with a note for each thing worth saying; ``keep``:
    keys of system objects to write anyway (``referenced_system_keys``)."""
    result = KindExport(kind)
    candidates = [o for o in live.of(kind.name) if not o.system or o.key in (keep or set())]
    if not kind.ordered:
        candidates.sort(key=lambda o: (o.key, _id_order(o.id)))
    live_ids = _ids_by_value(live)
    for obj in candidates:
        if not obj.key:
            result.notes.append(f"{kind.name} id {obj.id} has no {kind.natural_key}; not exported "
                                f"(the YAML names every object by its {kind.natural_key})")
            continue
        twins = live.matching(kind.name, obj.key)
        doc = desired_doc(kind, obj.doc)
        exported = ExportedObject(obj.key, obj.id, doc)
        if obj.system:
            exported.comment = "the account's own object, written because other objects name it"
        if len(twins) > 1:
            exported.pinned = True
            exported.doc = _with_pin(kind, doc, obj.id)
            exported.comment = (f"{len(twins)} {kind.name} share this {kind.natural_key}: pinned to id {obj.id}; "
                                f"give it a unique {kind.natural_key} here, apply, then drop the {PIN_FIELD}")
        result.objects.append(exported)
        result.notes += _stray_ids(kind, obj, doc, live_ids)
        problem = _invalid(kind, doc)
        if problem:
            result.invalid.append(f"{kind.name} {obj.key!r}: {problem}")
    pinned = [o for o in result.objects if o.pinned]
    if pinned:
        keys = sorted({o.key for o in pinned})
        shown = ", ".join(repr(k) for k in keys[:5]) + (f" and {len(keys) - 5} more" if len(keys) > 5 else "")
        result.notes.insert(0, f"{len(pinned)} {kind.name} share a {kind.natural_key} with another ({shown}): "
                               f"all exported, each pinned with '{PIN_FIELD}: <id>' to this account; "
                               f"rename them in the YAML to make it portable (docs/export.md)")
    return result


def desired_doc(kind: Kind, live_doc: Doc) -> Doc:
    """One normalised live object as the YAML writes it (natural key first)."""
    model = kind.model if isinstance(kind.model, type) and issubclass(kind.model, BaseModel) else None
    doc = _project(model, live_doc) if model is not None else _sorted(live_doc)
    doc = {k: v for k, v in doc.items() if not (k in kind.defaults and _same(v, kind.defaults[k]))}
    if kind.singleton and doc.get(kind.natural_key) == kind.name:
        doc.pop(kind.natural_key)
    ordered = {kind.natural_key: doc[kind.natural_key]} if kind.natural_key in doc else {}
    ordered.update((k, v) for k, v in doc.items() if k != kind.natural_key)
    return escape_values(redact_values(ordered))  # a credential found in live text is never written


def _with_pin(kind: Kind, doc: Doc, obj_id: Any) -> Doc:
    pinned = {k: v for k, v in doc.items() if k == kind.natural_key}
    pinned[PIN_FIELD] = obj_id
    pinned.update((k, v) for k, v in doc.items() if k != kind.natural_key)
    return pinned


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _project(model: type[BaseModel], value: Any) -> Any:
    """``value`` cut to the fields ``model`` declares, recursively, without nulls."""
    if not isinstance(value, dict):
        return value
    out: Doc = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in value and value[key] is not None:
            out[key] = _project_value(info.annotation, value[key])
    if model.model_config.get("extra") == "allow":  # an open shape (rule actions): its other keys are data
        declared = {info.alias or name for name, info in model.model_fields.items()}
        out.update((k, _sorted(value[k])) for k in sorted(value, key=str) if k not in declared and value[k] is not None)
    return out


def _project_value(annotation: Any, value: Any) -> Any:
    direct, item = _models_in(annotation)
    if direct is not None and isinstance(value, dict):
        return _project(direct, value)
    if isinstance(value, list):
        return [_project(item, v) if item is not None and isinstance(v, dict) else _sorted(v) for v in value]
    return _sorted(value)


def _models_in(annotation: Any) -> tuple[type[BaseModel] | None, type[BaseModel] | None]:
    """(model the value itself may be, model the items of a list value may be)."""
    direct = item = None
    for arg in _union_args(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            direct = direct or arg
        elif typing.get_origin(arg) in (list, tuple, set):
            for inner in typing.get_args(arg):
                for candidate in _union_args(inner):
                    if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                        item = item or candidate
    return direct, item


def _union_args(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def _sorted(value: Any) -> Any:
    """Mappings without a model: keys sorted (stable output), nulls dropped."""
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value, key=str) if value[k] is not None}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


def _invalid(kind: Kind, doc: Doc) -> str:
    """Why the YAML model would refuse ``doc`` (a gap in the provider's declaration), or ""."""
    model = kind.model
    if model is None or not hasattr(model, "model_validate"):
        return ""
    try:
        model.model_validate(doc)
    except ValidationError as exc:
        error = exc.errors()[0]
        return f"{dotted(tuple(error['loc']))}: {error['msg']}"
    return ""


def _ids_by_value(live: LiveState) -> dict[str, tuple[str, str]]:
    """Every live id (as text) -> (kind, natural key), to spot ids left in exported fields."""
    found: dict[str, tuple[str, str]] = {}
    for kind_name, objects in live.objects.items():
        for obj in objects:
            found.setdefault(str(obj.id), (kind_name, obj.key))
    return found


def _stray_ids(kind: Kind, obj: LiveObject, doc: Doc, live_ids: dict[str, tuple[str, str]]) -> list[str]:
    """Id-named fields still holding a live id: the reference table does not cover them, so the
    exported value will not mean the same object in another account."""
    notes: list[str] = []

    def visit(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                visit(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                visit(v, path + (i,))
        else:
            name = next((p for p in reversed(path) if isinstance(p, str)), "")
            looks_like_id = name == "id" or name.endswith("_id") or name.endswith("_ids") or name == "ids"
            if looks_like_id and not isinstance(value, bool) and str(value) in live_ids and str(value) != str(obj.id):
                target_kind, target_key = live_ids[str(value)]
                notes.append(f"{kind.name} {obj.key!r}: {dotted(path)} is the id of {target_kind} {target_key!r} "
                             f"in this account; ids differ between accounts, so this value will not port")

    visit(doc, ())
    return notes
