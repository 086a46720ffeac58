"""Shared fixtures: an emulated Zendesk account and a CLI runner that captures output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import settings

from provisioner.cli.main import main

# Property tests judge results, never speed: hypothesis's 200 ms deadline per example fails
# them at random on a loaded 2-core CI machine.
settings.register_profile("provisioner", deadline=None)
settings.load_profile("provisioner")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "desired_state"


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    @property
    def text(self) -> str:
        return self.out + self.err


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run ``provisioner ARGS`` in a temporary working folder; returns a CliResult."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str) -> CliResult:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def emulator_state(workdir: Path, provider: str) -> dict[str, Any]:
    return json.loads((workdir / ".provisioner" / "emulator" / f"{provider}.json").read_text())


def write_yaml(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path
