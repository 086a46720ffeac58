"""Views: write shape in, read shape out."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path("/work/shared/vendor-specs/zendesk/examples/view-update-request.json")
ALL = [{"field": "status", "operator": "less_than", "value": "solved"}]


def _view(client, **view):
    return client.post("/api/v2/views", json={"view": {"title": "Mine", "all": ALL, **view}})


def test_write_shape_is_answered_in_read_shape(client):
    field = client.post("/api/v2/ticket_fields", json={"ticket_field": {"type": "text", "title": "Order"}}).json()
    field_id = field["ticket_field"]["id"]
    response = _view(client, any=[{"field": "priority", "operator": "is", "value": "high"}],
                     output={"columns": ["status", "requester", field_id], "group_by": "assignee",
                             "group_order": "desc", "sort_by": "status", "sort_order": "asc"})
    assert response.status_code == 200
    view = response.json()["view"]
    assert "all" not in view and "output" not in view
    assert view["conditions"] == {"all": ALL, "any": [{"field": "priority", "operator": "is", "value": "high"}]}
    execution = view["execution"]
    assert execution["columns"] == [{"id": "status", "title": "Status category"},
                                    {"id": "requester", "title": "Requester"},
                                    {"id": field_id, "title": "Order"}]
    assert (execution["group_by"], execution["group_order"], execution["sort_by"]) == ("assignee", "desc", "status")
    assert execution["custom_fields"][0]["id"] == field_id


def test_custom_column_title_follows_the_field(client):
    field_id = client.post("/api/v2/ticket_fields", json={"ticket_field": {"type": "text", "title": "Old"}}).json()["ticket_field"]["id"]
    view = _view(client, output={"columns": [field_id]}).json()["view"]
    client.put(f"/api/v2/ticket_fields/{field_id}", json={"ticket_field": {"title": "New"}})
    assert client.get(f"/api/v2/views/{view['id']}").json()["view"]["execution"]["columns"][0]["title"] == "New"


def test_at_most_ten_columns(client):
    columns = ["status", "requester", "assignee", "updated", "created", "group", "priority", "type",
               "nice_id", "organization", "brand"]
    assert _view(client, output={"columns": columns}).status_code == 422
    assert _view(client, output={"columns": columns[:10]}).status_code == 200


def test_all_needs_a_qualifying_condition(client):
    response = client.post("/api/v2/views", json={"view": {
        "title": "Bad", "all": [{"field": "priority", "operator": "is", "value": "urgent"}]}})
    assert response.status_code == 422
    assert client.post("/api/v2/views", json={"view": {"title": "No all"}}).status_code == 422


def test_vendor_update_example_replaces_all_and_columns(client):
    view = _view(client, any=[{"field": "type", "operator": "is", "value": "task"}]).json()["view"]
    body = json.loads(EXAMPLE.read_text())
    group_id = client.get("/api/v2/groups").json()["groups"][0]["id"]
    body["view"]["restriction"]["ids"] = [group_id]
    body["view"]["all"].append({"field": "group_id", "operator": "is", "value": group_id})
    updated = client.put(f"/api/v2/views/{view['id']}", json=body).json()["view"]
    assert updated["title"] == "Code red tickets"
    assert [c["field"] for c in updated["conditions"]["all"]] == ["priority", "group_id"]
    assert updated["conditions"]["all"][1]["value"] == str(group_id)
    assert updated["conditions"]["any"] == [{"field": "type", "operator": "is", "value": "task"}]
    assert [c["id"] for c in updated["execution"]["columns"]] == ["status", "requester", "assignee", "updated"]
    assert updated["restriction"]["type"] == "Group"


def test_group_by_description_is_refused(client):
    assert _view(client, output={"columns": ["status"], "group_by": "description"}).status_code == 422


def test_update_many_and_delete(client):
    view = _view(client).json()["view"]
    response = client.put("/api/v2/views/update_many", json={"views": [{"id": view["id"], "position": 1}]})
    assert response.json()["views"][0]["position"] == 1
    assert client.get("/api/v2/views").json()["views"][0]["id"] == view["id"]
    assert client.delete(f"/api/v2/views/{view['id']}").status_code == 204
    assert client.get(f"/api/v2/views/{view['id']}").status_code == 404
