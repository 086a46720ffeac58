"""What the audit checks read: the account's raw objects, their natural keys, and the clock.

Read once per run: the raw objects are those the drift plan read (``Planned.raw``, every kind
of the provider), so the audit costs no request beyond drift.
"""

from __future__ import annotations

from typing import Any
from dataclasses import dataclass, field
from datetime import datetime, timezone

from provisioner.audit.model import ObjectRef
from provisioner.audit.profile import AuditProfile
from provisioner.kind import Doc, Kind
from provisioner.live import LiveState, strip
from provisioner.provider import Provider


@dataclass
class Snapshot:
    provider: Provider
    profile: AuditProfile
    live: LiveState
    raw: dict[str, list[Doc]]
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    # Whole-object ignore rules by kind: objects the YAML explicitly leaves alone (the vendor's
    # standard rules); checks about upkeep skip them, since the team chose not to manage them.
    hands_off: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    def left_alone(self, kind_name: str, raw: Doc) -> bool:
        key = self.ref(kind_name, raw).key
        return any(rule.matches(key) for rule in self.hands_off.get(kind_name, ()))

    def of(self, name: str) -> list[Doc]:
        return self.raw.get(name, [])

    def kind(self, name: str) -> Kind | None:
        return next((kind for kind in self.provider.kinds if kind.name == name), None)

    def missing(self, names: tuple[str, ...]) -> str | None:
        """Why the kinds ``names`` cannot be checked (None when all were read)."""
        for name in names:
            if self.kind(name) is None:
                return f"{self.provider.name} has no {name} kind"
            if name not in self.raw:
                return f"{name} was not read"
        return None

    def ref(self, kind_name: str, raw: Doc) -> ObjectRef:
        """An object by natural key (as the YAML would name it) and live id."""
        kind = self.kind(kind_name)
        if kind is None:
            return ObjectRef(kind=kind_name, key=str(raw.get("id")), id=raw.get("id"))
        obj_id = raw.get(kind.id_field)
        key = self.live.table.key_for(kind_name, obj_id) if obj_id is not None else None
        if key is None:
            key = kind.key_of(strip(kind, raw)) or str(obj_id)
        return ObjectRef(kind=kind_name, key=key, id=obj_id)

    def age_days(self, kind_name: str, raw: Doc) -> float | None:
        """Days since the object was last updated, from the raw ``updated_at`` (None if unknown)."""
        stamp = self.profile.updated_at(kind_name, raw)
        if stamp is None or stamp == "":
            return None
        try:
            when = (datetime.fromtimestamp(stamp, timezone.utc) if isinstance(stamp, int)
                    else datetime.fromisoformat(stamp.replace("Z", "+00:00")))
        except (ValueError, OverflowError, OSError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return (self.now - when).total_seconds() / 86400
