"""Canned response folders and canned responses."""

from __future__ import annotations

import pytest


@pytest.fixture
def folder(client):
    response = client.post("/canned_response_folders", json={"name": "Billing replies"})
    assert response.status_code == 201
    return response.json()


def test_new_account_has_general_and_personal_folders(client):
    folders = client.get("/canned_response_folders").json()
    assert {(f["name"], f["personal"]) for f in folders} == {("General", False), ("Personal", True)}
    assert all(f["responses_count"] == 0 for f in folders)


def test_response_content_is_derived_from_html_and_bare_text_is_wrapped(client, folder):
    html = "<p>Hi {{ticket.requester.name}},</p><p>Your refund &amp; receipt are on the way.</p>"
    created = client.post("/canned_responses", json={"title": "Refund issued", "folder_id": folder["id"],
                                                     "visibility": 0, "content_html": html})
    assert created.status_code == 201, created.text
    response = created.json()
    assert response["content"] == "Hi {{ticket.requester.name}},\nYour refund & receipt are on the way."
    bare = client.post("/canned_responses", json={"title": "Thanks", "folder_id": folder["id"], "visibility": 0,
                                                  "content_html": "Thanks for waiting"}).json()
    assert bare["content_html"] == "<div>Thanks for waiting</div>" and bare["content"] == "Thanks for waiting"


def test_folder_views_show_their_responses(client, folder):
    ids = [client.post("/canned_responses", json={"title": f"R{n}", "folder_id": folder["id"], "visibility": 0,
                                                  "content_html": f"<div>{n}</div>"}).json()["id"] for n in range(2)]
    viewed = client.get(f"/canned_response_folders/{folder['id']}").json()
    assert viewed["responses_count"] == 2 and [r["id"] for r in viewed["canned_responses"]] == ids
    full = client.get(f"/canned_response_folders/{folder['id']}/responses").json()
    assert [r["content_html"] for r in full] == ["<div>0</div>", "<div>1</div>"]
    listed = next(f for f in client.get("/canned_response_folders").json() if f["id"] == folder["id"])
    assert listed["responses_count"] == 2 and "canned_responses" not in listed


@pytest.mark.parametrize("change, expected", [
    ({"visibility": 2}, {("group_ids", "missing_field")}),
    ({"visibility": 0, "group_ids": ["GROUP"]}, {("group_ids", "invalid_value")}),
    ({"visibility": 5}, {("visibility", "invalid_value")}),
    ({"folder_id": 1}, {("folder_id", "invalid_value")}),
])
def test_response_validation(client, folder, error_codes, change, expected):
    body = {"title": "T", "content_html": "<div>x</div>", "folder_id": folder["id"], "visibility": 0, **change}
    if change.get("group_ids") == ["GROUP"]:
        body["group_ids"] = [client.post("/groups", json={"name": "Billing"}).json()["id"]]
    response = client.post("/canned_responses", json=body)
    assert response.status_code == 400
    assert error_codes(response) == expected


def test_required_fields(client, error_codes):
    assert error_codes(client.post("/canned_responses", json={})) == {
        ("title", "missing_field"), ("content_html", "missing_field"), ("folder_id", "missing_field"),
        ("visibility", "missing_field")}


def test_group_visibility_and_partial_update(client, folder):
    group = client.post("/groups", json={"name": "Billing"}).json()
    response = client.post("/canned_responses", json={"title": "Team only", "folder_id": folder["id"], "visibility": 2,
                                                      "group_ids": [group["id"]], "content_html": "<div>Hi</div>"}).json()
    assert response["group_ids"] == [group["id"]]
    retitled = client.put(f"/canned_responses/{response['id']}", json={"title": "Billing team"}).json()
    assert retitled["content_html"] == "<div>Hi</div>" and retitled["group_ids"] == [group["id"]]
    opened = client.put(f"/canned_responses/{response['id']}", json={"visibility": 0}).json()
    assert opened["group_ids"] == []


def test_folders_rename_but_never_delete_and_responses_cannot_be_deleted(client, folder):
    renamed = client.put(f"/canned_response_folders/{folder['id']}", json={"name": "Refunds"}).json()
    assert renamed["name"] == "Refunds"
    response = client.post("/canned_responses", json={"title": "T", "folder_id": folder["id"], "visibility": 0,
                                                      "content_html": "<div>x</div>"}).json()
    assert client.delete(f"/canned_responses/{response['id']}").status_code == 405
    assert client.delete(f"/canned_response_folders/{folder['id']}").status_code == 405
    assert client.get(f"/canned_responses/{response['id']}").status_code == 200
