"""Run ``audit`` on an applied copy of the fixture desired state and read one check's result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.drift.support import desired_copy, ignore_seeded


def applied_copy(cli, tmp_path: Path, **edits: Any) -> Path:
    """The fixture, edited, applied to a fresh emulated account whose own objects are ignored."""
    folder = desired_copy(tmp_path, **edits)
    result = cli("apply", folder, "--emulator", "--auto-approve")
    assert result.code == 0, result.text
    ignore_seeded(cli, folder, "--emulator")
    return folder


def audit(cli, folder: Path, *args: str) -> tuple[int, dict]:
    result = cli("audit", folder, "--emulator", "--format", "json", *args)
    assert result.code in {0, 2}, result.text
    return result.code, json.loads(result.out)


def check(report: dict, check_id: str) -> dict:
    return next(c for c in report["checks"] if c["id"] == check_id)


def flagged(report: dict, check_id: str) -> set[str]:
    """Natural keys of the first object of each finding of a check."""
    return {f["objects"][0]["key"] for f in check(report, check_id)["findings"] if f["objects"]}
