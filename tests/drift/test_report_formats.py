"""The four formats say the same thing: versioned JSON, Markdown for a comment, JUnit per object."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from provisioner.drift.model import DRIFT_SCHEMA_VERSION, DriftItem, DriftReport, FieldDrift, IgnoreInEffect, ManagedObject
from tests.conftest import ROOT
from tests.drift.support import desired_copy, ignore_seeded, live_id, ui

AWKWARD = "VIP | <b>urgent</b> `now`"


@pytest.fixture
def drifted(cli, tmp_path: Path) -> Path:
    """An applied account where a trigger, renamed in the YAML to an awkward title, then changed by hand."""
    folder = desired_copy(tmp_path, replace=("VIP customers to Tier 2", AWKWARD))
    assert cli("apply", folder, "--emulator", "--auto-approve").code == 0
    ignore_seeded(cli, folder, "--emulator")
    with ui(tmp_path) as client:
        trigger = live_id(client, "/api/v2/triggers", "triggers", "title", AWKWARD)
        client.put(f"/api/v2/triggers/{trigger}", json={"trigger": {"actions": [
            {"field": "group_id", "value": str(live_id(client, "/api/v2/groups", "groups", "name", "Billing"))},
            {"field": "priority", "value": "low"}]}})
        client.post("/api/v2/groups", json={"group": {"name": "Shadow team"}})
    return folder


def test_json_is_versioned_and_complete(cli, drifted: Path) -> None:
    result = cli("drift", drifted, "--emulator", "--format", "json")
    assert result.code == 2
    data = json.loads(result.out)
    assert data["schema_version"] == DRIFT_SCHEMA_VERSION == 1
    assert data["provider"] == "zendesk" and data["account"] == "emulator.zendesk.invalid"
    assert data["counts"]["modified"] == 1 and data["counts"]["unmanaged"] == 1
    assert data["generated_at"].endswith("Z") and len(data["desired_digest"]) == 64
    DriftReport.model_validate(data)


def test_markdown_names_objects_and_fields_and_escapes_what_the_account_holds(cli, drifted: Path) -> None:
    md = cli("drift", drifted, "--emulator", "--format", "markdown").out
    assert md.startswith("## Drift: zendesk · emulator.zendesk.invalid")
    assert "❌ **Drift found:** 1 modified · 1 unmanaged (20 managed objects checked)." in md
    assert "triggers · **VIP \\| \\<b\\>urgent\\</b\\> \\`now\\`**" in md
    assert "| `actions[0].value` | `Support Tier 2` | `Billing` |" in md
    assert "| `actions[1].value` | `high` | `low` |" in md
    assert "groups · **Shadow team**" in md
    assert "<b>" not in md


def test_junit_has_one_case_per_managed_object_and_fails_the_drifted_ones(cli, drifted: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "drift.xml"
    result = cli("drift", drifted, "--emulator", "--format", "junit", "--output", out)
    assert result.code == 2
    assert "Report written to" in result.out and str(out) in result.out
    root = ET.fromstring(out.read_text())
    cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
    managed = [c for c in cases if not c[1].endswith("(unmanaged)") and c[1] != "(order)"]
    assert len(managed) == 20
    failed = cases[("zendesk.triggers", AWKWARD)].find("failure")
    assert failed is not None and failed.get("message") == "modified: actions" and failed.get("type") == "modified"
    assert 'actions[0].value: "Support Tier 2" → "Billing"' in failed.text
    assert cases[("zendesk.groups", "Billing")].find("failure") is None
    assert cases[("zendesk.groups", "Shadow team (unmanaged)")].find("failure").get("type") == "unmanaged"
    assert cases[("zendesk.triggers", "(order)")].find("failure") is None
    assert root.get("failures") == "2" and int(root.get("tests")) == len(cases)


def test_text_is_the_default_and_output_goes_to_the_file_only(cli, drifted: Path, tmp_path: Path) -> None:
    out = tmp_path / "drift.txt"
    result = cli("drift", drifted, "--emulator", "--output", out)
    assert result.code == 2
    assert result.out.startswith("Drift in zendesk account emulator.zendesk.invalid: 1 modified, 1 unmanaged.")
    assert "~ triggers" not in result.out and "~ triggers" in out.read_text()


def test_every_report_field_is_documented() -> None:
    doc = (ROOT / "docs" / "drift.md").read_text()
    for model in (DriftReport, DriftItem, FieldDrift, ManagedObject, IgnoreInEffect):
        for name in model.model_fields:
            assert f"`{name}`" in doc, f"docs/drift.md does not document {model.__name__}.{name}"


def test_one_run_writes_several_reports_from_one_read(cli, drifted: Path, tmp_path: Path) -> None:
    md, xml, data = tmp_path / "out" / "drift.md", tmp_path / "out" / "drift.xml", tmp_path / "out" / "drift.json"
    result = cli("drift", drifted, "--emulator", "--format", "markdown", "--output", md,
                 "--format", "junit", "--output", xml, "--format", "json", "--output", data)
    assert result.code == 2
    assert f"Report written to {md}, {xml}, {data}." in result.out
    assert md.read_text().startswith("## Drift:") and ET.fromstring(xml.read_text()).tag == "testsuites"
    assert json.loads(data.read_text())["counts"]["modified"] == 1


def test_reports_without_a_file_each_are_refused_before_reading_the_account(cli, tmp_path: Path) -> None:
    folder = desired_copy(tmp_path)
    result = cli("drift", folder, "--emulator", "--format", "markdown", "--format", "junit", "--output", tmp_path / "x.xml")
    assert result.code == 1 and "2 --format for 1 --output" in result.err
    assert not (tmp_path / ".provisioner").exists()
