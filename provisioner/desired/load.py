"""Load and check a desired state before any request is made.

Every problem found here is an ``InputError`` naming file:line and the field: unknown kinds and
fields (with a "did you mean"), wrong types, missing natural keys, duplicate natural keys and
references to objects the desired state does not declare or that go round in a circle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from provisioner.desired.cycles import check_cycles
from provisioner.desired.ignore import check_rules, merge_options, parse_ignore
from provisioner.desired.state import DesiredObject, DesiredState, KindOptions, digest_of, yaml_files
from provisioner.desired.yaml_lines import parse
from provisioner.errors import InputError, Location, UserError
from provisioner.interpolation import PlaceholderError, env_names, literal
from provisioner.kind import Kind
from provisioner.people import names_people
from provisioner.provider import Provider, load_provider
from provisioner.references import dotted
from provisioner.suggest import did_you_mean

MAX_FILE_BYTES = 20 * 1024 * 1024
SECTION_OPTIONS = {"prune", "ignore", "items"}
PIN_FIELD = "match_id"
Interpolate = Callable[[Any, Location], Any]


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = (exc.strerror or type(exc).__name__).lower()
        raise InputError(Location(str(path), 1), "", f"cannot read the file: {reason}") from None
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
    clashes: dict[str, dict[tuple[str, str], list[tuple[int, DesiredObject]]]] = {}  # see _clashing
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
        if "provider" in data and not isinstance(name, str):
            raise InputError(where, "provider", "must be one name: zendesk, freshdesk or intercom")
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
                options[kind.name] = merge_options(options.get(kind.name), opts)
            item_lines = _lines_by_item(lines, items_path)
            # Every placeholder and escape starts with "${": a file without one has nothing to
            # substitute or check, and skipping the walk over each of its strings is free.
            hook = interpolate if "${" in text else None
            for index, item in enumerate(items):
                own = item_lines.get(index)  # None for a singleton, or an item without lines
                obj = _object(kind, item, items_path + (index,), lines if own is None else own, file, hook,
                              relative=own is not None)
                _refuse_duplicate(_clashing(clashes.setdefault(kind.name, {}), obj), obj, kind)
                objects.setdefault(kind.name, []).append(obj)
    assert provider is not None
    state = DesiredState(provider.name, objects, options, digest_of(raw), [str(f) for f in files])
    check_references(state, provider)
    check_cycles(state, provider)
    for kind_name, opts in options.items():
        check_rules(kind_name, opts.ignore_objects, {o.key for o in state.of(kind_name)})
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
    ignore, ignore_objects = parse_ignore(kind.name, value.get("ignore", []), lines, at, (kind.name, "ignore"))
    items = value.get("items", [])
    if not isinstance(items, list):
        raise InputError(lines.get((kind.name, "items"), at), f"{kind.name}.items", "must be a list of objects")
    return KindOptions(prune=prune, ignore=ignore, location=at, ignore_objects=ignore_objects), items, (kind.name, "items")


def _lines_by_item(lines: dict, items_path: tuple) -> dict[int, dict]:
    """Each list item's own lines, by index, in one pass over the file's lines; paths are
    relative to the item (``("title",)``, the item itself at ``()``), as ``_object`` keeps them.

    ``_object`` used to scan every line of the file for every object, which made loading
    quadratic (3,000 groups took over ten seconds). Singleton sections keep the whole map.
    """
    if items_path[-1] == "<single>":
        return {}
    depth = len(items_path)
    grouped: dict[int, dict] = {}
    for path, location in lines.items():
        if len(path) > depth and path[:depth] == items_path and isinstance(path[depth], int):
            index = path[depth]
            own = grouped.get(index)
            if own is None:
                own = grouped[index] = {}
            own[path[depth + 1:]] = location
    return grouped


def _object(kind: Kind, item: Any, path: tuple, lines: dict, file: Path,
            interpolate: Interpolate | None, relative: bool = False) -> DesiredObject:
    """One object; ``lines`` are the file's, or with ``relative`` already the object's own
    (from ``_lines_by_item``), which spares a second pass over them."""
    base = path[:-1] if path[-1] == "<single>" else path
    if relative:
        own_lines = lines
        at = own_lines.get((), Location(str(file), 1))
    else:
        at = lines.get(base, Location(str(file), 1))
    if not isinstance(item, dict):
        raise InputError(at, kind.name, "each object must be a mapping of fields")
    if not relative:
        own_lines = {p[len(base):]: loc for p, loc in lines.items() if p[: len(base)] == base}
    item, match_id = _pin(kind, item, own_lines, at)
    if interpolate is not None:
        try:
            item = interpolate(item, at)
        except PlaceholderError as exc:  # name the field's own line
            raise InputError(own_lines.get(exc.path, at), f"{kind.name}.{exc.field}", exc.message) from None
    if kind.model is not None:
        item = _validate(kind, item, own_lines, at)
    if kind.singleton:
        item.setdefault(kind.natural_key, kind.name)
    key = kind.key_of(item)
    if not key:
        raise InputError(at, f"{kind.name}.{kind.natural_key}", "missing; it is this kind's natural key")
    if env_names(key):
        raise InputError(own_lines.get((kind.natural_key,), at), f"{kind.name}.{kind.natural_key}",
                         "a natural key names the object in every account; it cannot come from ${env:...}")
    return DesiredObject(kind.name, literal(key), item, at, own_lines, match_id)


def _pin(kind: Kind, item: dict, own_lines: dict, at: Location) -> tuple[dict, Any]:
    """Split off ``match_id`` (an engine field, not the API's) and check it is an id."""
    if PIN_FIELD not in item:
        return item, None
    item = dict(item)
    match_id = item.pop(PIN_FIELD)
    if isinstance(match_id, bool) or not isinstance(match_id, (int, str)) or match_id == "":
        raise InputError(own_lines.get((PIN_FIELD,), at), f"{kind.name}.{PIN_FIELD}",
                         "must be the live id of the object (a number or a string)")
    return item, match_id


def _validate(kind: Kind, item: dict, own_lines: dict, at: Location) -> dict:
    model: Any = kind.model
    try:
        parsed = model.model_validate(item)
    except ValidationError as exc:
        errors = exc.errors()
        # A misspelt field also leaves the right one missing; "unknown field 'feild' (did you
        # mean 'field'?)" is the message that helps, so it wins.
        error = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        loc = tuple(error["loc"])
        where = own_lines.get(loc) or own_lines.get(loc[:-1]) or at
        field = f"{kind.name}.{dotted(loc)}" if loc else kind.name
        message = _type_message(error)
        if error["type"] == "extra_forbidden":
            parent_fields = _fields_at(model, loc[:-1])
            message = f"unknown field{did_you_mean(str(loc[-1]), parent_fields)}"
        elif error["type"] == "missing":
            message = "required field is missing"
        raise InputError(where, field, message) from None
    return parsed.model_dump(exclude_unset=True, by_alias=True)


# pydantic error types -> what the YAML should hold, in YAML words (no Python class names).
EXPECTED = {
    "bool_type": "a boolean, true or false", "bool_parsing": "a boolean, true or false",
    "int_type": "a whole number", "int_parsing": "a whole number", "int_from_float": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "string_type": "text",
    "list_type": "a list", "dict_type": "a mapping of fields", "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
}


def _type_message(error: Any) -> str:
    """``should be a boolean, true or false (got 'maybe')``; choices say what was given too;
    other errors keep pydantic's wording."""
    expected = EXPECTED.get(error["type"])
    given = error.get("input")
    if error["type"] in {"literal_error", "enum"} and isinstance(given, (str, int, float, bool)):
        return f"{error['msg']} (got {given!r})"
    if expected is None:
        return str(error["msg"])
    if isinstance(given, (str, int, float, bool)) and len(repr(given)) <= 40:
        return f"should be {expected} (got {given!r})"
    return f"should be {expected} (got a {_yaml_type(given)})"


def _yaml_type(value: Any) -> str:
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if value is None:
        return "null"
    return "long text" if isinstance(value, str) else type(value).__name__


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


def _clashing(seen: dict[tuple[str, str], list[tuple[int, DesiredObject]]], obj: DesiredObject) -> list[DesiredObject]:
    """The objects declared before ``obj`` that could clash with it (same key, or same pin), in
    declaration order; then records ``obj``. Comparing each object with every earlier one made
    loading 10,000 triggers take 50 million comparisons."""
    number = len(seen.setdefault(("all", ""), []))
    seen[("all", "")].append((number, obj))
    groups = [("key", obj.key)] + ([("pin", str(obj.match_id))] if obj.match_id is not None else [])
    found: dict[int, DesiredObject] = {}
    for group in groups:
        for earlier, other in seen.setdefault(group, []):
            found[earlier] = other
        seen[group].append((number, obj))
    return [found[n] for n in sorted(found)]


def _refuse_duplicate(existing: list[DesiredObject], obj: DesiredObject, kind: Kind) -> None:
    """Natural keys are unique, except for objects each pinned to a different live id."""
    for other in existing:
        if obj.match_id is not None and other.match_id is not None and str(obj.match_id) == str(other.match_id):
            raise InputError(obj.location, f"{kind.name}.{PIN_FIELD}",
                             f"match_id {obj.match_id} also pins {other.key!r} at {other.location}")
        if other.key == obj.key and (obj.match_id is None or other.match_id is None):
            raise InputError(obj.location, f"{kind.name}.{kind.natural_key}",
                             f"duplicate {kind.natural_key} {obj.key!r} (also at {other.location}); if the account "
                             f"really has several, pin each with '{PIN_FIELD}: <live id>' (export writes these)")


def check_references(state: DesiredState, provider: Provider) -> None:
    """Every reference names an object the YAML declares or one built into every account."""
    for kind in provider.kinds:
        for obj in state.of(kind.name):
            for ref, value, path in obj.references(kind.references):
                raw = str(value)
                if ref.key_prefix and not raw.startswith(ref.key_prefix):
                    continue
                key = literal(raw[len(ref.key_prefix):])
                target = provider.kind(ref.target)
                if key in target.builtin or state.find(ref.target, key) is not None or names_people(target):
                    continue  # people live in each account; the plan checks them there
                names = [o.key for o in state.of(ref.target)] + sorted(target.builtin)
                raise InputError(obj.where(path), f"{kind.name}.{dotted(path)}",
                                 f"no {ref.target} named {key!r} in the desired state{did_you_mean(key, names)}")
