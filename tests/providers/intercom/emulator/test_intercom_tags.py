"""Tags: create-or-update by name, rename by id, delete refused while a segment uses the tag."""

from __future__ import annotations

import pytest

from intercom_emu_support import error_codes, ok


def test_post_creates_then_returns_the_same_tag_for_the_same_name_in_any_case(client):
    created = ok(client.post("/tags", json={"name": "VIP"}))
    again = ok(client.post("/tags", json={"name": "vip"}))
    assert created == again == {"type": "tag", "id": created["id"], "name": "VIP"}
    assert ok(client.get("/tags")) == {"type": "list", "data": [created]}


def test_post_with_id_renames(client):
    tag = ok(client.post("/tags", json={"name": "billing"}))
    renamed = ok(client.post("/tags", json={"id": tag["id"], "name": "Billing & invoices"}))
    assert renamed["id"] == tag["id"] and renamed["name"] == "Billing & invoices"
    assert ok(client.get(f"/tags/{tag['id']}"))["name"] == "Billing & invoices"


def test_rename_onto_another_tags_name_is_refused(client):
    first = ok(client.post("/tags", json={"name": "a"}))
    ok(client.post("/tags", json={"name": "b"}))
    assert client.post("/tags", json={"id": first["id"], "name": "B"}).status_code == 400


def test_rename_of_unknown_tag_is_not_found(client):
    assert client.post("/tags", json={"id": "424242", "name": "x"}).status_code == 404


@pytest.mark.parametrize("body", [{"test": "invalid"}, {"name": ""}, {"name": 5}])
def test_invalid_parameters(client, body):
    response = client.post("/tags", json=body)
    assert response.status_code == 400
    assert response.json()["errors"][0] == {"code": "parameter_invalid", "message": "invalid tag parameters"}


def test_tagging_companies_or_users_finds_none_in_an_empty_workspace(client):
    companies = client.post("/tags", json={"name": "t", "companies": [{"company_id": "123"}]})
    users = client.post("/tags", json={"name": "t", "users": [{"id": "123"}]})
    assert (companies.status_code, error_codes(companies)) == (404, ["company_not_found"])
    assert (users.status_code, users.json()["errors"][0]["message"]) == (404, "User Not Found")
    assert ok(client.get("/tags"))["data"] == []


def test_delete_removes_the_tag_and_answers_an_empty_200(client):
    tag = ok(client.post("/tags", json={"name": "temp"}))
    response = client.delete(f"/tags/{tag['id']}")
    assert (response.status_code, response.content) == (200, b"")
    assert client.get(f"/tags/{tag['id']}").status_code == 404
    assert client.delete(f"/tags/{tag['id']}").status_code == 404


def test_deleting_a_tag_a_segment_depends_on_is_refused(emulator, client):
    tag = ok(client.post("/tags", json={"name": "churn-risk"}))
    emulator.ui.add_segment("Seg 1", tag_ids=[tag["id"]])
    response = client.delete(f"/tags/{tag['id']}")
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "code": "tag_has_dependent_objects",
        "message": "Unable to delete Tag with dependent objects. Segments: Seg 1."}
    assert ok(client.get(f"/tags/{tag['id']}"))["name"] == "churn-risk"
    assert "Seg 1" in [s["name"] for s in ok(client.get("/segments"))["segments"]]


def test_get_unknown_tag_is_not_found(client):
    response = client.get("/tags/999")
    assert response.status_code == 404
    assert response.json()["errors"][0] == {"code": "not_found", "message": "Resource Not Found"}
