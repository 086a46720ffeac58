"""Users (agents), custom roles, group memberships and support addresses."""

from __future__ import annotations

import pytest
from zendesk_emu_helpers import assert_matches_schema, client_for

from providers.zendesk.emulator import ZendeskEmulator


@pytest.fixture
def staffed():
    emu = ZendeskEmulator(agents=["ann.lee@acme.com", "bo.ray@acme.com"])
    with client_for(emu) as http:
        yield http


def test_seeded_agents_are_listed_by_role_and_found_by_email(staffed):
    users = staffed.get("/api/v2/users", params=[("role[]", "agent"), ("role[]", "admin")]).json()
    assert_matches_schema(users, "UsersResponse")
    assert {u["email"] for u in users["users"]} == {"owner@example.com", "ann.lee@acme.com", "bo.ray@acme.com"}
    found = staffed.get("/api/v2/users/search", params={"query": "bo.ray@acme.com"}).json()["users"]
    assert [u["name"] for u in found] == ["Bo Ray"]
    me = staffed.get("/api/v2/users/me").json()
    assert_matches_schema(me, "UserResponse")


def test_standard_custom_roles_with_member_counts(staffed):
    roles = staffed.get("/api/v2/custom_roles").json()
    assert_matches_schema(roles, "CustomRolesResponse")
    counts = {r["name"]: r["team_member_count"] for r in roles["custom_roles"]}
    assert counts["Staff"] == 2 and counts["Advisor"] == 0


def test_custom_role_crud_and_configuration_validation(client):
    created = client.post("/api/v2/custom_roles", json={"custom_role": {
        "name": "Auditor", "configuration": {"ticket_access": "all", "view_audit_logs": True}}})
    assert created.status_code == 200
    assert_matches_schema(created.json(), "CustomRoleResponse")
    role = created.json()["custom_role"]
    assert role["configuration"]["ticket_access"] == "all" and role["configuration"]["macro_access"] == "readonly"
    assert client.post("/api/v2/custom_roles", json={"custom_role": {
        "name": "Bad", "configuration": {"ticket_access": "everything"}}}).status_code == 422
    assert client.post("/api/v2/custom_roles", json={"custom_role": {
        "name": "Bad", "configuration": {"fly": True}}}).status_code == 422
    updated = client.put(f"/api/v2/custom_roles/{role['id']}", json={"custom_role": {
        "configuration": {"macro_access": "full"}}}).json()["custom_role"]
    assert updated["configuration"]["ticket_access"] == "all" and updated["configuration"]["macro_access"] == "full"
    assert client.delete(f"/api/v2/custom_roles/{role['id']}").status_code == 204


def test_role_with_agents_cannot_be_deleted(staffed):
    staff = next(r for r in staffed.get("/api/v2/custom_roles").json()["custom_roles"] if r["name"] == "Staff")
    response = staffed.delete(f"/api/v2/custom_roles/{staff['id']}")
    assert response.status_code == 422
    assert staffed.get(f"/api/v2/custom_roles/{staff['id']}").status_code == 200


def test_memberships_default_group_and_rules(staffed):
    ann = staffed.get("/api/v2/users/search", params={"query": "ann.lee@acme.com"}).json()["users"][0]
    memberships = staffed.get(f"/api/v2/users/{ann['id']}/group_memberships").json()["group_memberships"]
    assert len(memberships) == 1 and memberships[0]["default"] is True
    tier2 = staffed.post("/api/v2/groups", json={"group": {"name": "Tier 2"}}).json()["group"]
    created = staffed.post("/api/v2/group_memberships", json={"group_membership": {
        "user_id": ann["id"], "group_id": tier2["id"]}})
    assert created.status_code == 201
    assert_matches_schema(created.json(), "GroupMembershipResponse")
    assert created.json()["group_membership"]["default"] is False
    duplicate = staffed.post("/api/v2/group_memberships", json={"group_membership": {
        "user_id": ann["id"], "group_id": tier2["id"]}})
    assert duplicate.status_code == 422
    listing = staffed.get("/api/v2/group_memberships").json()
    assert_matches_schema(listing, "GroupMembershipsResponse")
    staffed.delete(f"/api/v2/group_memberships/{memberships[0]['id']}")
    left = staffed.get(f"/api/v2/users/{ann['id']}/group_memberships").json()["group_memberships"]
    assert [(m["group_id"], m["default"]) for m in left] == [(tier2["id"], True)]
    assert staffed.get(f"/api/v2/users/{ann['id']}").json()["user"]["default_group_id"] == tier2["id"]


def test_end_users_cannot_join_groups_and_deleted_groups_drop_members(staffed):
    end_user = staffed.post("/api/v2/users", json={"user": {"name": "Cust", "email": "c@x.com"}}).json()["user"]
    group = staffed.post("/api/v2/groups", json={"group": {"name": "G"}}).json()["group"]
    refused = staffed.post("/api/v2/group_memberships", json={"group_membership": {
        "user_id": end_user["id"], "group_id": group["id"]}})
    assert refused.status_code == 422
    ann = staffed.get("/api/v2/users/search", params={"query": "ann.lee@acme.com"}).json()["users"][0]
    staffed.post("/api/v2/group_memberships", json={"group_membership": {"user_id": ann["id"], "group_id": group["id"]}})
    staffed.delete(f"/api/v2/groups/{group['id']}")
    members = staffed.get(f"/api/v2/groups/{group['id']}/memberships").json()["group_memberships"]
    assert members == []


def test_support_addresses(client):
    listing = client.get("/api/v2/recipient_addresses").json()
    assert_matches_schema(listing, "SupportAddressesResponse")
    default = listing["recipient_addresses"][0]
    assert default["email"] == "support@example.zendesk.com" and default["default"] is True
    created = client.post("/api/v2/recipient_addresses", json={"recipient_address": {
        "email": "help@acme.com", "name": "Acme Help"}})
    assert created.status_code == 201
    assert_matches_schema(created.json(), "SupportAddressResponse")
    address = created.json()["recipient_address"]
    assert address["forwarding_status"] == "unknown" and address["brand_id"] == default["brand_id"]
    assert client.post("/api/v2/recipient_addresses", json={"recipient_address": {
        "email": "HELP@acme.com"}}).status_code == 422
    assert client.delete(f"/api/v2/recipient_addresses/{default['id']}").status_code == 422
    client.put(f"/api/v2/recipient_addresses/{address['id']}", json={"recipient_address": {"default": True}})
    flags = {a["email"]: a["default"] for a in client.get("/api/v2/recipient_addresses").json()["recipient_addresses"]}
    assert flags == {"support@example.zendesk.com": False, "help@acme.com": True}
