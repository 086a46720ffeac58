"""Ticket types and their attributes: defaults, embedding, archive, immutable data_type."""

from __future__ import annotations

import pytest

from intercom_emu_support import ok


@pytest.fixture
def bug(client):
    return ok(client.post("/ticket_types", json={"name": "Bug", "description": "Something broke", "icon": "🐞",
                                                 "category": "Tracker"}))


def attributes_of(client, ticket_type_id):
    return ok(client.get(f"/ticket_types/{ticket_type_id}"))["ticket_type_attributes"]["data"]


def test_new_type_has_the_two_default_attributes_and_the_ticket_states(bug):
    assert (bug["name"], bug["category"], bug["icon"], bug["archived"]) == ("Bug", "Tracker", "🐞", False)
    defaults = bug["ticket_type_attributes"]
    assert defaults["type"] == "list"
    assert [(a["name"], a["order"], a["default"], a["input_options"]) for a in defaults["data"]] == [
        ("_default_title_", 0, True, {"multiline": False}),
        ("_default_description_", 1, True, {"multiline": True})]
    assert {s["category"] for s in bug["ticket_states"]["data"]} == {
        "submitted", "in_progress", "waiting_on_customer", "resolved"}


def test_defaults_for_icon_category_and_flags(client):
    plain = ok(client.post("/ticket_types", json={"name": "Question"}))
    assert (plain["category"], plain["icon"], plain["is_internal"], plain["description"]) == (
        "Customer", "\U0001f39f\ufe0f", False, "")


@pytest.mark.parametrize("body", [{}, {"name": ""}, {"name": "X", "category": "Internal"}])
def test_create_refuses_missing_name_or_unknown_category(client, body):
    assert client.post("/ticket_types", json=body).status_code == 400


def test_update_and_archive_keep_the_type_listed(client, bug):
    updated = ok(client.put(f"/ticket_types/{bug['id']}", json={"name": "Bug report", "archived": True}))
    assert (updated["name"], updated["archived"]) == ("Bug report", True)
    listed = ok(client.get("/ticket_types"))["data"]
    assert [(t["id"], t["archived"]) for t in listed] == [(bug["id"], True)]


def test_unknown_type_is_not_found(client):
    assert client.get("/ticket_types/999").status_code == 404
    assert client.put("/ticket_types/999", json={"name": "x"}).status_code == 404
    assert client.post("/ticket_types/999/attributes", json={"name": "a", "description": "", "data_type": "string"}).status_code == 404


def test_created_attribute_is_appended_and_embedded_in_its_type(client, bug):
    attribute = ok(client.post(f"/ticket_types/{bug['id']}/attributes", json={
        "name": "Severity", "description": "How bad", "data_type": "list", "list_items": "Low, Medium,High",
        "required_to_create": True}))
    assert attribute["order"] == 2 and attribute["ticket_type_id"] == int(bug["id"])
    assert (attribute["required_to_create"], attribute["visible_on_create"], attribute["visible_to_contacts"]) == (True, True, True)
    assert [o["label"] for o in attribute["input_options"]["list_options"]] == ["Low", "Medium", "High"]
    assert attribute in attributes_of(client, bug["id"])


@pytest.mark.parametrize("missing", ["name", "description", "data_type"])
def test_attribute_create_requires_name_description_and_data_type(client, bug, missing):
    body = {"name": "Severity", "description": "How bad", "data_type": "string"}
    del body[missing]
    response = client.post(f"/ticket_types/{bug['id']}/attributes", json=body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "parameter_not_found"


def test_list_attribute_needs_list_items(client, bug):
    response = client.post(f"/ticket_types/{bug['id']}/attributes",
                           json={"name": "Severity", "description": "", "data_type": "list"})
    assert response.status_code == 400


def test_attribute_update_changes_flags_and_list_items_but_not_data_type(client, bug):
    attribute = ok(client.post(f"/ticket_types/{bug['id']}/attributes", json={
        "name": "Severity", "description": "", "data_type": "list", "list_items": "Low,High"}))
    low_id = attribute["input_options"]["list_options"][0]["id"]
    updated = ok(client.put(f"/ticket_types/{bug['id']}/attributes/{attribute['id']}", json={
        "description": "Impact", "visible_to_contacts": False, "list_items": "Low,Critical"}))
    options = {o["label"]: o for o in updated["input_options"]["list_options"]}
    assert options["Low"]["id"] == low_id and options["Low"]["archived"] is False
    assert options["High"]["archived"] is True and options["Critical"]["archived"] is False
    assert (updated["description"], updated["visible_to_contacts"]) == ("Impact", False)
    refused = client.put(f"/ticket_types/{bug['id']}/attributes/{attribute['id']}", json={"data_type": "string"})
    assert refused.status_code == 400
    assert [a["data_type"] for a in attributes_of(client, bug["id"]) if a["id"] == attribute["id"]] == ["list"]


def test_archived_attribute_stays_embedded_with_archived_true(client, bug):
    attribute = ok(client.post(f"/ticket_types/{bug['id']}/attributes",
                               json={"name": "Legacy", "description": "", "data_type": "integer"}))
    ok(client.put(f"/ticket_types/{bug['id']}/attributes/{attribute['id']}", json={"archived": True}))
    embedded = [a for a in attributes_of(client, bug["id"]) if a["id"] == attribute["id"]]
    assert [a["archived"] for a in embedded] == [True]


def test_attribute_of_another_type_is_not_found_through_this_type(client, bug):
    other = ok(client.post("/ticket_types", json={"name": "Other"}))
    attribute = ok(client.post(f"/ticket_types/{other['id']}/attributes",
                               json={"name": "X", "description": "", "data_type": "boolean"}))
    response = client.put(f"/ticket_types/{bug['id']}/attributes/{attribute['id']}", json={"name": "Y"})
    assert response.status_code == 404
