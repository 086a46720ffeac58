"""Files the tool writes under ``.provisioner/`` (emulator state, journals, locks, history and
snapshots) are readable by their owner only, and so are saved plans: they describe the account.

The commands run with umask 000, so a file that got its mode from the umask instead of asking
for 0600 would show up as world-readable.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterator

import pytest

from tests.badinput.harness import ServerPool, open_account
from tests.conftest import write_yaml
from tests.secrets.examples import copy_example

BAD_VIEW = ("provider: zendesk\nviews:\n  - title: Everything\n    conditions:\n      all:\n"
            "        - {field: status, operator: less_than, value: solved}\n"
            "    execution:\n      columns: [status, subject, requester, updated, created, assignee, group, "
            "priority, type, organization, brand]\n")


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    yield
    os.umask(previous)


def loose(root: Path) -> list[str]:
    """Every path under ``root`` that its group or others may read, write or enter."""
    found = []
    for path in [root, *sorted(root.rglob("*"))]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            found.append(f"{oct(mode)} {path.relative_to(root.parent)}")
    return found


@pytest.mark.usefixtures("open_umask")
@pytest.mark.parametrize("target", ["embedded", "served"])
def test_state_and_plans_are_owner_only(cli, pool: ServerPool, point_at, tmp_path: Path, target: str) -> None:
    copy_example("zendesk", tmp_path / "state")
    write_yaml(tmp_path / "refused", "views.yaml", BAD_VIEW)
    flags: tuple[str, ...] = ("--emulator",) if target == "embedded" else ()
    if target == "served":
        point_at(open_account(pool, "zendesk").env)
    steps = [
        (("plan", "state", "--out", "plans/first.json"), {0}),
        (("apply", "plans/first.json"), {0}),
        (("drift", "state"), {0, 2}),
        (("apply", "refused", "--auto-approve"), {1}),
        (("apply", "--resume"), {0, 1}),
        (("rollback", "--out", "plans/rollback.json"), {0, 1}),
        (("rollback", "--auto-approve"), {0, 1}),
    ]
    for args, codes in steps:
        result = cli(*flags, *args)
        assert result.code in codes, f"{args}: exit {result.code}\n{result.text}"

    state_dir = tmp_path / ".provisioner"
    written = [p for p in state_dir.rglob("*") if p.is_file()]
    assert any("history" in p.parts for p in written) and any("journal" in p.parts for p in written), written
    assert loose(state_dir) == []
    assert loose(tmp_path / "plans" / "first.json") == [] and loose(tmp_path / "plans" / "rollback.json") == []
