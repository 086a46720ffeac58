"""Automation rules of types 1 (ticket creation), 3 (time triggers) and 4 (ticket updates)."""

from __future__ import annotations

import pytest

CONDITIONS = [{"name": "condition_set_1", "match_type": "all",
               "properties": [{"resource_type": "ticket", "field_name": "priority", "operator": "in", "value": [4]}]}]
ACTIONS = [{"field_name": "priority", "value": 3}]
OBSERVER_EXTRA = {"performer": {"type": 1}, "events": [{"field_name": "priority", "from": "--", "to": 4}]}


def rule_body(name: str, rule_type: int, **extra):
    body = {"name": name, "conditions": CONDITIONS, "actions": ACTIONS, **extra}
    if rule_type == 4:
        body.update(OBSERVER_EXTRA)
    return body


@pytest.mark.parametrize("rule_type", [1, 3, 4])
def test_each_type_supports_list_create_view_update_delete(client, rule_type):
    path = f"/automations/{rule_type}/rules"
    assert client.get(path).json() == []
    created = client.post(path, json=rule_body("Urgent first", rule_type))
    assert created.status_code == 201, created.text
    rule = created.json()
    assert rule["position"] == 1 and rule["active"] is True and rule["outdated"] is False
    assert client.get(f"{path}/{rule['id']}").json()["conditions"] == CONDITIONS
    updated = client.put(f"{path}/{rule['id']}", json={"active": False}).json()
    assert updated["active"] is False and updated["actions"] == ACTIONS
    assert client.delete(f"{path}/{rule['id']}").status_code == 204
    assert client.get(f"{path}/{rule['id']}").status_code == 404


def test_rules_belong_to_one_type(client):
    rule = client.post("/automations/1/rules", json=rule_body("Dispatch", 1)).json()
    assert client.get(f"/automations/3/rules/{rule['id']}").status_code == 404
    assert client.get("/automations/3/rules").json() == []
    assert client.get("/automations/2/rules").status_code == 404


def test_performer_and_events_only_on_ticket_update_rules(client, error_codes):
    refused = client.post("/automations/1/rules", json=dict(rule_body("X", 1), **OBSERVER_EXTRA))
    assert error_codes(refused) == {("performer", "invalid_field"), ("events", "invalid_field")}
    missing = client.post("/automations/4/rules", json=rule_body("Y", 1))
    assert error_codes(missing) == {("performer", "missing_field"), ("events", "missing_field")}


@pytest.mark.parametrize("change, expected", [
    ({"conditions": CONDITIONS * 3}, {("conditions", "invalid_value")}),
    ({"conditions": [dict(CONDITIONS[0], name="set_a")]}, {("conditions", "invalid_value")}),
    ({"conditions": [dict(CONDITIONS[0], properties=[])]}, {("conditions", "invalid_value")}),
    ({"actions": []}, {("actions", "invalid_value")}),
    ({"operator": "XOR"}, {("operator", "invalid_value")}),
])
def test_condition_and_action_shapes_are_checked(client, error_codes, change, expected):
    response = client.post("/automations/1/rules", json=dict(rule_body("Z", 1), **change))
    assert response.status_code == 400
    assert error_codes(response) == expected


def test_required_fields(client, error_codes):
    assert error_codes(client.post("/automations/3/rules", json={})) == {
        ("name", "missing_field"), ("conditions", "missing_field"), ("actions", "missing_field")}


def test_position_shifts_siblings_and_delete_renumbers(client):
    path = "/automations/1/rules"
    ids = [client.post(path, json=rule_body(f"Rule {n}", 1)).json()["id"] for n in range(3)]
    client.put(f"{path}/{ids[2]}", json={"position": 1})
    assert [(r["id"], r["position"]) for r in client.get(path).json()] == [(ids[2], 1), (ids[0], 2), (ids[1], 3)]
    client.delete(f"{path}/{ids[0]}")
    assert [(r["id"], r["position"]) for r in client.get(path).json()] == [(ids[2], 1), (ids[1], 2)]


def test_rule_becomes_outdated_when_its_custom_field_is_deleted(client):
    field = client.post("/admin/ticket_fields", json={"label": "Region", "type": "custom_text"}).json()
    conditions = [{"name": "condition_set_1", "match_type": "any",
                   "properties": [{"resource_type": "ticket", "field_name": field["name"], "operator": "is", "value": "EU"}]}]
    rule = client.post("/automations/1/rules", json=rule_body("EU routing", 1, conditions=conditions)).json()
    assert rule["outdated"] is False
    client.delete(f"/admin/ticket_fields/{field['id']}")
    assert client.get(f"/automations/1/rules/{rule['id']}").json()["outdated"] is True
