"""Conversation attributes (2.16): types, archive-on-delete, list options."""

from __future__ import annotations

import pytest

from intercom_emu_support import ok

BASE = "/conversations/attributes"


@pytest.fixture
def priority(client):
    return ok(client.post(BASE, json={"name": "Priority", "data_type": "list",
                                      "options": [{"label": "Low"}, {"label": "High"}]}))


def test_string_attribute_matches_the_documented_example(client):
    created = ok(client.post(BASE, json={"name": "api_test_attr", "data_type": "string", "description": "Created via API test"}))
    assert isinstance(created["id"], int)
    assert {k: created[k] for k in ("type", "name", "description", "data_type", "required", "visible_to_team_ids",
                                    "archived", "admin_id", "multiline")} == {
        "type": "conversation_attribute", "name": "api_test_attr", "description": "Created via API test",
        "data_type": "string", "required": False, "visible_to_team_ids": [], "archived": False,
        "admin_id": "991267401", "multiline": False}


def test_invalid_data_type_is_422_with_the_allowed_list(client):
    response = client.post(BASE, json={"name": "x", "data_type": "invalid_type"})
    assert response.status_code == 422
    assert response.json() == {"type": "error.list", "request_id": None, "errors": [{
        "code": "parameter_invalid",
        "message": "data_type 'invalid_type' is not valid. Allowed types: string, integer, list, decimal, boolean, "
                   "datetime, relationship, files"}]}


def test_relationship_attribute_needs_a_reference(client):
    assert client.post(BASE, json={"name": "Order", "data_type": "relationship"}).status_code == 422
    created = ok(client.post(BASE, json={"name": "Order", "data_type": "relationship",
                                         "reference": {"type": "many", "object_type_id": "Order"}}))
    assert created["reference"] == {"type": "many", "object_type_id": "Order"}


def test_list_attribute_needs_two_options(client):
    response = client.post(BASE, json={"name": "p", "data_type": "list", "options": [{"label": "only"}]})
    assert response.status_code == 422


def test_delete_archives_and_the_list_hides_archived_unless_asked(client, priority):
    archived = ok(client.delete(f"{BASE}/{priority['id']}"))
    assert archived["archived"] is True
    assert ok(client.get(BASE))["data"] == []
    assert [a["id"] for a in ok(client.get(BASE, params={"include_archived": "true"}))["data"]] == [priority["id"]]
    assert ok(client.get(f"{BASE}/{priority['id']}"))["archived"] is True


def test_update_renames_and_refuses_a_new_data_type(client, priority):
    renamed = ok(client.put(f"{BASE}/{priority['id']}", json={"name": "Urgency", "required": True,
                                                            "visible_to_team_ids": ["991267901"]}))
    assert (renamed["name"], renamed["required"], renamed["visible_to_team_ids"]) == ("Urgency", True, ["991267901"])
    assert client.put(f"{BASE}/{priority['id']}", json={"data_type": "string"}).status_code == 422


def test_options_add_rename_and_archive(client, priority):
    added = ok(client.post(f"{BASE}/{priority['id']}/options", json={"label": "Medium"}))
    labels = [o["label"] for o in added["options"]]
    assert labels == ["Low", "High", "Medium"]
    low = added["options"][0]["id"]
    renamed = ok(client.put(f"{BASE}/{priority['id']}/options/{low}", json={"label": "Minor"}))
    assert renamed["options"][0] == {"id": low, "label": "Minor", "archived": False}
    archived = ok(client.delete(f"{BASE}/{priority['id']}/options/{low}"))
    assert archived["options"][0]["archived"] is True and len(archived["options"]) == 3


def test_archiving_below_two_active_options_is_refused(client, priority):
    first = priority["options"][0]["id"]
    response = client.delete(f"{BASE}/{priority['id']}/options/{first}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "A list attribute must have at least 2 active options"


@pytest.mark.parametrize("body, message", [
    ({}, "label is required"), ({"label": 3}, "label must be a string"),
    ({"label": "x", "archived": True}, "only 'label' is accepted"),
])
def test_option_body_rules(client, priority, body, message):
    response = client.post(f"{BASE}/{priority['id']}/options", json=body)
    assert (response.status_code, response.json()["errors"][0]["message"]) == (422, message)


def test_options_on_a_non_list_attribute_and_unknown_ids(client):
    text = ok(client.post(BASE, json={"name": "Notes", "data_type": "string"}))
    response = client.post(f"{BASE}/{text['id']}/options", json={"label": "x"})
    assert response.status_code == 422
    missing = client.get(f"{BASE}/999")
    assert missing.status_code == 404
    assert missing.json()["errors"][0] == {"code": "conversation_attribute_not_found",
                                           "message": "Conversation attribute not found"}


def test_unknown_option_is_not_found(client, priority):
    response = client.put(f"{BASE}/{priority['id']}/options/nope", json={"label": "x"})
    assert response.status_code == 404
    assert response.json()["errors"][0]["message"] == "List option not found"
