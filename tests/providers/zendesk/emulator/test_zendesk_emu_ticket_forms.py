"""Ticket forms: the default form, field references, reorder."""

from __future__ import annotations


def _form(client, **form):
    return client.post("/api/v2/ticket_forms", json={"ticket_form": form})


def _system_ids(client):
    return [f["id"] for f in client.get("/api/v2/ticket_fields").json()["ticket_fields"]]


def test_fresh_account_has_the_default_form_with_the_system_fields(client):
    forms = client.get("/api/v2/ticket_forms").json()["ticket_forms"]
    assert [(f["name"], f["default"]) for f in forms] == [("Default Ticket Form", True)]
    assert forms[0]["ticket_field_ids"] == _system_ids(client)


def test_create_with_conditions_stored_as_given(client):
    ids = _system_ids(client)
    conditions = [{"parent_field_id": ids[3], "value": "incident",
                   "child_fields": [{"id": ids[4], "is_required": True}]}]
    response = _form(client, name="Incidents", ticket_field_ids=ids[:5], agent_conditions=conditions)
    assert response.status_code == 201
    form = response.json()["ticket_form"]
    assert form["agent_conditions"] == conditions and form["end_user_conditions"] == []
    assert form["default"] is False and form["display_name"] == "Incidents"


def test_ticket_field_ids_must_exist(client):
    response = _form(client, name="Broken", ticket_field_ids=[123])
    assert response.status_code == 422
    assert "ticket_field_ids" in response.json()["details"]
    assert len(client.get("/api/v2/ticket_forms").json()["ticket_forms"]) == 1


def test_name_is_required(client):
    assert _form(client, ticket_field_ids=[]).status_code == 422


def test_default_form_cannot_be_deleted_and_default_moves(client):
    default = client.get("/api/v2/ticket_forms").json()["ticket_forms"][0]
    assert client.delete(f"/api/v2/ticket_forms/{default['id']}").status_code == 422
    other = _form(client, name="Other").json()["ticket_form"]
    client.put(f"/api/v2/ticket_forms/{other['id']}", json={"ticket_form": {"default": True}})
    forms = {f["name"]: f["default"] for f in client.get("/api/v2/ticket_forms").json()["ticket_forms"]}
    assert forms == {"Default Ticket Form": False, "Other": True}
    assert client.delete(f"/api/v2/ticket_forms/{default['id']}").status_code == 204


def test_reorder_and_page_params_accepted(client):
    a = _form(client, name="A").json()["ticket_form"]["id"]
    b = _form(client, name="B").json()["ticket_form"]["id"]
    response = client.put("/api/v2/ticket_forms/reorder", json={"ticket_form_ids": [b, a]})
    assert response.status_code == 200
    assert [f["id"] for f in response.json()["ticket_forms"]][:2] == [b, a]
    listed = client.get("/api/v2/ticket_forms").json()["ticket_forms"]
    assert [f["name"] for f in listed] == ["B", "A", "Default Ticket Form"]
    paged = client.get("/api/v2/ticket_forms", params={"page": 1, "per_page": 2}).json()
    assert len(paged["ticket_forms"]) == 2 and paged["next_page"]
    cursor = client.get("/api/v2/ticket_forms", params={"page[size]": 2}).json()
    assert cursor["meta"]["has_more"] is True


def test_deleting_a_field_removes_it_from_forms(client):
    field = client.post("/api/v2/ticket_fields", json={"ticket_field": {"type": "text", "title": "X"}}).json()
    field_id = field["ticket_field"]["id"]
    form = _form(client, name="F", ticket_field_ids=[field_id]).json()["ticket_form"]
    client.delete(f"/api/v2/ticket_fields/{field_id}")
    assert client.get(f"/api/v2/ticket_forms/{form['id']}").json()["ticket_form"]["ticket_field_ids"] == []
