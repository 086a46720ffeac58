"""Which objects the rules name, resolved against the live account, for the reference checks.

It reuses the engine's one reference walker and its id → key rule (``ids_to_keys``) over a key
table that records each lookup, so an audit can never read references differently from plan:
a lookup that finds no key is a reference to an object that no longer exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from provisioner.audit.snapshot import Snapshot
from provisioner.kind import Doc
from provisioner.live import strip
from provisioner.references import KeyTable, Ref, dotted, ids_to_keys, rewrite


@dataclass(frozen=True)
class Reference:
    kind: str           # the referring object's kind
    raw: Doc            # the referring object, raw
    target: str         # the kind referred to
    target_id: str      # the id as written in the referring object
    target_key: str | None  # its natural key, None when no live object has that id
    path: str           # where in the referring object (``actions[0].value``)


class _RecordingTable(KeyTable):
    def __init__(self, table: KeyTable) -> None:
        super().__init__()
        self.by_key, self.by_id = table.by_key, table.by_id
        self.lookups: list[tuple[str, str, str | None]] = []

    def key_for(self, kind: str, obj_id: Any) -> str | None:
        key = super().key_for(kind, obj_id)
        self.lookups.append((kind, str(obj_id), key))
        return key


def references(snapshot: Snapshot, kinds: tuple[str, ...] | list[str], targets: set[str]) -> list[Reference]:
    """Every reference from objects of ``kinds`` to kinds in ``targets`` that were read."""
    table = _RecordingTable(snapshot.live.table)
    mapper = ids_to_keys(table)
    found: list[Reference] = []
    for kind_name in kinds:
        kind = snapshot.kind(kind_name)
        if kind is None:
            continue
        refs = tuple(r for r in kind.references if r.target in targets and r.target in snapshot.raw)
        if not refs:
            continue
        for raw in snapshot.of(kind_name):

            def record(ref: Ref, value: Any, path: tuple[Any, ...], raw: Doc = raw, kind_name: str = kind_name) -> Any:
                table.lookups.clear()
                result = mapper(ref, value, path)
                for target, obj_id, key in table.lookups:
                    found.append(Reference(kind_name, raw, target, obj_id, key, dotted(path)))
                return result

            rewrite(strip(kind, raw), refs, record)
    return found


def raw_by_id(snapshot: Snapshot, kind: str) -> dict[str, Doc]:
    target = snapshot.kind(kind)
    field = target.id_field if target else "id"
    return {str(obj.get(field)): obj for obj in snapshot.of(kind)}
