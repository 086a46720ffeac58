"""Cyclic references beyond the corpus files: a loop spread over several files, and the control
that a long chain without a loop is fine (the check walks iteratively: no recursion limit).

Intercom collections (``parent_id`` names another collection) are the parent/child kind used;
the corpus has the short loops for Freshdesk folders and Intercom collections.
"""

from __future__ import annotations

from pathlib import Path

from tests.badinput.harness import error_line
from tests.conftest import write_yaml

HEADER = "provider: intercom\n"


def test_loop_across_three_files(cli, tmp_path: Path) -> None:
    folder = tmp_path / "help-center"
    write_yaml(folder, "a.yaml", HEADER + "collections:\n  - name: Apps\n    parent_id: Desktop\n")
    write_yaml(folder, "b.yaml", HEADER + "collections:\n  - name: Desktop\n    parent_id: Windows\n")
    write_yaml(folder, "c.yaml", HEADER + "collections:\n  - name: Windows\n    parent_id: Apps\n")
    line = error_line(cli("validate", folder))
    assert line == (f"Error: {folder / 'a.yaml'}:4: collections.parent_id: cyclic reference: collections 'Apps' → "
                    "collections 'Desktop' → collections 'Windows' → collections 'Apps'; "
                    "no object in the loop can be created first")


def test_control_a_deep_chain_without_a_loop_is_valid(cli, tmp_path: Path) -> None:
    """1,500 nested collections: deeper than Python's recursion limit, and no loop."""
    items = ["  - name: C0"] + [f"  - name: C{i}\n    parent_id: C{i - 1}" for i in range(1, 1500)]
    path = write_yaml(tmp_path, "deep.yaml", HEADER + "collections:\n" + "\n".join(items) + "\n")
    result = cli("validate", path)
    assert result.code == 0, result.text
    assert "Valid: 1500 objects for intercom" in result.out
