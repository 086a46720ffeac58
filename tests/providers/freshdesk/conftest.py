"""An emulated Freshdesk account that already matches the example desired state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import EXAMPLES
from tests.e2e_support import Account

EXAMPLE = EXAMPLES / "freshdesk"


@pytest.fixture
def fresh() -> Account:
    return Account.fresh("freshdesk")


@pytest.fixture
def account(fresh: Account) -> Account:
    after = fresh.converge(EXAMPLE)
    assert after.changes == [] and after.diagnostics == [], [(c.action, c.kind, c.key, c.fields) for c in after.changes]
    return fresh


def variant(folder: Path, edits: dict[str, list[tuple[str, str]]] | None = None, extra: str = "") -> Path:
    """A copy of the example with text replaced in some files (each old text must be present)
    and, optionally, one more file ``9-extra.yaml`` holding ``extra``."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in EXAMPLE.glob("*.yaml"):
        text = source.read_text()
        for old, new in (edits or {}).get(source.name, []):
            assert old in text, f"{old!r} not in {source.name}"
            text = text.replace(old, new)
        (folder / source.name).write_text(text)
    if extra:
        (folder / "9-extra.yaml").write_text("provider: freshdesk\n" + extra)
    return folder


class Recorder:
    """Wraps an emulator and keeps every request body, to assert what went over the wire."""

    def __init__(self, emulator: Any) -> None:
        self.inner = emulator
        self.sent: list[tuple[str, str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        self.sent.append((request.method, request.url.path, body))
        return self.inner(request)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def writes(self) -> list[tuple[str, str, Any]]:
        return [s for s in self.sent if s[0] != "GET"]


@pytest.fixture
def recorded(account: Account) -> Recorder:
    """The converged account, recording from now on."""
    recorder = Recorder(account.emulator)
    account.emulator = recorder
    return recorder
