"""The apply journal: what was about to be sent and what was confirmed, durable on disk.

One folder per apply, under ``.provisioner/journal/<provider>-<account>/<time>-<plan>/``:

+ ``plan.json``: a copy of the plan being applied (sealed, so a damaged copy is refused);
+ ``events.jsonl``: one JSON record per line, each flushed and fsynced before apply goes on:
  ``begin``; ``start`` (index, action, kind, key) before a change is sent; ``done`` (index,
  new id) once it is confirmed; ``failed`` (index, why, whether it may have landed);
  ``resume`` when ``apply --resume`` takes over; ``end`` (complete, stopped, refused or
  superseded).

A change with ``start`` and no ``done`` was in flight when the process died: ``apply
--resume`` checks the account for it (``settle``) rather than sending it blindly. A torn last
line (killed mid-write) is ignored: ``start`` is on disk before the request leaves, so a torn
``start`` means the request never left, and a torn ``done`` leaves the change in doubt, which
is checked. Error texts go through ``secrets.redact``; folders are 0700 and files 0600.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from provisioner import secrets
from provisioner.apply import Prior
from provisioner.connect import STATE_DIR, private_dir, write_private
from provisioner.errors import UserError
from provisioner.plan.model import Change, Plan
from provisioner.plan.store import load_plan

JOURNAL_DIR = "journal"
PLAN_FILE = "plan.json"
EVENTS_FILE = "events.jsonl"
FINISHED = frozenset({"complete", "superseded", "refused"})


def account_slug(provider: str, account: str) -> str:
    """A folder name for one account: ``zendesk-acme.zendesk.com``, ``zendesk-127.0.0.1_8765``."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", f"{provider}-{account}")


def journal_root(workdir: Path) -> Path:
    return workdir / STATE_DIR / JOURNAL_DIR


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class Summary:
    """What the events of one journal add up to."""

    prior: Prior
    status: str | None  # the last ``end`` status; None when the apply never ended
    started_at: str
    pid: int | None
    changes: int

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


class Journal:
    """The journal of one apply; append-only, every record durable before apply continues."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.events_path = folder / EVENTS_FILE
        self.plan_path = folder / PLAN_FILE
        self._fd: int | None = None

    # -- creating and opening ----------------------------------------------------------------
    @classmethod
    def create(cls, workdir: Path, plan: Plan) -> "Journal":
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        parent = private_dir(journal_root(workdir) / account_slug(plan.provider, plan.account))
        folder = private_dir(parent / f"{stamp}-{plan.checksum[:12]}")
        write_private(folder / PLAN_FILE, plan.model_dump_json(indent=2) + "\n")
        journal = cls(folder)
        journal.record("begin", provider=plan.provider, account=plan.account, plan=plan.checksum,
                       changes=len(plan.changes), pid=os.getpid())
        _fsync_dir(parent)
        return journal

    def plan(self) -> Plan:
        """The plan copy; refused when damaged (checksum) or from another tool version."""
        return load_plan(self.plan_path)

    # -- writing -----------------------------------------------------------------------------
    def record(self, event: str, **fields: Any) -> None:
        """Append one record and make it durable (flush + fsync) before returning."""
        line = json.dumps({"at": _now(), "event": event, **fields}, default=str, separators=(",", ":"))
        if self._fd is None:
            self._fd = os.open(self.events_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.write(self._fd, (secrets.redact(line) + "\n").encode())
        os.fsync(self._fd)

    def started(self, index: int, change: Change) -> None:
        self.record("start", index=index, action=change.action, kind=change.kind, key=change.key)

    def done(self, index: int, change: Change, new_id: Any) -> None:
        self.record("done", index=index, id=new_id)

    def failed(self, index: int, change: Change, error: str, unclear: bool) -> None:
        self.record("failed", index=index, error=error, unclear=unclear)

    def end(self, status: str, **fields: Any) -> None:
        self.record("end", status=status, **fields)
        self.close()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    # -- reading -----------------------------------------------------------------------------
    def events(self) -> list[dict[str, Any]]:
        """Every complete record; a torn last line (the process died mid-write) is dropped."""
        try:
            lines = self.events_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []
        records = []
        for number, line in enumerate(lines, start=1):
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                if number == len(lines):
                    break
                raise UserError(f"{self.events_path}:{number}: damaged journal record") from None
        return records

    def summary(self) -> Summary:
        prior = Prior()
        status: str | None = None
        begin: dict[str, Any] = {}
        for record in self.events():
            event, index = record.get("event"), record.get("index")
            if event == "begin":
                begin = record
            elif event == "start" and index is not None and index not in prior.done:
                prior.in_doubt.add(index)
            elif event == "done" and index is not None:
                prior.done[index] = record.get("id")
                prior.in_doubt.discard(index)
            elif event == "end":
                status = record.get("status")
            elif event == "resume":
                status = None
        return Summary(prior, status, begin.get("at", ""), begin.get("pid"), begin.get("changes", 0))


def _fsync_dir(path: Path) -> None:
    """Make a new entry in ``path`` durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def journals(workdir: Path, provider: str | None = None, account: str | None = None) -> list[Journal]:
    """Every journal under ``workdir``, oldest first; limited to one account when given."""
    root = journal_root(workdir)
    if not root.is_dir():
        return []
    if provider is not None and account is not None:
        parents = [root / account_slug(provider, account)]
    else:
        parents = sorted(p for p in root.iterdir() if p.is_dir())
    found = []
    for parent in parents:
        if parent.is_dir():
            found += [Journal(folder) for folder in sorted(parent.iterdir()) if (folder / EVENTS_FILE).exists()]
    return sorted(found, key=lambda j: j.folder.name)


def unfinished(workdir: Path, provider: str | None = None, account: str | None = None) -> list[Journal]:
    """Journals of applies that were interrupted or stopped on a failure, oldest first."""
    return [j for j in journals(workdir, provider, account) if not j.summary().finished]
