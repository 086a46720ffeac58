"""One apply per account at a time, and a clear word when a lock was left behind.

The lock is ``.provisioner/locks/<provider>-<account>.lock``, held with ``flock`` for as long as
an apply (or resume) runs. The kernel drops an ``flock`` when its process dies, however it
dies, so a killed apply never blocks the next one; the file still names the process that held
it (pid, host, start time, command), which is how a lock left by a dead process is recognised
and explained, and how a live holder is named when a second apply is refused.

Scope: applies started from the same working folder (the lock lives under ``.provisioner/``).
Where ``fcntl`` is missing (Windows), the holder's pid is checked instead.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from provisioner.connect import STATE_DIR, private_dir
from provisioner.errors import UserError
from provisioner.journal.journal import account_slug

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_DIR = "locks"


def pid_alive(pid: int) -> bool:
    """True while a process with this pid exists (any user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    started: str
    command: str

    def describe(self) -> str:
        return f"pid {self.pid} on {self.host}, started {self.started}: {self.command}"


class AccountLock:
    """``with AccountLock(workdir, provider, account) as lock:`` runs under the lock;
    ``lock.note`` explains a stale lock that was taken over (None otherwise)."""

    def __init__(self, workdir: Path, provider: str, account: str, command: str = "apply") -> None:
        self.account = account
        self.command = command
        self.path = workdir / STATE_DIR / LOCK_DIR / f"{account_slug(provider, account)}.lock"
        self.note: str | None = None
        self._fd: int | None = None

    def __enter__(self) -> "AccountLock":
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()

    def acquire(self) -> None:
        private_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            self._take(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _take(self, fd: int) -> None:
        previous = _read_holder(fd)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise self._busy(previous) from None
            previous = _read_holder(fd)  # re-read under the lock: the last holder may just have left
        elif previous is not None and pid_alive(previous.pid) and previous.host == socket.gethostname():
            raise self._busy(previous)
        if previous is not None:
            self.note = self._stale_note(previous)
        _write_holder(fd, Holder(os.getpid(), socket.gethostname(),
                                 datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
                                 self.command))

    def _busy(self, holder: Holder | None) -> UserError:
        who = holder.describe() if holder else "another process"
        return UserError(f"another apply is running against {self.account} ({who}); wait for it to finish "
                         f"(lock: {self.path})")

    def _stale_note(self, holder: Holder) -> str:
        if holder.host != socket.gethostname():
            why = f"it was taken on another machine ({holder.host})"
        elif pid_alive(holder.pid):
            why = f"pid {holder.pid} no longer holds it (that number now belongs to another process)"
        else:
            why = f"process {holder.pid} no longer exists"
        return (f"found a stale lock on {self.account}: {holder.describe()} ended without releasing it "
                f"({why}), so that apply was interrupted. Taking the lock over.")

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            if fcntl is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None


def _read_holder(fd: int) -> Holder | None:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = b""
    while chunk := os.read(fd, 4096):
        raw += chunk
    if not raw.strip():
        return None
    try:
        data: Any = json.loads(raw)
        return Holder(int(data["pid"]), str(data.get("host", "?")), str(data.get("started", "?")),
                      str(data.get("command", "?")))
    except (ValueError, KeyError, TypeError):
        return Holder(0, "?", "?", "unreadable lock file")


def _write_holder(fd: int, holder: Holder) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(holder.__dict__).encode())
    os.fsync(fd)


def current_command() -> str:
    """How this process was started, for the lock file (arguments only, never the environment)."""
    return " ".join(["provisioner", *sys.argv[1:]])[:200]
