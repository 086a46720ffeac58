"""Saved plans that must not be applied: corrupt, truncated, tampered, foreign, from another
version or for another account, or with errors. Each is refused in one line naming the plan
file (or the account), and the account receives no write at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from provisioner.plan.model import Plan
from tests.badinput.harness import ServedAccount, ServerPool, error_line, open_account
from tests.conftest import write_yaml

GROUPS = "provider: zendesk\ngroups:\n  - name: Billing\n  - name: Technical\n"


@pytest.fixture
def saved_plan(cli, account: ServedAccount, tmp_path: Path) -> Path:
    """A good plan of two creates against ``account``, saved with ``plan --out``."""
    state = write_yaml(tmp_path / "state", "groups.yaml", GROUPS)
    path = tmp_path / "plans" / "groups.json"
    result = cli("plan", state, "--out", path)
    assert result.code == 0, result.text
    return path


def resealed(data: dict[str, Any]) -> str:
    """The plan JSON with a valid checksum again: only the edited field is wrong."""
    return Plan.model_validate({**data, "checksum": ""}).sealed().model_dump_json(indent=2)


def edit(change: Callable[[dict[str, Any]], None]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        data = json.loads(text)
        change(data)
        return json.dumps(data, indent=2)
    return apply


def reseal_after(change: Callable[[dict[str, Any]], None]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        data = json.loads(text)
        change(data)
        return resealed(data)
    return apply


def _rename_first_change(data: dict[str, Any]) -> None:
    data["changes"][0]["after"]["name"] = "Billing and refunds"


# name -> (turn the saved plan's text into the bad file's text, what the one line must say)
BAD_PLANS: dict[str, tuple[Callable[[str], str], str]] = {
    "corrupt": (lambda text: "{this is not json" + text[40:], "not a plan file (corrupt or truncated JSON"),
    "truncated": (lambda text: text[: len(text) // 2], "not a plan file (corrupt or truncated JSON"),
    "empty": (lambda text: "", "not a plan file (corrupt or truncated JSON"),
    "tampered": (edit(_rename_first_change), "plan file was modified after it was saved (checksum mismatch)"),
    "foreign_json": (lambda text: '{"name": "web-app", "version": "1.0.0", "dependencies": {}}',
                     "not a provisioner plan file"),
    "json_list": (lambda text: "[1, 2, 3]", "not a provisioner plan file"),
    "future_format": (edit(lambda d: d.update(format_version=99)), "plan format 99 is not supported"),
    "other_tool_version": (reseal_after(lambda d: d.update(tool_version="0.0.1")),
                           "plan was made by provisioner 0.0.1"),
    "unknown_provider": (reseal_after(lambda d: d.update(provider="helpscout")), "unknown provider 'helpscout'"),
}


def test_control_the_saved_plan_applies(cli, account: ServedAccount, saved_plan: Path) -> None:
    result = cli("apply", saved_plan)
    assert result.code == 0, result.text
    assert len(account.landed_writes()) == 2


@pytest.mark.parametrize("name", sorted(BAD_PLANS))
def test_bad_plan_file_is_refused_before_any_request(cli, account: ServedAccount, saved_plan: Path,
                                                     name: str) -> None:
    make, says = BAD_PLANS[name]
    bad = saved_plan.with_name(f"{name}.json")
    bad.write_text(make(saved_plan.read_text()))
    requests_before = len(account.emulator.request_log)
    line = error_line(cli("apply", bad))
    assert says in line, line
    assert line.startswith(f"Error: {bad}: "), line
    assert len(account.emulator.request_log) == requests_before, "refused before any request"
    assert account.writes() == []


def test_binary_plan_file(cli, account: ServedAccount, saved_plan: Path) -> None:
    bad = saved_plan.with_name("binary.json")
    bad.write_bytes(bytes(range(256)))
    line = error_line(cli("apply", bad))
    assert line.startswith(f"Error: {bad}: not a plan file"), line
    assert account.emulator.request_log and account.writes() == []


def test_plan_for_another_account(cli, point_at, pool: ServerPool, account: ServedAccount,
                                  saved_plan: Path) -> None:
    other = open_account(pool, "zendesk")
    point_at(other.env)
    line = error_line(cli("apply", saved_plan))
    host = account.url.removeprefix("http://")
    assert f"plan was made for account {host}, not {other.url.removeprefix('http://')}" in line, line
    assert other.writes() == [] and account.writes() == []


def test_plan_with_errors_is_not_applied(cli, account: ServedAccount, tmp_path: Path) -> None:
    """``--block 6`` plans a macro naming a group of block 2 that does not exist live yet."""
    state = write_yaml(tmp_path / "state", "all.yaml", GROUPS + (
        "macros:\n  - title: To billing\n    actions:\n      - {field: group_id, value: Billing}\n"))
    path = tmp_path / "macros.json"
    planned = cli("plan", state, "--block", "6", "--out", path)
    assert planned.code == 1 and path.exists(), planned.text
    line = error_line(cli("apply", path))
    assert "plan has 1 error(s) and cannot be applied" in line, line
    assert "names groups 'Billing', which does not exist in the account" in line
    assert account.writes() == []


def test_missing_plan_file(cli, account: ServedAccount, tmp_path: Path) -> None:
    line = error_line(cli("apply", tmp_path / "plans" / "nope.json"))
    assert "nope.json: no such file or folder" in line
    assert account.emulator.request_log == []
