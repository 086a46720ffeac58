"""The quickstart path through the real CLI: validate, plan, apply a saved plan, plan again."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import EXAMPLES, emulator_state

EXAMPLE = EXAMPLES / "zendesk"


def test_plan_apply_plan_converges_with_exit_codes(cli, tmp_path: Path) -> None:
    assert cli("validate", EXAMPLE).code == 0
    first = cli("plan", EXAMPLE, "--emulator", "--out", "plan.json", "--detailed-exitcode")
    assert first.code == 2, first.text
    counts = re.search(r"Plan: (\d+) to create, (\d+) to update, 0 to delete", first.out)
    assert counts and int(counts.group(1)) >= 20, first.out
    assert "Block 2 · users and permissions" in first.out and "+ groups 'Billing'" in first.out
    applied = cli("apply", "plan.json", "--emulator")
    assert applied.code == 0, applied.text
    total = int(counts.group(1)) + int(counts.group(2)) + first.out.count("reorder ")
    assert f"Apply complete: {total} change(s) applied." in applied.out
    again = cli("plan", EXAMPLE, "--emulator", "--detailed-exitcode")
    assert again.code == 0, again.text
    assert again.out.startswith("No changes.")
    groups = emulator_state(tmp_path, "zendesk")["collections"]
    assert any(g.get("name") == "Billing" for col in groups.values() for g in col["items"].values()
               if isinstance(g, dict))


def test_apply_of_a_yaml_path_needs_approval_when_not_interactive(cli) -> None:
    result = cli("apply", EXAMPLE, "--emulator")
    assert result.code == 1
    assert "--auto-approve" in result.err
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    assert cli("plan", EXAMPLE, "--emulator", "--detailed-exitcode").code == 0


def test_plan_json_is_the_documented_versioned_format(cli) -> None:
    result = cli("plan", EXAMPLE, "--emulator", "--json")
    assert result.code == 0
    plan = json.loads(result.out)
    assert plan["format_version"] == 1 and plan["provider"] == "zendesk"
    create = next(c for c in plan["changes"] if c["key"] == "Route billing tickets")
    assert create["action"] == "create" and create["id"] is None and create["block"] == 5
    assert {"field": "group_id", "value": "Billing"} in create["after"]["actions"]


def test_update_shows_field_level_before_and_after(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    edited = tmp_path / "edited"
    edited.mkdir()
    for source in EXAMPLE.glob("*.yaml"):
        text = source.read_text().replace("value: Support Tier 2}\n      - {field: priority, value: high}",
                                          "value: Support Tier 2}\n      - {field: priority, value: urgent}")
        (edited / source.name).write_text(text)
    result = cli("plan", edited, "--emulator")
    assert "~ triggers 'VIP customers to Tier 2'" in result.out
    assert 'actions[1].value: "high" → "urgent"' in result.out
    assert "Plan: 0 to create, 1 to update" in result.out


def test_tampered_plan_file_is_refused_without_writes(cli, tmp_path: Path) -> None:
    assert cli("plan", EXAMPLE, "--emulator", "--out", "plan.json").code == 0
    path = tmp_path / "plan.json"
    path.write_text(path.read_text().replace("Billing", "Bi11ing"))
    saved = tmp_path / ".provisioner" / "emulator" / "zendesk.json"
    before = saved.read_bytes() if saved.exists() else None  # the account as planning left it
    result = cli("apply", "plan.json", "--emulator")
    assert result.code == 1
    assert "modified after it was saved" in result.err
    assert (saved.read_bytes() if saved.exists() else None) == before


def test_schema_and_kinds_describe_the_provider(cli) -> None:
    schema = json.loads(cli("schema", "--provider", "zendesk").out)
    assert {"groups", "triggers", "views"} <= set(schema["properties"])
    kinds = json.loads(cli("kinds", "--provider", "zendesk", "--json").out)
    triggers = next(k for k in kinds if k["kind"] == "triggers")
    assert triggers["reorder"] is True and triggers["natural_key"] == "title"
