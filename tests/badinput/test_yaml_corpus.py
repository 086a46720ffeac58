"""The desired-state corpus: every file (or folder) in ``cases/`` against its row in expected.yaml.

Each case is run through ``validate`` and through ``plan`` against a served account of its
provider (Zendesk unless the row names ``provider``). Both must
fail the same way: exit 1, no traceback, one line ``Error: FILE:LINE: FIELD: message`` with the
expected fragment, and not a single request to the account (not even a read).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.badinput.harness import ServerPool, error_line, open_account

HERE = Path(__file__).parent
CASES_DIR = HERE / "cases"
EXPECTED: dict[str, dict] = yaml.safe_load((HERE / "expected.yaml").read_text())
CASES = sorted(p.name for p in CASES_DIR.iterdir())


def test_every_case_has_exactly_one_expectation() -> None:
    assert sorted(EXPECTED) == CASES


def expected_prefix(case: str) -> str:
    row = EXPECTED[case]
    path = CASES_DIR / case
    named = path / row["file"] if "file" in row else path
    field = f"{row['field']}: " if row["field"] else ""
    return f"Error: {named}:{row['line']}: {field}"


@pytest.mark.parametrize("case", CASES)
def test_bad_desired_state_fails_in_one_line_before_any_request(cli, pool: ServerPool, point_at, case: str) -> None:
    provider = EXPECTED[case].get("provider", "zendesk")
    account = open_account(pool, provider)
    point_at(account.env, provider)
    path = CASES_DIR / case
    lines = []
    for command in ("validate", "plan"):
        line = error_line(cli(command, path))
        assert line.startswith(expected_prefix(case)), line
        assert EXPECTED[case]["says"] in line, line
        lines.append(line)
    assert lines[0] == lines[1], "validate and plan must report the same problem"
    assert account.emulator.request_log == [], "no request may reach the account"
