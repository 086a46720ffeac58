"""Each kind of drift, made by hand in the emulated account, shows in the report exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.drift.support import desired_copy, ignore_seeded, live_id, ui


@pytest.fixture
def desired(cli, tmp_path: Path) -> Path:
    folder = desired_copy(tmp_path)
    applied = cli("apply", folder, "--emulator", "--auto-approve")
    assert applied.code == 0, applied.text
    ignore_seeded(cli, folder, "--emulator")
    return folder


def drift_json(cli, desired: Path) -> tuple[int, dict]:
    result = cli("drift", desired, "--emulator", "--format", "json")
    assert result.code in {0, 2}, result.text
    return result.code, json.loads(result.out)


def line_of(path: Path, text: str) -> str:
    """``file:line`` of the line holding ``text``, as the report names a declaration."""
    number = next(i for i, line in enumerate(path.read_text().splitlines(), start=1) if text in line)
    return f"{path}:{number}"


def only(report: dict) -> dict:
    assert len(report["drift"]) == 1, report["drift"]
    return report["drift"][0]


def test_no_drift_exits_0_and_says_how_much_was_checked(cli, desired: Path) -> None:
    result = cli("drift", desired, "--emulator")
    assert result.code == 0, result.text
    assert result.out.startswith("No drift: zendesk account emulator.zendesk.invalid matches the desired state (20 managed")


def test_modified_field_by_field_yaml_then_live(cli, desired: Path, tmp_path: Path) -> None:
    with ui(tmp_path) as client:
        trigger = live_id(client, "/api/v2/triggers", "triggers", "title", "Route billing tickets")
        technical = live_id(client, "/api/v2/groups", "groups", "name", "Technical")
        answer = client.put(f"/api/v2/triggers/{trigger}", json={"trigger": {
            "description": "edited in the UI", "actions": [{"field": "group_id", "value": str(technical)}]}})
        assert answer.status_code == 200
    code, report = drift_json(cli, desired)
    assert code == 2 and report["has_drift"] is True
    item = only(report)
    assert (item["type"], item["kind"], item["key"], item["id"]) == ("modified", "triggers", "Route billing tickets", trigger)
    assert item["source"] == line_of(desired / "5-routing.yaml", "title: Route billing tickets")
    changes = {(f["path"], f["change"], json.dumps(f["desired"]), json.dumps(f["live"])) for f in item["fields"]}
    assert changes == {("description", "changed", '"Keyword routing for billing questions"', '"edited in the UI"'),
                       ("actions[0].value", "changed", '"Billing"', '"Technical"')}
    text = cli("drift", desired, "--emulator").out
    assert "~ triggers 'Route billing tickets'" in text and 'actions[0].value: "Billing" → "Technical"' in text


def test_an_added_list_item_is_one_added_entry_not_every_item_changed(cli, desired: Path, tmp_path: Path) -> None:
    with ui(tmp_path) as client:
        macro = live_id(client, "/api/v2/macros", "macros", "title", "Escalate to Tier 2")
        current = client.get(f"/api/v2/macros/{macro}").json()["macro"]["actions"]
        client.put(f"/api/v2/macros/{macro}", json={"macro": {"actions": [{"field": "priority", "value": "high"}] + current}})
    item = only(drift_json(cli, desired)[1])
    assert [(f["path"], f["change"], f["live"]) for f in item["fields"]] == [("actions[0]", "added", {"field": "priority", "value": "high"})]


def test_turning_a_rule_off_by_hand_is_drift_and_the_inactive_rule_is_marked(cli, desired: Path, tmp_path: Path) -> None:
    with ui(tmp_path) as client:
        view = live_id(client, "/api/v2/views", "views", "title", "Technical queue")
        client.put(f"/api/v2/views/{view}", json={"view": {"active": False}})
    item = only(drift_json(cli, desired)[1])
    assert item["active"] is False
    assert [(f["path"], f["desired"], f["live"]) for f in item["fields"]] == [("active", True, False)]
    assert "views 'Technical queue' (id" in cli("drift", desired, "--emulator").out
    assert "inactive) modified" in cli("drift", desired, "--emulator").out


def test_missing_names_where_it_is_declared(cli, desired: Path, tmp_path: Path) -> None:
    with ui(tmp_path) as client:
        macro = live_id(client, "/api/v2/macros", "macros", "title", "Escalate to Billing")
        assert client.delete(f"/api/v2/macros/{macro}").status_code == 204
    code, report = drift_json(cli, desired)
    item = only(report)
    assert code == 2
    assert (item["type"], item["kind"], item["key"], item["id"]) == ("missing", "macros", "Escalate to Billing", None)
    assert item["source"] == line_of(desired / "6-automations.yaml", "title: Escalate to Billing")
    assert report["counts"] == {"modified": 0, "missing": 1, "unmanaged": 0, "order_changed": 0, "duplicate": 0}


def test_unmanaged_objects_of_any_kind_are_reported_inactive_ones_included(cli, desired: Path, tmp_path: Path) -> None:
    with ui(tmp_path) as client:
        client.post("/api/v2/groups", json={"group": {"name": "Made by hand"}})
        client.post("/api/v2/triggers", json={"trigger": {
            "title": "Switched off experiment", "active": False,
            "conditions": {"all": [{"field": "update_type", "operator": "is", "value": "Create"}]},
            "actions": [{"field": "status", "value": "open"}]}})
    code, report = drift_json(cli, desired)
    assert code == 2
    found = {(i["type"], i["kind"], i["key"], i["active"]) for i in report["drift"]}
    assert found == {("unmanaged", "groups", "Made by hand", None), ("unmanaged", "triggers", "Switched off experiment", False)}


def test_order_changed_shows_both_orders(cli, desired: Path, tmp_path: Path) -> None:
    with ui(tmp_path) as client:
        triggers = client.get("/api/v2/triggers").json()["triggers"]
        ids = [t["id"] for t in triggers]
        billing = next(t["id"] for t in triggers if t["title"] == "Route billing tickets")
        ids.remove(billing)
        ids.append(billing)
        assert client.put("/api/v2/triggers/reorder", json={"trigger_ids": ids}).status_code == 200
    code, report = drift_json(cli, desired)
    item = only(report)
    assert code == 2 and item["type"] == "order_changed" and item["kind"] == "triggers"
    assert item["desired_order"] == ["Route billing tickets", "Route bug reports", "VIP customers to Tier 2"]
    assert item["live_order"] == ["Route bug reports", "VIP customers to Tier 2", "Route billing tickets"]


def test_duplicate_natural_key_made_by_hand(cli, desired: Path, tmp_path: Path) -> None:
    with ui(tmp_path) as client:
        answer = client.post("/api/v2/triggers", json={"trigger": {
            "title": "Route bug reports", "conditions": {"all": [{"field": "update_type", "operator": "is", "value": "Create"}]},
            "actions": [{"field": "status", "value": "open"}]}})
        copy = answer.json()["trigger"]["id"]
    item = only(drift_json(cli, desired)[1])
    assert (item["type"], item["key"]) == ("duplicate", "Route bug reports")
    assert copy in item["ids"] and len(item["ids"]) == 2


def test_changes_of_every_kind_at_once_are_each_reported_once(cli, desired: Path, tmp_path: Path) -> None:
    with ui(tmp_path) as client:
        group = live_id(client, "/api/v2/groups", "groups", "name", "Billing")
        client.put(f"/api/v2/groups/{group}", json={"group": {"description": "Money"}})
        field = live_id(client, "/api/v2/ticket_fields", "ticket_fields", "title", "Order Number")
        client.delete(f"/api/v2/ticket_fields/{field}")
        client.post("/api/v2/macros", json={"macro": {"title": "Hand made", "actions": [{"field": "status", "value": "open"}]}})
    code, report = drift_json(cli, desired)
    assert code == 2
    assert sorted((i["type"], i["kind"], i["key"]) for i in report["drift"]) == [
        ("missing", "ticket_fields", "Order Number"), ("modified", "groups", "Billing"),
        ("modified", "ticket_forms", "Billing request"), ("unmanaged", "macros", "Hand made")]
    states = {(m["kind"], m["key"]): m["state"] for m in report["managed"]}
    assert states[("groups", "Billing")] == "modified" and states[("groups", "Technical")] == "in_sync"
    assert len(states) == 20
