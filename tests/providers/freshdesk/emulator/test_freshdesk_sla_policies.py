"""SLA policies: string ids, list/create/update only, required targets and conditions."""

from __future__ import annotations

import copy

import pytest

TARGETS = {f"priority_{n}": {"respond_within": 900 * n, "resolve_within": 3600 * n, "business_hours": True,
                             "escalation_enabled": False} for n in range(1, 5)}


@pytest.fixture
def group(client):
    return client.post("/groups", json={"name": "Billing"}).json()


def new_policy(client, group, **extra):
    body = {"name": "Billing SLA", "sla_target": TARGETS, "applicable_to": {"group_ids": [group["id"]]}, **extra}
    response = client.post("/sla_policies", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def test_new_account_lists_a_default_policy_with_a_string_id(client):
    policies = client.get("/sla_policies").json()
    assert len(policies) == 1
    default = policies[0]
    assert default["is_default"] is True and isinstance(default["id"], str)
    assert set(default["sla_target"]) == {"priority_1", "priority_2", "priority_3", "priority_4"}


def test_create_returns_string_id_and_goes_last(client, group):
    policy = new_policy(client, group, description="For billing")
    assert isinstance(policy["id"], str) and policy["position"] == 2 and policy["active"] is True
    assert [p["id"] for p in client.get("/sla_policies").json()][-1] == policy["id"]


def test_there_is_no_single_get_and_no_delete(client, group):
    policy = new_policy(client, group)
    assert client.get(f"/sla_policies/{policy['id']}").status_code == 405
    assert client.delete(f"/sla_policies/{policy['id']}").status_code == 405
    deactivated = client.put(f"/sla_policies/{policy['id']}", json={"active": False, "applicable_to": policy["applicable_to"]})
    assert deactivated.status_code == 200
    assert next(p for p in client.get("/sla_policies").json() if p["id"] == policy["id"])["active"] is False


def test_create_requires_name_targets_for_every_priority_and_conditions(client, group, error_codes):
    assert error_codes(client.post("/sla_policies", json={})) == {
        ("name", "missing_field"), ("sla_target", "missing_field"), ("applicable_to", "missing_field")}
    partial = {k: v for k, v in TARGETS.items() if k != "priority_4"}
    response = client.post("/sla_policies", json={"name": "X", "sla_target": partial, "applicable_to": {"group_ids": [group["id"]]}})
    assert error_codes(response) == {("sla_target.priority_4", "missing_field")}
    no_conditions = client.post("/sla_policies", json={"name": "X", "sla_target": TARGETS, "applicable_to": {}})
    assert error_codes(no_conditions) == {("applicable_to", "invalid_value")}


def test_target_values_are_checked(client, group, error_codes):
    targets = copy.deepcopy(TARGETS)
    targets["priority_1"]["next_respond_within"] = 10
    targets["priority_2"]["respond_within"] = "1h"
    del targets["priority_3"]["business_hours"]
    response = client.post("/sla_policies", json={"name": "X", "sla_target": targets, "applicable_to": {"group_ids": [group["id"]]}})
    assert error_codes(response) == {
        ("sla_target.priority_1.next_respond_within", "invalid_value"),
        ("sla_target.priority_2.respond_within", "datatype_mismatch"),
        ("sla_target.priority_3.business_hours", "missing_field"),
    }


def test_update_needs_applicable_to_and_changes_only_what_is_sent(client, group, error_codes):
    policy = new_policy(client, group)
    refused = client.put(f"/sla_policies/{policy['id']}", json={"name": "Renamed"})
    assert error_codes(refused) == {("applicable_to", "missing_field")}
    faster = {"priority_4": {"respond_within": 600, "resolve_within": 1800, "business_hours": False,
                             "escalation_enabled": True}}
    updated = client.put(f"/sla_policies/{policy['id']}", json={"sla_target": faster,
                                                                "applicable_to": {"sources": [2]}}).json()
    assert updated["name"] == "Billing SLA"
    assert updated["sla_target"]["priority_4"]["respond_within"] == 600
    assert updated["sla_target"]["priority_1"] == TARGETS["priority_1"]
    assert updated["applicable_to"] == {"sources": [2]}


def test_default_policy_updates_without_conditions_and_refuses_them(client, error_codes):
    default = client.get("/sla_policies").json()[0]
    assert client.put(f"/sla_policies/{default['id']}", json={"description": "Everyone"}).status_code == 200
    refused = client.put(f"/sla_policies/{default['id']}", json={"applicable_to": {"sources": [1]}})
    assert error_codes(refused) == {("applicable_to", "invalid_value")}


def test_position_reorders_policies(client, group):
    first = new_policy(client, group)
    second = new_policy(client, group, name="Second SLA", position=1)
    order = [p["id"] for p in client.get("/sla_policies").json()]
    assert order[0] == second["id"] and order[-1] == first["id"]


def test_unknown_policy_update_is_404(client):
    assert client.put("/sla_policies/12345", json={"active": False}).status_code == 404
