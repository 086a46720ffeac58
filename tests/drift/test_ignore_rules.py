"""Ignore rules per kind, per field and per object: what drift never reports and plan never
reverts — and never silently: the report lists what each rule covered, and stale rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.drift.support import desired_copy, ignore_seeded, live_id, ui

GROUPS_IGNORING_DESCRIPTION = ("groups:\n", "groups:\n  ignore: [description]\n  items:\n")
BILLING_ACTIONS_ARE_PEOPLES = """\
provider: zendesk

triggers:
  ignore:
    - {key: Route billing tickets, fields: [actions, description]}
"""


def applied(cli, folder: Path, seeded: bool = True) -> Path:
    result = cli("apply", folder, "--emulator", "--auto-approve")
    assert result.code == 0, result.text
    if seeded:
        ignore_seeded(cli, folder, "--emulator")
    return folder


def report(cli, folder: Path) -> tuple[int, dict]:
    result = cli("drift", folder, "--emulator", "--format", "json")
    assert result.code in {0, 2}, result.text
    return result.code, json.loads(result.out)


def test_a_kind_wide_field_rule_hides_that_field_of_every_object_from_drift_and_plan(cli, tmp_path: Path) -> None:
    folder = applied(cli, desired_copy(tmp_path, replace=GROUPS_IGNORING_DESCRIPTION))
    with ui(tmp_path) as client:
        for name in ("Billing", "Technical"):
            group = live_id(client, "/api/v2/groups", "groups", "name", name)
            client.put(f"/api/v2/groups/{group}", json={"group": {"description": "ours to edit"}})
    code, found = report(cli, folder)
    assert code == 0, found["drift"]
    rule = next(r for r in found["ignored"] if r["kind"] == "groups")
    assert rule["key"] is None and rule["fields"] == ["description"] and "Billing" in rule["matched"]
    assert cli("plan", folder, "--emulator", "--detailed-exitcode").code == 0


def test_a_per_object_field_rule_covers_that_object_only(cli, tmp_path: Path) -> None:
    folder = applied(cli, desired_copy(tmp_path, extra={"8-people-edit.yaml": BILLING_ACTIONS_ARE_PEOPLES}))
    with ui(tmp_path) as client:
        for title in ("Route billing tickets", "Route bug reports"):
            trigger = live_id(client, "/api/v2/triggers", "triggers", "title", title)
            client.put(f"/api/v2/triggers/{trigger}", json={"trigger": {"actions": [{"field": "status", "value": "open"}]}})
    code, found = report(cli, folder)
    assert code == 2
    assert [(i["type"], i["key"]) for i in found["drift"]] == [("modified", "Route bug reports")]
    plan = json.loads(cli("plan", folder, "--emulator", "--json").out)
    assert [(c["action"], c["key"]) for c in plan["changes"]] == [("update", "Route bug reports")]
    rule = next(r for r in found["ignored"] if r["key"] == "Route billing tickets")
    assert rule["fields"] == ["actions", "description"] and rule["matched"] == ["Route billing tickets"]
    assert rule["source"] == f"{folder / '8-people-edit.yaml'}:5"


def test_whole_object_rules_leave_undeclared_objects_alone_even_with_prune(cli, tmp_path: Path) -> None:
    folder = applied(cli, desired_copy(tmp_path))
    with ui(tmp_path) as client:
        client.post("/api/v2/groups", json={"group": {"name": "Made by hand"}})
    assert report(cli, folder)[0] == 2
    (folder / "8-groups-ignore.yaml").write_text(
        "provider: zendesk\n\ngroups:\n  prune: true\n  ignore: [{key: 'Made by *'}, {key: Long gone}]\n")
    code, found = report(cli, folder)
    assert code == 0, found["drift"]
    rules = {r["key"]: r["matched"] for r in found["ignored"] if r["kind"] == "groups"}
    assert rules == {"Made by *": ["Made by hand"], "Long gone": []}
    plan = json.loads(cli("plan", folder, "--emulator", "--json").out)
    assert plan["changes"] == []
    text = cli("drift", folder, "--emulator").out
    assert "Ignore rule groups 'Long gone'" in text and "matches no live object" in text


def test_the_standard_rules_of_a_new_account_are_unmanaged_until_ignored(cli, tmp_path: Path) -> None:
    folder = applied(cli, desired_copy(tmp_path), seeded=False)
    code, found = report(cli, folder)
    assert code == 2
    unmanaged = {(i["kind"], i["key"], i["active"]) for i in found["drift"] if i["type"] == "unmanaged"}
    assert ("triggers", "Notify all agents of received request", False) in unmanaged
    assert ("views", "Pending tickets", True) in unmanaged
    assert {i["type"] for i in found["drift"]} == {"unmanaged"}
    (folder / "9-standard.yaml").write_text(
        "provider: zendesk\n\ntriggers:\n  ignore: [{key: 'Notify *'}]\nviews:\n  ignore: [{key: '*tickets'}]\n")
    unmanaged_now = {(i["kind"], i["key"]) for i in report(cli, folder)[1]["drift"]}
    assert not any(kind in {"triggers", "views"} for kind, _ in unmanaged_now)
    assert ("automations", "Pending notification 24 hours") in unmanaged_now


@pytest.mark.parametrize("rule,message", [
    ("{key: Nobody declared this, fields: [actions]}", "no triggers named 'Nobody declared this' in the desired state"),
    ("{key: Route bug reports}", "'Route bug reports' is declared in the YAML, so it is managed"),
    ("{title: Route bug reports}", "triggers.ignore[0].title: unknown option"),
    ("{key: Route bug reports, fields: []}", "triggers.ignore[0].fields: is empty"),
    ("{key: Route bug reports, fields: actions}", "triggers.ignore[0].fields: must be a list of field names"),
    ("[actions]", "triggers.ignore[0]: must be a field name or a mapping"),
])
def test_bad_ignore_rules_are_one_line_errors_with_file_and_line_and_no_request(cli, tmp_path: Path, rule: str, message: str) -> None:
    folder = desired_copy(tmp_path, extra={"8-bad.yaml": f"provider: zendesk\n\ntriggers:\n  ignore:\n    - {rule}\n"})
    result = cli("drift", folder, "--emulator")
    assert result.code == 1
    assert f"{folder / '8-bad.yaml'}:5: " in result.err and message in result.err
    assert "Traceback" not in result.text
    assert not (tmp_path / ".provisioner" / "emulator").exists()
