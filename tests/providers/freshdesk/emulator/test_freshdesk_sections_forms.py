"""Dynamic sections of dropdown fields, and ticket forms with their per-form fields."""

from __future__ import annotations

import pytest


@pytest.fixture
def issue_type(client):
    body = {"label": "Issue Type", "type": "custom_dropdown",
            "choices": [{"value": "Refund"}, {"value": "Faulty product"}, {"value": "Other"}]}
    return client.post("/admin/ticket_fields", json=body).json()


def sections_path(field):
    return f"/admin/ticket_fields/{field['id']}/sections"


def test_section_on_dropdown_choices_collects_mapped_fields(client, issue_type):
    refund = issue_type["choices"][0]["id"]
    created = client.post(sections_path(issue_type), json={"label": "Refund details", "choice_ids": [refund]})
    assert created.status_code == 201
    section = created.json()
    assert section["parent_ticket_field_id"] == issue_type["id"] and section["choice_ids"] == [refund]
    order = client.post("/admin/ticket_fields", json={
        "label": "Order number", "type": "custom_text",
        "section_mappings": [{"section_id": section["id"], "position": 1}]}).json()
    listed = client.get(sections_path(issue_type)).json()
    assert isinstance(listed, list) and listed[0]["ticket_field_ids"] == [order["id"]]
    with_sections = client.get(f"/admin/ticket_fields/{issue_type['id']}?include=section").json()
    assert with_sections["has_section"] is True and with_sections["sections"][0]["id"] == section["id"]
    assert "sections" not in client.get(f"/admin/ticket_fields/{issue_type['id']}").json()


def test_section_rules(client, issue_type, error_codes):
    refund, faulty = issue_type["choices"][0]["id"], issue_type["choices"][1]["id"]
    client.post(sections_path(issue_type), json={"label": "Refund details", "choice_ids": [refund]})
    reused = client.post(sections_path(issue_type), json={"label": "Other details", "choice_ids": [refund]})
    assert error_codes(reused) == {("choice_ids", "invalid_value")}
    same_label = client.post(sections_path(issue_type), json={"label": "refund details", "choice_ids": [faulty]})
    assert same_label.status_code == 409
    foreign = client.post(sections_path(issue_type), json={"label": "X", "choice_ids": [1]})
    assert error_codes(foreign) == {("choice_ids", "invalid_value")}
    assert error_codes(client.post(sections_path(issue_type), json={})) == {
        ("label", "missing_field"), ("choice_ids", "missing_field")}
    text = client.post("/admin/ticket_fields", json={"label": "Notes", "type": "custom_text"}).json()
    assert client.post(sections_path(text), json={"label": "S", "choice_ids": [refund]}).status_code == 400


def test_deleting_a_section_or_its_choice_cleans_up(client, issue_type):
    refund, faulty = issue_type["choices"][0]["id"], issue_type["choices"][1]["id"]
    section = client.post(sections_path(issue_type), json={"label": "Details", "choice_ids": [refund, faulty]}).json()
    order = client.post("/admin/ticket_fields", json={
        "label": "Order number", "type": "custom_text", "section_mappings": [{"section_id": section["id"], "position": 1}]}).json()
    client.put(f"/admin/ticket_fields/{issue_type['id']}", json={"choices": [{"id": refund, "deleted": True}]})
    assert client.get(f"{sections_path(issue_type)}/{section['id']}").json()["choice_ids"] == [faulty]
    assert client.delete(f"{sections_path(issue_type)}/{section['id']}").status_code == 204
    assert client.get(f"/admin/ticket_fields/{order['id']}").json()["section_mappings"] == []
    assert client.get(f"/admin/ticket_fields/{issue_type['id']}").json()["has_section"] is False


def test_form_create_view_and_list(client, issue_type, error_codes):
    fields = client.get("/admin/ticket_fields").json()
    subject = next(f for f in fields if f["name"] == "subject")
    body = {"title": "Returns Form", "description": "For returns",
            "fields": [{"id": subject["id"]}, {"id": issue_type["id"], "required_for_customers": True}]}
    created = client.post("/ticket-forms", json=body)
    assert created.status_code == 201, created.text
    form = created.json()
    assert form["name"] == "returns_form" and form["default"] is False
    assert [(f["id"], f["position"]) for f in form["fields"]] == [(subject["id"], 1), (issue_type["id"], 2)]
    assert form["fields"][1]["required_for_customers"] is True
    assert client.get(f"/admin/ticket_fields/{issue_type['id']}").json()["required_for_customers"] is False
    listed = client.get("/ticket-forms").json()
    assert {f["title"] for f in listed} == {"Default Ticket Form", "Returns Form"}
    assert all("fields" not in f for f in listed)
    assert error_codes(client.post("/ticket-forms", json={"title": "X", "name": "x"})) == {("name", "invalid_field")}
    assert client.post("/ticket-forms", json={"title": "returns form"}).status_code == 409
    assert error_codes(client.post("/ticket-forms", json={"title": "Y", "fields": [{"id": 1}]})) == {("fields", "invalid_value")}


def test_form_fields_can_be_moved_changed_and_removed(client, issue_type):
    subject = next(f for f in client.get("/admin/ticket_fields").json() if f["name"] == "subject")
    form = client.post("/ticket-forms", json={"title": "Returns", "fields": [{"id": subject["id"]}, {"id": issue_type["id"]}]}).json()
    path = f"/ticket-forms/{form['id']}/fields/{issue_type['id']}"
    moved = client.put(path, json={"position": 1, "label_for_customers": "What happened?"}).json()
    assert moved["position"] == 1 and moved["label_for_customers"] == "What happened?"
    assert [f["id"] for f in client.get(f"/ticket-forms/{form['id']}").json()["fields"]] == [issue_type["id"], subject["id"]]
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404
    assert [f["id"] for f in client.get(f"/ticket-forms/{form['id']}").json()["fields"]] == [subject["id"]]


def test_default_form_shows_every_field_and_cannot_be_deleted(client, issue_type):
    default = next(f for f in client.get("/ticket-forms").json() if f["default"])
    shown = [f["id"] for f in client.get(f"/ticket-forms/{default['id']}").json()["fields"]]
    assert shown == [f["id"] for f in client.get("/admin/ticket_fields").json()]
    assert client.delete(f"/ticket-forms/{default['id']}").status_code == 400


def test_clone_copies_fields_and_deleted_fields_leave_forms(client, issue_type):
    form = client.post("/ticket-forms", json={"title": "Returns", "fields": [{"id": issue_type["id"]}]}).json()
    clone = client.post(f"/ticket-forms/{form['id']}/clone", json={"title": "Returns EU"})
    assert clone.status_code == 201
    assert [f["id"] for f in clone.json()["fields"]] == [issue_type["id"]]
    client.delete(f"/admin/ticket_fields/{issue_type['id']}")
    for form_id in (form["id"], clone.json()["id"]):
        assert client.get(f"/ticket-forms/{form_id}").json()["fields"] == []


def test_form_update_is_partial_and_delete_works(client, issue_type):
    form = client.post("/ticket-forms", json={"title": "Returns", "description": "d", "fields": [{"id": issue_type["id"]}]}).json()
    updated = client.put(f"/ticket-forms/{form['id']}", json={"title": "Returns and refunds"}).json()
    assert updated["name"] == "returns_and_refunds" and updated["description"] == "d"
    assert [f["id"] for f in updated["fields"]] == [issue_type["id"]]
    assert client.delete(f"/ticket-forms/{form['id']}").status_code == 204
    assert client.get(f"/ticket-forms/{form['id']}").status_code == 404
