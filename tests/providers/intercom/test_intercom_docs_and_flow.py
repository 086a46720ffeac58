"""The quickstart flow on Intercom, and the capability table and reference page it documents."""

from __future__ import annotations

import json
from pathlib import Path

from provisioner.docs_kinds import kinds_markdown
from provisioner.provider import load_provider
from tests.conftest import EXAMPLES, ROOT

EXAMPLE = EXAMPLES / "intercom"


def test_validate_plan_apply_plan_converges_through_the_cli(cli, tmp_path: Path) -> None:
    assert cli("validate", EXAMPLE).code == 0
    planned = cli("plan", EXAMPLE, "--emulator", "--out", "plan.json")
    assert planned.code == 0, planned.text
    assert "Plan: 21 to create, 0 to update, 0 to delete" in planned.out
    applied = cli("apply", "plan.json", "--emulator")
    assert applied.code == 0, applied.text
    again = cli("plan", EXAMPLE, "--emulator", "--detailed-exitcode")
    assert again.code == 0, again.text
    assert "No changes. The account emulator.intercom.invalid/emu0wksp matches" in again.out


def test_kinds_table_gives_archive_and_the_reasons_for_what_cannot_be_managed(cli) -> None:
    result = cli("kinds", "--provider", "intercom", "--json")
    rows = {row["kind"]: row for row in json.loads(result.out)}
    assert {rows[k]["delete"] for k in ("data_attributes", "ticket_types", "conversation_attributes")} == {"archive"}
    assert (rows["tags"]["delete"], rows["articles"]["delete"]) == (True, True)
    for read_only in ("teams", "admins", "macros", "newsfeeds"):
        assert rows[read_only]["read"] and not rows[read_only]["create"] and not rows[read_only]["update"]
        assert rows[read_only]["notes"].startswith("create, update, delete: ")
    for missing in ("workflows", "sla_rules", "roles"):
        assert not any(rows[missing][verb] for verb in ("read", "create", "update", "delete"))
        assert "Intercom" in rows[missing]["notes"]


def test_the_committed_reference_page_is_generated_from_the_declarations(cli) -> None:
    page = (ROOT / "docs" / "providers" / "intercom.md").read_text()
    assert page == kinds_markdown(load_provider("intercom")), \
        "regenerate: provisioner kinds --provider intercom --markdown > docs/providers/intercom.md"
    assert cli("kinds", "--provider", "intercom", "--markdown").out == page


def test_schema_covers_every_kind_with_a_model(cli) -> None:
    schema = json.loads(cli("schema", "--provider", "intercom").out)
    assert {"ticket_types", "office_hours_schedules", "articles", "workflows"} <= set(schema["properties"])


def test_drift_reports_a_macro_changed_in_the_ui_and_not_the_teammates_nobody_declares(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    clean = cli("drift", EXAMPLE, "--emulator")
    assert clean.code == 0, clean.text
    state_file = tmp_path / ".provisioner" / "emulator" / "intercom.json"
    state = json.loads(state_file.read_text())
    macro = next(m for m in state["collections"]["macros"]["items"].values() if m["name"] == "Billing escalation")
    macro["available_on"] = ["inbox", "messenger"]  # a teammate edits the macro in the UI
    state_file.write_text(json.dumps(state))
    drifted = cli("drift", EXAMPLE, "--emulator")
    assert drifted.code == 2
    assert "macros 'Billing escalation'" in drifted.out and "available_on" in drifted.out
    assert "admins" not in drifted.out
