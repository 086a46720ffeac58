"""Export round trip: an Intercom workspace exported to YAML plans clean, on it and on a new one."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "intercom"


def test_export_plans_clean_against_the_same_workspace(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    exported = cli("export", "out", "--provider", "intercom", "--emulator")
    assert exported.code == 0, exported.text
    assert "will not load" not in exported.err
    files = sorted(p.name for p in (tmp_path / "out").glob("*.yaml"))
    assert {"4-data_attributes.yaml", "4-ticket_types.yaml", "8-collections.yaml", "8-articles.yaml",
            "1-office_hours_schedules.yaml", "2-teams.yaml", "6-macros.yaml"} <= set(files)
    plan = cli("plan", "out", "--emulator", "--detailed-exitcode")
    assert plan.code == 0, plan.text
    assert "No changes." in plan.out


def test_export_recreates_the_workspace_elsewhere_and_exports_identically(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    assert cli("export", "first", "--provider", "intercom", "--emulator").code == 0
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    applied = cli("apply", "first", "--emulator", "--auto-approve", "--workdir", fresh)
    assert applied.code == 0, applied.text
    assert cli("plan", "first", "--emulator", "--workdir", fresh, "--detailed-exitcode").code == 0
    assert cli("export", "second", "--provider", "intercom", "--emulator", "--workdir", fresh).code == 0
    first = {p.name: p.read_text() for p in (tmp_path / "first").glob("*.yaml")}
    second = {p.name: p.read_text() for p in (tmp_path / "second").glob("*.yaml")}
    assert first == second


def test_archived_objects_are_not_exported(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    assert cli("rollback", "--emulator", "--auto-approve").code == 0  # archives what it cannot delete
    assert cli("export", "out", "--provider", "intercom", "--emulator").code == 0
    assert not (tmp_path / "out" / "4-data_attributes.yaml").exists()
    assert not (tmp_path / "out" / "4-ticket_types.yaml").exists()
