"""``provisioner audit``: exit codes, configuration, formats, and that it never writes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from provisioner.audit.checks import CHECKS
from provisioner.audit.model import AUDIT_SCHEMA_VERSION, AuditReport, CheckResult, Finding, ObjectRef
from tests.audit.support import applied_copy, audit, check
from tests.conftest import ROOT
from tests.drift.support import live_id, ui

CLEAN = ("--disable", "groups-without-agents", "--disable", "unused-custom-roles", "--disable", "help-center-article-count")


def test_exit_0_when_nothing_needs_fixing_2_when_something_does_and_no_write_either_way(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    state = tmp_path / ".provisioner" / "emulator" / "zendesk.json"
    before = state.read_bytes()
    assert cli("audit", folder, "--emulator", *CLEAN).code == 0
    result = cli("audit", folder, "--emulator")
    assert result.code == 2
    assert result.out.startswith("Audit of zendesk account emulator.zendesk.invalid found problems:")
    assert "✗ warning  groups-without-agents" in result.out and "✓ passed   sla-coverage" in result.out
    assert state.read_bytes() == before


def test_info_findings_are_reported_without_failing_and_severity_is_configurable(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path, extra={"provisioner.yaml": (
        "audit:\n  disable: [help-center-article-count]\n"
        "  checks:\n    groups-without-agents: {severity: info}\n")})
    code, report = audit(cli, folder)
    assert code == 0 and report["passed"] is True
    assert check(report, "groups-without-agents")["status"] == "failed"
    assert check(report, "groups-without-agents")["severity"] == "info"
    assert check(report, "help-center-article-count")["status"] == "disabled"


def test_drift_is_a_check_and_can_be_disabled(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    with ui(tmp_path) as client:
        client.post("/api/v2/groups", json={"group": {"name": "Made by hand"}})
    code, report = audit(cli, folder, *CLEAN)
    drift = check(report, "drift")
    assert code == 2 and drift["severity"] == "error"
    assert [(f["summary"], f["objects"][0]["key"]) for f in drift["findings"]] == [("groups 'Made by hand': unmanaged", "Made by hand")]
    assert report["drift"]["counts"]["unmanaged"] == 1
    code, report = audit(cli, folder, *CLEAN, "--disable", "drift")
    assert code == 0 and check(report, "drift")["status"] == "disabled"


@pytest.mark.parametrize("section,line,message", [
    ("audit:\n  disable: [sla-coverag]\n", 2, "audit.disable: unknown check 'sla-coverag' (did you mean 'sla-coverage'?)"),
    ("audit:\n  checks:\n    stale-inactive-rules: {dayz: 10}\n", 3, "audit.checks.stale-inactive-rules.dayz: unknown option (did you mean 'days'?)"),
    ("audit:\n  checks:\n    stale-inactive-rules: {days: ninety}\n", 3, "audit.checks.stale-inactive-rules.days: must be a whole number"),
    ("audit:\n  checks:\n    drift: {severity: fatal}\n", 3, "audit.checks.drift.severity: must be one of error, warning, info"),
    ("audit:\n  skip: [drift]\n", 2, "audit.skip: unknown option"),
])
def test_bad_audit_settings_are_one_line_errors_before_any_request(cli, tmp_path: Path, section: str, line: int,
                                                                   message: str) -> None:
    from tests.drift.support import desired_copy
    folder = desired_copy(tmp_path, extra={"provisioner.yaml": section})
    result = cli("audit", folder, "--emulator")
    assert result.code == 1
    assert f"{folder / 'provisioner.yaml'}:{line}: {message}" in result.err, result.err
    assert "Traceback" not in result.text
    assert not (tmp_path / ".provisioner" / "emulator").exists()


def test_unknown_disable_flag_names_the_checks(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    result = cli("audit", folder, "--emulator", "--disable", "too-many-automation")
    assert result.code == 1
    assert "--disable too-many-automation: unknown check (did you mean 'too-many-automations'?)" in result.err


def test_json_markdown_and_junit_reports(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    with ui(tmp_path) as client:
        group = live_id(client, "/api/v2/groups", "groups", "name", "Technical")
        client.delete(f"/api/v2/groups/{group}")
    code, report = audit(cli, folder)
    assert code == 2 and report["schema_version"] == AUDIT_SCHEMA_VERSION == 1
    assert len(report["checks"]) == len(CHECKS) + 1
    AuditReport.model_validate(report)

    md = cli("audit", folder, "--emulator", "--format", "markdown").out
    assert md.startswith("## Platform audit: zendesk · emulator.zendesk.invalid")
    assert "| ❌ | `references-to-deleted` Rules, macros and views refer only to objects that exist | error | 2 finding(s) |" in md
    assert "### ❌ `references-to-deleted`" in md and "Route bug reports" in md
    assert "<details><summary>Drift report</summary>" in md and "**Technical**" in md

    out = tmp_path / "audit.xml"
    assert cli("audit", folder, "--emulator", "--format", "junit", "--output", out,
               "--disable", "too-many-automations").code == 2
    root = ET.fromstring(out.read_text())
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    audit_cases = {c.get("name").split(":")[0]: c for c in suites["zendesk.audit"].iter("testcase")}
    assert set(audit_cases) == {c["id"] for c in report["checks"]}
    assert audit_cases["references-to-deleted"].find("failure").get("type") == "error"
    assert audit_cases["sla-coverage"].find("failure") is None
    assert audit_cases["too-many-automations"].find("skipped").get("message") == "disabled"
    assert audit_cases["unused-custom-roles"].find("system-out") is not None  # info: reported, not failed
    assert suites["zendesk.groups"].find("testcase[@name='Technical']/failure").get("type") == "missing"


def test_every_check_and_report_field_is_documented() -> None:
    doc = (ROOT / "docs" / "drift.md").read_text()
    for check_id in ["drift", *(c.id for c in CHECKS)]:
        assert f"`{check_id}`" in doc, f"docs/drift.md does not document the check {check_id}"
    for c in CHECKS:
        for option in c.options:
            assert f"`{option}`" in doc, f"docs/drift.md does not document option {option} of {c.id}"
    for model in (AuditReport, CheckResult, Finding, ObjectRef):
        for name in model.model_fields:
            assert f"`{name}`" in doc, f"docs/drift.md does not document {model.__name__}.{name}"
