"""Load and check a desired state before any request is made.

Every problem found here is an ``InputError`` naming file:line and the field: unknown kinds and
fields (with a "did you mean"), wrong types, missing natural keys, duplicate natural keys and
references to objects the desired state does not declare.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from provisioner.desired.state import DesiredObject, DesiredState, KindOptions, digest_of, yaml_files
from provisioner.desired.yaml_lines import parse
from provisioner.errors import InputError, Location, UserError
from provisioner.kind import Kind
from provisioner.provider import Provider, load_provider
from provisioner.references import collect, dotted

MAX_FILE_BYTES = 20 * 1024 * 1024
SECTION_OPTIONS = {"prune", "ignore", "items"}
Interpolate = Callable[[Any, Location], Any]


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def read_text(path: Path) -> str:
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        raise InputError(Location(str(path), 1), "", f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    if b"\0" in data:
        raise InputError(Location(str(path), 1), "", "binary file, not YAML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(Location(str(path), line), "", "file is not valid UTF-8") from None


def load_desired(path: Path, interpolate: Interpolate | None = None) -> tuple[DesiredState, Provider]:
    """Read, check and return the desired state at ``path`` and the provider it declares."""
    files = yaml_files(path)
    provider: Provider | None = None
    provider_at: Location | None = None
    objects: dict[str, list[DesiredObject]] = {}
    options: dict[str, KindOptions] = {}
    raw: list[tuple[str, bytes]] = []
    for file in files:
        text = read_text(file)
        raw.append((file.name, text.encode()))
        data, lines = parse(text, str(file))
        if data is None:
            raise InputError(Location(str(file), 1), "", "file is empty; expected 'provider:' and kinds")
        if not isinstance(data, dict):
            raise InputError(lines.get((), Location(str(file), 1)), "", "top level must be a mapping of kinds")
        name = data.get("provider")
        where = lines.get(("provider",), Location(str(file), 1))
        if not isinstance(name, str):
            raise InputError(where, "provider", "missing; every file starts with 'provider: zendesk|freshdesk|intercom'")
        if provider is None:
            try:
                provider = load_provider(name)
            except UserError as exc:
                raise InputError(where, "provider", str(exc)) from None
            provider_at = where
        elif name != provider.name:
            raise InputError(where, "provider", f"{name!r} differs from {provider.name!r} declared at {provider_at}")
        for section, value in data.items():
            if section == "provider":
                continue
            if section not in provider.kind_names:
                at = lines.get((section,), Location(str(file), 1))
                raise InputError(at, str(section), f"unknown kind for {provider.name}{did_you_mean(str(section), provider.kind_names)}")
            kind = provider.kind(section)
            opts, items, items_path = _section(kind, value, lines, file)
            if opts is not None:
                options[kind.name] = opts
            for index, item in enumerate(items):
                obj = _object(kind, item, items_path + (index,), lines, file, interpolate)
                _refuse_duplicate(objects.setdefault(kind.name, []), obj, kind)
                objects[kind.name].append(obj)
    assert provider is not None
    state = DesiredState(provider.name, objects, options, digest_of(raw), [str(f) for f in files])
    check_references(state, provider)
    return state, provider


def _section(kind: Kind, value: Any, lines: dict, file: Path) -> tuple[KindOptions | None, list[Any], tuple]:
    at = lines.get((kind.name,), Location(str(file), 1))
    if value is None:
        return None, [], (kind.name,)
    if kind.singleton and isinstance(value, dict) and "items" not in value:
        return None, [value], (kind.name, "<single>")
    if isinstance(value, list):
        return None, value, (kind.name,)
    if not isinstance(value, dict):
        raise InputError(at, kind.name, "expected a list of objects, or a mapping with 'items'")
    for option in value:
        if option not in SECTION_OPTIONS:
            raise InputError(lines.get((kind.name, option), at), f"{kind.name}.{option}",
                             f"unknown option{did_you_mean(str(option), sorted(SECTION_OPTIONS))}")
    prune = value.get("prune", False)
    if not isinstance(prune, bool):
        raise InputError(lines.get((kind.name, "prune"), at), f"{kind.name}.prune", "must be true or false")
    ignore = value.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore):
        raise InputError(lines.get((kind.name, "ignore"), at), f"{kind.name}.ignore", "must be a list of field names")
    items = value.get("items", [])
    if not isinstance(items, list):
        raise InputError(lines.get((kind.name, "items"), at), f"{kind.name}.items", "must be a list of objects")
    return KindOptions(prune=prune, ignore=tuple(ignore), location=at), items, (kind.name, "items")


def _object(kind: Kind, item: Any, path: tuple, lines: dict, file: Path,
            interpolate: Interpolate | None) -> DesiredObject:
    base = path[:-1] if path[-1] == "<single>" else path
    at = lines.get(base, Location(str(file), 1))
    if not isinstance(item, dict):
        raise InputError(at, kind.name, "each object must be a mapping of fields")
    own_lines = {p[len(base):]: loc for p, loc in lines.items() if p[: len(base)] == base}
    if interpolate is not None:
        item = interpolate(item, at)
    if kind.model is not None:
        item = _validate(kind, item, own_lines, at)
    if kind.singleton:
        item.setdefault(kind.natural_key, kind.name)
    key = kind.key_of(item)
    if not key:
        raise InputError(at, f"{kind.name}.{kind.natural_key}", "missing; it is this kind's natural key")
    return DesiredObject(kind.name, key, item, at, own_lines)


def _validate(kind: Kind, item: dict, own_lines: dict, at: Location) -> dict:
    model: Any = kind.model
    try:
        parsed = model.model_validate(item)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        where = own_lines.get(loc) or own_lines.get(loc[:-1]) or at
        field = f"{kind.name}.{dotted(loc)}" if loc else kind.name
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            parent_fields = _fields_at(model, loc[:-1])
            message = f"unknown field{did_you_mean(str(loc[-1]), parent_fields)}"
        elif error["type"] == "missing":
            message = "required field is missing"
        raise InputError(where, field, message) from None
    return parsed.model_dump(exclude_unset=True, by_alias=True)


def _fields_at(model: Any, loc: tuple) -> list[str]:
    """Field names of the (nested) model at ``loc``, for "did you mean" hints."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        annotation = field.annotation
        inner = [a for a in getattr(annotation, "__args__", (annotation,)) if hasattr(a, "model_fields")]
        if not inner:
            nested = [b for a in getattr(annotation, "__args__", ()) for b in getattr(a, "__args__", ()) if hasattr(b, "model_fields")]
            inner = nested
        if not inner:
            return []
        current = inner[0]
    return sorted(getattr(current, "model_fields", {}))


def _refuse_duplicate(existing: list[DesiredObject], obj: DesiredObject, kind: Kind) -> None:
    for other in existing:
        if other.key == obj.key:
            raise InputError(obj.location, f"{kind.name}.{kind.natural_key}",
                             f"duplicate {kind.natural_key} {obj.key!r} (also at {other.location})")


def check_references(state: DesiredState, provider: Provider) -> None:
    """Every reference names an object the YAML declares or one built into every account."""
    for kind in provider.kinds:
        for obj in state.of(kind.name):
            for ref, value, path in collect(obj.doc, kind.references):
                raw = str(value)
                if ref.key_prefix and not raw.startswith(ref.key_prefix):
                    continue
                key = raw[len(ref.key_prefix):]
                target = provider.kind(ref.target)
                if key in target.builtin or state.find(ref.target, key) is not None:
                    continue
                names = [o.key for o in state.of(ref.target)] + sorted(target.builtin)
                raise InputError(obj.where(path), f"{kind.name}.{dotted(path)}",
                                 f"no {ref.target} named {key!r} in the desired state{did_you_mean(key, names)}")
