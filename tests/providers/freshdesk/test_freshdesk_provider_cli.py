"""The Freshdesk provider through the command line: kinds, plan → apply → plan, export, docs."""

from __future__ import annotations

from pathlib import Path

from provisioner.docs_kinds import kinds_markdown
from provisioner.provider import load_provider
from tests.conftest import ROOT
from tests.providers.freshdesk.conftest import EXAMPLE


def test_kinds_prints_the_capability_table(cli) -> None:
    result = cli("kinds", "--provider", "freshdesk", "--json")
    assert result.code == 0, result.text
    import json

    rows = {row["kind"]: row for row in json.loads(result.out)}
    assert set(rows) == set(load_provider("freshdesk").kind_names)
    assert rows["sla_policies"]["delete"] == "deactivate"
    assert rows["canned_responses"]["delete"] is False and "Admin → Canned Responses" in rows["canned_responses"]["notes"]
    assert (rows["agents"]["create"], rows["agents"]["update"]) == (False, True)
    assert not any(rows["business_hours"][verb] for verb in ("create", "update", "delete"))
    table = cli("kinds", "--provider", "freshdesk")
    assert table.code == 0 and "ticket_creation_rules" in table.out and "deactivate" in table.out


def test_plan_apply_plan_converges_on_the_example(cli) -> None:
    first = cli("plan", EXAMPLE, "--emulator")
    assert first.code == 0, first.text
    assert "Plan: 39 to create, 3 to update, 0 to delete" in first.out
    applied = cli("apply", EXAMPLE, "--emulator", "--auto-approve")
    assert applied.code == 0, applied.text
    again = cli("plan", EXAMPLE, "--emulator", "--detailed-exitcode")
    assert again.code == 0, again.text
    assert "No changes" in again.out


def test_export_of_one_account_rebuilds_another_identically(cli, tmp_path: Path) -> None:
    source, copy = tmp_path / "source", tmp_path / "copy"
    assert cli("--workdir", source, "apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    exported = cli("--workdir", source, "export", tmp_path / "exported", "--provider", "freshdesk", "--emulator")
    assert exported.code == 0, exported.text
    clean = cli("--workdir", source, "plan", tmp_path / "exported", "--emulator", "--detailed-exitcode")
    assert clean.code == 0 and "No changes" in clean.out, clean.text
    rebuilt = cli("--workdir", copy, "apply", tmp_path / "exported", "--emulator", "--auto-approve")
    assert rebuilt.code == 0, rebuilt.text
    assert cli("--workdir", copy, "export", tmp_path / "again", "--provider", "freshdesk", "--emulator").code == 0
    files = sorted(p.name for p in (tmp_path / "exported").glob("*.yaml"))
    assert len(files) == 18
    assert [(tmp_path / "again" / name).read_text() for name in files] == \
        [(tmp_path / "exported" / name).read_text() for name in files]
    assert cli("--workdir", copy, "plan", EXAMPLE, "--emulator", "--detailed-exitcode").code == 0


def test_unknown_field_is_one_line_naming_file_line_and_field(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("provider: freshdesk\ngroups:\n  - name: Billing\n    escalate: sam@example.com\n")
    result = cli("plan", bad, "--emulator")
    assert result.code == 1
    assert result.err.strip().count("\n") == 0
    assert "bad.yaml:4" in result.err and "groups.escalate" in result.err and "escalate_to" in result.err


def test_the_committed_kinds_page_matches_the_declarations() -> None:
    page = ROOT / "docs" / "providers" / "freshdesk.md"
    assert page.read_text(encoding="utf-8") == kinds_markdown(load_provider("freshdesk")), \
        "regenerate it: provisioner kinds --provider freshdesk --markdown > docs/providers/freshdesk.md"
