"""What the audit checks read: the account's raw objects, their natural keys, and the clock.

Read once per run: the provider's kinds come from the plan's read (``Planned.raw``), the
profile's extra sources are read with the same adapter. A source the account refuses (a
plan-gated endpoint answering 403/404) is recorded as unreadable, so the checks needing it are
skipped with the reason instead of failing the whole audit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from provisioner.audit.model import ObjectRef
from provisioner.audit.profile import AuditProfile
from provisioner.errors import ProvisionerError
from provisioner.kind import Doc, Kind
from provisioner.live import LiveState, strip
from provisioner.provider import Adapter, Provider


@dataclass
class Snapshot:
    provider: Provider
    profile: AuditProfile
    live: LiveState
    raw: dict[str, list[Doc]]
    unreadable: dict[str, str] = field(default_factory=dict)
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def of(self, name: str) -> list[Doc]:
        return self.raw.get(name, [])

    def kind(self, name: str) -> Kind | None:
        for kind in (*self.provider.kinds, *self.profile.sources):
            if kind.name == name:
                return kind
        return None

    def missing(self, names: tuple[str, ...]) -> str | None:
        """Why the kinds ``names`` cannot be checked (None when all were read)."""
        for name in names:
            if name in self.unreadable:
                return f"could not read {name}: {self.unreadable[name]}"
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


def read_sources(adapter: Adapter, provider: Provider, profile: AuditProfile,
                 raw: dict[str, list[Doc]]) -> tuple[dict[str, list[Doc]], dict[str, str]]:
    """``raw`` plus the profile's sources the provider does not already declare as kinds."""
    found = dict(raw)
    unreadable: dict[str, str] = {}
    declared = set(provider.kind_names)
    for source in profile.sources:
        if source.name in declared or source.name in found:
            continue
        try:
            found[source.name] = adapter.read(source)
        except ProvisionerError as exc:
            unreadable[source.name] = str(exc)
    return found, unreadable
