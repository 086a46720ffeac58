"""Open an adapter to the account a command works on: a real one, or the embedded emulator.

With ``--emulator`` the provider's emulator runs in-process behind ``httpx.MockTransport``;
its state lives in ``.provisioner/emulator/<provider>.json`` under the working folder and is
saved after every write, so separate commands (plan, then apply, then plan) see one account.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any, Mapping

import httpx

from provisioner.errors import UserError
from provisioner.provider import Adapter, Emulator, Provider

STATE_DIR = ".provisioner"
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by its owner only: it may hold account data.
    Every folder from ``.provisioner`` down to ``path`` is made private, not just the last."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    inner = [p for p in path.parents if STATE_DIR in p.parts]
    for folder in inner:
        os.chmod(folder, 0o700)
    return path


def write_private(path: Path, text: str) -> None:
    """Write atomically with mode 0600, so a crash never leaves half a file."""
    private_dir(path.parent)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)


def emulator_state_path(workdir: Path, provider: str, environment: str | None = None) -> Path:
    """One emulated account per provider, and one more per ``--env`` environment."""
    folder = workdir / STATE_DIR / "emulator"
    return (folder / environment if environment else folder) / f"{provider}.json"


class PersistingEmulator:
    """An emulator whose state is written to disk after every successful write request.

    One request at a time, as a served emulator answers them (``providers.common.serve``): the
    store is not thread-safe, and a parallel apply sends writes from several threads."""

    def __init__(self, emulator: Emulator, path: Path) -> None:
        self.emulator = emulator
        self.path = path
        self._one_at_a_time = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._one_at_a_time:
            response = self.emulator(request)
            if request.method in WRITE_METHODS and response.status_code < 400:
                self.save()
            return response

    def save(self) -> None:
        write_private(self.path, json.dumps(self.emulator.dump(), separators=(",", ":")))


def load_emulator(provider: Provider, workdir: Path, environment: str | None = None,
                  **options: Any) -> PersistingEmulator:
    path = emulator_state_path(workdir, provider.name, environment)
    state = None
    if path.exists():
        try:
            state = json.loads(path.read_text())
        except json.JSONDecodeError:
            raise UserError(f"{path}: emulator state is corrupt; delete it to start from a fresh account") from None
    persisting = PersistingEmulator(provider.make_emulator(state, **options), path)
    if state is None:
        # Saved at once: a fresh account's seeded objects (their timestamps too) must be the same
        # account for the next command, or a saved plan that updates one is stale when applied.
        persisting.save()
    return persisting


FAULTS_VAR = "PROVISIONER_EMULATOR_FAULTS"


def emulator_handler(provider: Provider, workdir: Path, env: Mapping[str, str], environment: str | None = None) -> Any:
    """The embedded emulator, behind the latency, faults and rpm limit that
    ``PROVISIONER_EMULATOR_FAULTS`` asks for (docs/reliability.md), if set."""
    text = env.get(FAULTS_VAR, "")
    if not text.strip():
        return load_emulator(provider, workdir, environment)
    from providers.common.faults import FaultOptions, FaultyEmulator

    options = FaultOptions.parse(text, FAULTS_VAR)
    limit = {"rpm": options.rpm} if options.rpm else {}
    return FaultyEmulator(load_emulator(provider, workdir, environment, **limit), options)


def open_adapter(provider: Provider, *, emulator: bool, env: Mapping[str, str], workdir: Path,
                 environment: str | None = None) -> Adapter:
    """The adapter for this command: the embedded emulator (one per ``environment``) or the
    account named in ``env``."""
    if emulator:
        transport = httpx.MockTransport(emulator_handler(provider, workdir, env, environment))
        return provider.connect(provider.emulator_env, transport)
    return provider.connect(env, None)
