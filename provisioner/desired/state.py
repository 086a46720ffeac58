"""The desired state: what the YAML declares, with the file and line of every node.

A desired state is one file or a folder of ``*.yaml``/``*.yml`` files, all declaring the same
``provider``. Each top-level key other than ``provider`` names a kind; its value is either a list
of objects or a mapping ``{prune: bool, ignore: [...], items: [...]}`` for per-kind options.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provisioner.errors import InputError, Location
from provisioner.desired.ignore import ObjectIgnore
from provisioner.references import Ref, collect

Doc = dict[str, Any]
FieldPath = tuple[Any, ...]


@dataclass
class DesiredObject:
    """One object as declared: its fields as written (natural keys, no ids) and where."""

    kind: str
    key: str
    doc: Doc
    location: Location
    lines: dict[FieldPath, Location] = field(default_factory=dict)
    # ``match_id: <live id>`` pins the object to one live object of one account, for accounts
    # where several objects share a natural key (export writes it; see docs/export.md).
    match_id: Any = None
    # (doc, refs, what collect found): loading checks every reference twice (existence, cycles).
    _found: tuple[Doc, tuple[Ref, ...], list[tuple[Ref, Any, FieldPath]]] | None = field(
        default=None, repr=False, compare=False)

    def references(self, refs: tuple[Ref, ...]) -> list[tuple[Ref, Any, FieldPath]]:
        """``collect(self.doc, refs)``, walked once for the doc as it is now."""
        found = self._found
        if found is None or found[0] is not self.doc or found[1] is not refs:
            found = self._found = (self.doc, refs, list(collect(self.doc, refs)))
        return found[2]

    def where(self, path: FieldPath = ()) -> Location:
        """The location of a field (or the closest enclosing node we know)."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.location


@dataclass
class KindOptions:
    """Per-kind settings from the YAML.

    + prune: delete live objects the YAML does not name (off unless the user opts in).
    + ignore: fields whose live value is never reported as drift or changed (``ignore_changes``).
    + ignore_objects: per-object rules from the same ``ignore:`` list (``provisioner.desired.ignore``).
    + location: where the kind's section starts, for messages.
    """

    prune: bool = False
    ignore: tuple[str, ...] = ()
    location: Location | None = None
    ignore_objects: tuple[ObjectIgnore, ...] = ()


@dataclass
class DesiredState:
    provider: str
    objects: dict[str, list[DesiredObject]]
    options: dict[str, KindOptions]
    digest: str
    sources: list[str]
    variables: dict[str, Any] = field(default_factory=dict)
    # kind -> (the list indexed, its length, key -> first object); rebuilt when the list changes.
    _by_key: dict[str, tuple[list[DesiredObject], int, dict[str, DesiredObject]]] = field(
        default_factory=dict, repr=False, compare=False)

    def of(self, kind: str) -> list[DesiredObject]:
        return self.objects.get(kind, [])

    def find(self, kind: str, key: str) -> DesiredObject | None:
        """The first object of ``kind`` named ``key``, through an index: every reference is
        checked with it, and scanning made 1,000 triggers naming 1,000 fields quadratic."""
        objects = self.of(kind)
        cached = self._by_key.get(kind)
        if cached is None or cached[0] is not objects or cached[1] != len(objects):
            index: dict[str, DesiredObject] = {}
            for obj in objects:
                index.setdefault(obj.key, obj)
            cached = self._by_key[kind] = (objects, len(objects), index)
        return cached[2].get(key)

    def count(self) -> int:
        return sum(len(v) for v in self.objects.values())


def yaml_files(path: Path) -> list[Path]:
    """The files a path stands for: itself, or the YAML files under a folder, sorted.

    A subfolder with its own ``provisioner.yaml`` (such as ``desired_state/zendesk/standard/``)
    is a desired state of its own, not part of its parent's."""
    if not path.exists():
        raise InputError(None, "", f"{path}: no such file or folder")
    if path.is_file():
        return [path]
    files = sorted(p for p in path.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file()
                   and p.name != "provisioner.yaml" and not any(part.startswith(".") for part in p.relative_to(path).parts)
                   and not _inside_another_project(path, p))
    if not files:
        raise InputError(None, "", f"{path}: folder has no .yaml files")
    return files


def _inside_another_project(root: Path, file: Path) -> bool:
    """True when a folder between ``root`` and ``file`` has its own ``provisioner.yaml``: that
    folder is a desired state of its own (a blueprint kept beside an example), not part of this one."""
    folder = file.parent
    while folder != root and root in folder.parents:
        if (folder / "provisioner.yaml").is_file():
            return True
        folder = folder.parent
    return False


def digest_of(texts: list[tuple[str, bytes]]) -> str:
    """A stable digest of the desired state's files (names and bytes), recorded in plans."""
    hasher = hashlib.sha256()
    for name, data in texts:
        hasher.update(name.encode() + b"\0" + data + b"\0")
    return hasher.hexdigest()
