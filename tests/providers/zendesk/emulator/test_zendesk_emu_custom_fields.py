"""User fields and organization fields."""

from __future__ import annotations

import pytest
from zendesk_emu_helpers import assert_matches_schema

KINDS = [("user_fields", "user_field", "UserFieldResponse", "UserFieldsResponse"),
         ("organization_fields", "organization_field", "OrganizationFieldResponse", "OrganizationFieldsResponse")]


@pytest.mark.parametrize("plural,singular,one,many", KINDS)
def test_crud_with_options_and_schema(client, plural, singular, one, many):
    created = client.post(f"/api/v2/{plural}", json={singular: {
        "key": "plan_tier", "title": "Plan", "type": "dropdown",
        "custom_field_options": [{"name": "Gold", "value": "gold"}, {"name": "Free", "value": "free"}]}})
    assert created.status_code == 201, created.text
    assert_matches_schema(created.json(), one)
    field = created.json()[singular]
    gold = field["custom_field_options"][0]
    updated = client.put(f"/api/v2/{plural}/{field['id']}", json={singular: {
        "title": "Plan tier", "custom_field_options": [{"name": "Gold!", "value": "gold"}]}})
    assert_matches_schema(updated.json(), one)
    options = updated.json()[singular]["custom_field_options"]
    assert [(o["id"], o["name"]) for o in options] == [(gold["id"], "Gold!")]
    listing = client.get(f"/api/v2/{plural}").json()
    assert_matches_schema(listing, many)
    assert [f["key"] for f in listing[plural]] == ["plan_tier"]
    assert client.delete(f"/api/v2/{plural}/{field['id']}").status_code == 204
    assert client.get(f"/api/v2/{plural}/{field['id']}").status_code == 404


@pytest.mark.parametrize("plural,singular,_one,_many", KINDS)
def test_key_rules(client, plural, singular, _one, _many):
    base = f"/api/v2/{plural}"
    assert client.post(base, json={singular: {"title": "No key"}}).status_code == 422
    assert client.post(base, json={singular: {"key": "bad key!", "title": "x"}}).status_code == 422
    field = client.post(base, json={singular: {"key": "region", "title": "Region"}}).json()[singular]
    assert field["type"] == "text"
    assert client.post(base, json={singular: {"key": "region", "title": "Again"}}).status_code == 422
    changed_key = client.put(f"{base}/{field['id']}", json={singular: {"key": "area"}})
    assert changed_key.status_code == 422
    changed_type = client.put(f"{base}/{field['id']}", json={singular: {"type": "integer"}})
    assert changed_type.status_code == 422
    assert client.get(f"{base}/{field['id']}").json()[singular]["key"] == "region"


@pytest.mark.parametrize("plural,singular,_one,_many", KINDS)
def test_reorder(client, plural, singular, _one, _many):
    base = f"/api/v2/{plural}"
    ids = [client.post(base, json={singular: {"key": f"k{i}", "title": f"T{i}"}}).json()[singular]["id"]
           for i in range(3)]
    assert client.put(f"{base}/reorder", json={f"{singular}_ids": ids[::-1]}).status_code == 200
    assert [f["id"] for f in client.get(base).json()[plural]] == ids[::-1]


def test_user_field_option_endpoints(client):
    field = client.post("/api/v2/user_fields", json={"user_field": {
        "key": "lang", "title": "Language", "type": "dropdown",
        "custom_field_options": [{"name": "English", "value": "en"}]}}).json()["user_field"]
    base = f"/api/v2/user_fields/{field['id']}/options"
    created = client.post(base, json={"custom_field_option": {"name": "German", "value": "de"}})
    assert created.status_code == 201
    assert_matches_schema(created.json(), "CustomFieldOptionResponse")
    assert client.post(base, json={"custom_field_option": {"name": "Deutsch", "value": "en"}}).status_code == 422
    option_id = created.json()["custom_field_option"]["id"]
    assert client.delete(f"{base}/{option_id}").status_code == 204
    assert [o["value"] for o in client.get(base).json()["custom_field_options"]] == ["en"]


def test_organization_fields_have_no_option_endpoint(client):
    field = client.post("/api/v2/organization_fields", json={"organization_field": {
        "key": "segment", "title": "Segment", "type": "dropdown",
        "custom_field_options": [{"name": "SMB", "value": "smb"}]}}).json()["organization_field"]
    response = client.get(f"/api/v2/organization_fields/{field['id']}/options")
    assert response.status_code == 404 and response.json()["error"] == "InvalidEndpoint"


def test_dropdown_needs_options(client):
    response = client.post("/api/v2/user_fields", json={"user_field": {"key": "d", "title": "D", "type": "dropdown"}})
    assert response.status_code == 422
