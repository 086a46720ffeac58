"""Inputs not worth committing (binary, huge) or that are about paths: made in the test.

Same contract as the corpus: exit 1, no traceback, one line naming the file (and line), and no
request to the account. A control case first proves the served account really is the one the
CLI talks to, so "no request" below means something.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from provisioner.desired.load import MAX_FILE_BYTES
from tests.badinput.harness import ServedAccount, error_line
from tests.conftest import write_yaml

GOOD = "provider: zendesk\ngroups:\n  - name: Billing\n"


def test_control_a_valid_plan_reads_the_served_account(cli, account: ServedAccount, tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "state", "groups.yaml", GOOD)
    result = cli("plan", path)
    assert result.code == 0, result.text
    assert "+ groups 'Billing'" in result.out
    methods = {r.method for r in account.emulator.request_log}
    assert methods == {"GET"}, methods


def _fails_before_any_request(cli, account: ServedAccount, path: Path, prefix: str, says: str) -> None:
    for command in ("validate", "plan"):
        line = error_line(cli(command, path))
        assert line.startswith(f"Error: {prefix}"), line
        assert says in line, line
    assert account.emulator.request_log == []


def test_binary_file(cli, account: ServedAccount, tmp_path: Path) -> None:
    path = tmp_path / "logo.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _fails_before_any_request(cli, account, path, f"{path}:1: ", "binary file, not YAML")


def test_file_that_is_not_utf8(cli, account: ServedAccount, tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("provider: zendesk\ngroups:\n  - name: Facturación\n".encode("latin-1"))
    _fails_before_any_request(cli, account, path, f"{path}:3: ", "file is not valid UTF-8")


def test_very_large_file(cli, account: ServedAccount, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    item = "  - name: Group {}\n    description: " + "x" * 200 + "\n"
    with path.open("w") as handle:
        handle.write("provider: zendesk\ngroups:\n")
        written, index = 0, 0
        while written <= MAX_FILE_BYTES:
            written += handle.write(item.format(index))
            index += 1
    assert path.stat().st_size > MAX_FILE_BYTES
    _fails_before_any_request(cli, account, path, f"{path}:1: ", f"file is larger than {MAX_FILE_BYTES // 2**20} MiB")


def test_path_that_does_not_exist(cli, account: ServedAccount, tmp_path: Path) -> None:
    path = tmp_path / "desired_stat"
    _fails_before_any_request(cli, account, path, f"{path}: ", "no such file or folder")


def test_folder_without_yaml(cli, account: ServedAccount, tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    (folder / "notes.txt").write_text("groups: Billing\n")
    _fails_before_any_request(cli, account, folder, f"{folder}: ", "folder has no .yaml files")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode")
def test_unreadable_file(cli, account: ServedAccount, tmp_path: Path) -> None:
    path = write_yaml(tmp_path, "locked.yaml", GOOD)
    path.chmod(0)
    try:
        _fails_before_any_request(cli, account, path, f"{path}", "permission denied")
    finally:
        path.chmod(0o600)
