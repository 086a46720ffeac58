"""Reading and writing the history folder: one sub-folder per apply.

```
<history>/<apply id>/record.json     ApplyRecord: rewritten as each change finishes
<history>/<apply id>/snapshot.json   Snapshot: before-state, then completed with the after-state
```

Files are 0600 and folders 0700 (they hold account data), written atomically, and every byte
passes through the secrets registry first. Apply ids sort by time (``20250131-142501-7f3a``)
and a unique prefix is enough to name one.
"""

from __future__ import annotations

import json
import secrets as random
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, ValidationError

from provisioner import secrets
from provisioner.connect import private_dir, write_private
from provisioner.errors import UserError
from provisioner.history.model import ApplyRecord, Snapshot

RECORD = "record.json"
SNAPSHOT = "snapshot.json"


def now_iso() -> str:
    """UTC with microseconds: two applies in one second still sort in the order they ran."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


class HistoryStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    # -- writing ---------------------------------------------------------------------------
    def new_id(self) -> str:
        """A time-sorted id no earlier apply in this folder has: applies now often start within
        one second of each other, so the random suffix alone is not trusted to differ."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        while True:
            candidate = f"{stamp}-{random.token_hex(2)}"
            if not (self.root / candidate).exists():
                return candidate

    def save_record(self, record: ApplyRecord) -> None:
        self._write(record.id, RECORD, record)

    def save_snapshot(self, snapshot: Snapshot) -> None:
        self._write(snapshot.apply_id, SNAPSHOT, snapshot)

    def _write(self, apply_id: str, name: str, model: BaseModel) -> None:
        private_dir(self.root)
        folder = private_dir(self.root / apply_id)
        write_private(folder / name, secrets.redact(model.model_dump_json(indent=1)) + "\n")

    # -- reading ---------------------------------------------------------------------------
    def records(self) -> list[ApplyRecord]:
        """Every recorded apply, oldest first."""
        if not self.root.is_dir():
            return []
        found = [self._read(path, ApplyRecord) for path in self.root.glob(f"*/{RECORD}")]
        return sorted(found, key=lambda r: (r.started_at, r.id))  # type: ignore[attr-defined]

    def find(self, apply_id: str) -> ApplyRecord:
        """The record whose id is ``apply_id`` or starts with it (a unique prefix)."""
        records = self.records()
        exact = [r for r in records if r.id == apply_id]
        if exact:
            return exact[0]
        matching = [r for r in records if r.id.startswith(apply_id)]
        if len(matching) == 1:
            return matching[0]
        if not records:
            raise UserError(f"no applies are recorded in {self.root}")
        if matching:
            raise UserError(f"{apply_id!r} names {len(matching)} applies ({', '.join(r.id for r in matching)}); give more of the id")
        raise UserError(f"no apply {apply_id!r} in {self.root}; 'provisioner history' lists them")

    def snapshot(self, apply_id: str) -> Snapshot | None:
        path = self.root / apply_id / SNAPSHOT
        if not path.exists():
            return None
        return self._read(path, Snapshot)  # type: ignore[return-value]

    def _read(self, path: Path, model: type[BaseModel]) -> BaseModel:
        try:
            return model.model_validate(json.loads(path.read_text()))
        except (json.JSONDecodeError, UnicodeDecodeError, ValidationError) as exc:
            first = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            raise UserError(f"{path}: not a readable history file ({first})") from None
