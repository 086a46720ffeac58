"""Groups, agents, roles and business hours as a Freshdesk client sees them."""

from __future__ import annotations

import pytest


def test_create_group_returns_the_bare_object_with_defaults(client, agent_ids):
    response = client.post("/groups", json={"name": "Billing", "description": "Invoices", "agent_ids": agent_ids[:2],
                                             "unassigned_for": "1h", "auto_ticket_assign": True})
    assert response.status_code == 201
    group = response.json()
    assert group["name"] == "Billing" and group["description"] == "Invoices"
    assert group["agent_ids"] == agent_ids[:2]
    assert group["unassigned_for"] == "1h"
    assert group["auto_ticket_assign"] == 1
    assert group["group_type"] == "support_agent_group"
    assert group["escalate_to"] is None and isinstance(group["id"], int)


def test_group_names_are_unique_case_insensitively(client, error_codes):
    client.post("/groups", json={"name": "Billing"})
    response = client.post("/groups", json={"name": "billing"})
    assert response.status_code == 409
    assert error_codes(response) == {("name", "duplicate_value")}


@pytest.mark.parametrize("body, expected", [
    ({}, {("name", "missing_field")}),
    ({"name": 42}, {("name", "datatype_mismatch")}),
    ({"name": "X", "colour": "red"}, {("colour", "invalid_field")}),
    ({"name": "X", "id": 5, "created_at": "2020-01-01T00:00:00Z"}, {("id", "invalid_field"), ("created_at", "invalid_field")}),
    ({"name": "X", "unassigned_for": "5m"}, {("unassigned_for", "invalid_value")}),
    ({"name": "X", "auto_ticket_assign": 7}, {("auto_ticket_assign", "invalid_value")}),
    ({"name": "X", "agent_ids": [1]}, {("agent_ids", "invalid_value")}),
    ({"name": "X", "escalate_to": 1}, {("escalate_to", "invalid_value")}),
    ({"description": "no name", "group_type": "robots"}, {("name", "missing_field"), ("group_type", "invalid_value")}),
])
def test_invalid_group_bodies_are_rejected_with_every_problem(client, error_codes, body, expected):
    response = client.post("/groups", json=body)
    assert response.status_code == 400
    assert error_codes(response) == expected
    assert client.get("/groups").json() == []


def test_group_list_omits_agent_ids_but_a_single_group_has_them(client, agent_ids):
    created = client.post("/groups", json={"name": "Billing", "agent_ids": [agent_ids[0]]}).json()
    listed = client.get("/groups").json()[0]
    assert "agent_ids" not in listed
    assert client.get(f"/groups/{created['id']}").json()["agent_ids"] == [agent_ids[0]]


def test_put_changes_only_the_fields_sent(client):
    group = client.post("/groups", json={"name": "Billing", "description": "Old", "unassigned_for": "2h"}).json()
    updated = client.put(f"/groups/{group['id']}", json={"description": "New"}).json()
    assert updated["description"] == "New"
    assert updated["name"] == "Billing" and updated["unassigned_for"] == "2h"


def test_group_can_reference_the_default_business_hours(client, error_codes):
    calendar = client.get("/business_hours").json()[0]
    group = client.post("/groups", json={"name": "Billing", "business_hour_id": int(calendar["id"])})
    assert group.status_code == 201 and group.json()["business_hour_id"] == int(calendar["id"])
    bad = client.post("/groups", json={"name": "Other", "business_hour_id": 1})
    assert error_codes(bad) == {("business_hour_id", "invalid_value")}


def test_membership_written_on_either_side_reads_on_both(client, agent_ids):
    group = client.post("/groups", json={"name": "Billing"}).json()
    agent = agent_ids[1]
    assert client.put(f"/agents/{agent}", json={"group_ids": [group["id"]]}).status_code == 200
    assert client.get(f"/groups/{group['id']}").json()["agent_ids"] == [agent]
    client.put(f"/groups/{group['id']}", json={"agent_ids": []})
    assert client.get(f"/agents/{agent}").json()["group_ids"] == []


def test_deleting_a_group_removes_it_from_its_agents(client, agent_ids):
    group = client.post("/groups", json={"name": "Billing", "agent_ids": agent_ids}).json()
    assert client.delete(f"/groups/{group['id']}").status_code == 204
    assert client.get(f"/groups/{group['id']}").status_code == 404
    assert all(group["id"] not in a["group_ids"] for a in client.get("/agents").json())


def test_seeded_agents_have_emails_roles_and_a_current_agent(client):
    agents = client.get("/agents").json()
    assert len(agents) >= 3
    assert all("@" in a["contact"]["email"] and a["role_ids"] for a in agents)
    me = client.get("/agents/me").json()
    roles = {r["id"]: r["name"] for r in client.get("/roles").json()}
    assert [roles[r] for r in me["role_ids"]] == ["Account Administrator"]


def test_agent_update_sets_roles_groups_and_skills(client, agent_ids):
    group = client.post("/groups", json={"name": "Billing"}).json()
    skill = client.post("/admin/skills", json={"name": "German"}).json()
    supervisor = next(r["id"] for r in client.get("/roles").json() if r["name"] == "Supervisor")
    body = {"role_ids": [supervisor], "group_ids": [group["id"]], "skill_ids": [skill["id"]], "ticket_scope": 2}
    updated = client.put(f"/agents/{agent_ids[2]}", json=body).json()
    assert (updated["role_ids"], updated["group_ids"], updated["skill_ids"]) == ([supervisor], [group["id"]], [skill["id"]])
    assert updated["ticket_scope"] == 2
    assert client.get(f"/admin/skills/{skill['id']}").json()["agents"] == [{"id": agent_ids[2]}]


@pytest.mark.parametrize("body, expected", [
    ({"role_ids": []}, {("role_ids", "invalid_value")}),
    ({"role_ids": [1]}, {("role_ids", "invalid_value")}),
    ({"skill_ids": [1]}, {("skill_ids", "invalid_value")}),
    ({"name": "New Name"}, {("name", "invalid_field")}),
    ({"phone": "123", "job_title": "Boss"}, {("phone", "invalid_field"), ("job_title", "invalid_field")}),
    ({"ticket_scope": 9}, {("ticket_scope", "invalid_value")}),
])
def test_agent_updates_the_api_does_not_allow_are_rejected(client, agent_ids, error_codes, body, expected):
    before = client.get(f"/agents/{agent_ids[1]}").json()
    response = client.put(f"/agents/{agent_ids[1]}", json=body)
    assert response.status_code == 400
    assert error_codes(response) == expected
    assert client.get(f"/agents/{agent_ids[1]}").json() == before


def test_agents_filter_by_email_case_insensitively(client, agent_ids):
    email = client.get(f"/agents/{agent_ids[1]}").json()["contact"]["email"]
    found = client.get("/agents", params={"email": email.upper()}).json()
    assert [a["id"] for a in found] == [agent_ids[1]]


def test_create_and_delete_agent(client, error_codes):
    created = client.post("/agents", json={"email": "New.Person@Example.com", "ticket_scope": 1})
    assert created.status_code == 201
    agent = created.json()
    assert agent["contact"]["email"] == "new.person@example.com"
    assert agent["role_ids"], "a new agent gets the Agent role when none is given"
    duplicate = client.post("/agents", json={"email": "new.person@example.com", "ticket_scope": 1})
    assert duplicate.status_code == 409 and error_codes(duplicate) == {("email", "duplicate_value")}
    assert error_codes(client.post("/agents", json={"email": "not-an-email"})) == {
        ("email", "invalid_value"), ("ticket_scope", "missing_field")}
    assert client.delete(f"/agents/{agent['id']}").status_code == 204
    assert client.get(f"/agents/{agent['id']}").status_code == 404


def test_roles_are_the_four_built_in_ones(client):
    roles = client.get("/roles").json()
    assert {r["name"] for r in roles} == {"Account Administrator", "Administrator", "Supervisor", "Agent"}
    assert all(r["default"] is True for r in roles)
    assert client.get(f"/roles/{roles[0]['id']}").json()["name"] == roles[0]["name"]


def test_business_hours_ids_are_strings(client):
    calendars = client.get("/business_hours").json()
    assert calendars and all(isinstance(c["id"], str) for c in calendars)
    default = next(c for c in calendars if c["is_default"])
    viewed = client.get(f"/business_hours/{default['id']}").json()
    assert viewed["id"] == default["id"] and viewed["business_hours"]["monday"]["start_time"].endswith("am")
