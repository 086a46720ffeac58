"""Contact and company fields: built-ins, custom fields, generated names and choices."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path, expected", [
    ("/contact_fields", {"name", "email", "phone", "time_zone", "language", "description"}),
    ("/company_fields", {"name", "description", "domains", "health_score"}),
])
def test_new_account_has_built_in_fields(client, path, expected):
    fields = client.get(path).json()
    assert expected <= {f["name"] for f in fields}
    assert all(f["default"] is True and f["type"] == f"default_{f['name']}" for f in fields)


def test_contact_field_needs_label_for_customers_but_company_field_does_not(client, error_codes):
    missing = client.post("/contact_fields", json={"label": "Department", "type": "custom_text"})
    assert error_codes(missing) == {("label_for_customers", "missing_field")}
    contact = client.post("/contact_fields", json={"label": "Department", "label_for_customers": "Your department",
                                                   "type": "custom_text"})
    company = client.post("/company_fields", json={"label": "Contract Type", "type": "custom_text"})
    assert contact.status_code == company.status_code == 201
    assert contact.json()["name"] == "department" and company.json()["name"] == "contract_type"
    assert contact.json()["label_for_customers"] == "Your department"
    refused = client.post("/company_fields", json={"label": "X", "type": "custom_text", "label_for_customers": "Y"})
    assert error_codes(refused) == {("label_for_customers", "invalid_field")}


def test_custom_dropdown_choices_and_partial_update(client):
    created = client.post("/company_fields", json={"label": "Plan", "type": "custom_dropdown",
                                                   "choices": [{"value": "Gold"}, {"value": "Silver"}]}).json()
    assert [c["value"] for c in created["choices"]] == ["Gold", "Silver"]
    gold = created["choices"][0]["id"]
    updated = client.put(f"/company_fields/{created['id']}", json={"choices": [{"id": gold, "value": "Platinum"}],
                                                                    "required_for_agents": True}).json()
    assert [c["value"] for c in updated["choices"]] == ["Platinum", "Silver"]
    assert updated["label"] == "Plan" and updated["name"] == "plan" and updated["required_for_agents"] is True


def test_type_and_name_are_server_owned(client, error_codes):
    field = client.post("/contact_fields", json={"label": "Region", "label_for_customers": "Region",
                                                 "type": "custom_text"}).json()
    refused = client.put(f"/contact_fields/{field['id']}", json={"type": "custom_number", "name": "area"})
    assert error_codes(refused) == {("type", "invalid_field"), ("name", "invalid_field")}
    relabelled = client.put(f"/contact_fields/{field['id']}", json={"label": "Area"}).json()
    assert relabelled["name"] == "region"


def test_built_in_fields_cannot_be_deleted_but_custom_ones_can(client):
    email = next(f for f in client.get("/contact_fields").json() if f["name"] == "email")
    assert client.delete(f"/contact_fields/{email['id']}").status_code == 400
    custom = client.post("/company_fields", json={"label": "Tier", "type": "custom_text"}).json()
    assert client.delete(f"/company_fields/{custom['id']}").status_code == 204
    assert client.get(f"/company_fields/{custom['id']}").status_code == 404


def test_labels_are_unique_per_kind(client):
    client.post("/company_fields", json={"label": "Segment", "type": "custom_text"})
    assert client.post("/company_fields", json={"label": "segment", "type": "custom_text"}).status_code == 409
    contact = client.post("/contact_fields", json={"label": "Segment", "label_for_customers": "Segment",
                                                   "type": "custom_text"})
    assert contact.status_code == 201
