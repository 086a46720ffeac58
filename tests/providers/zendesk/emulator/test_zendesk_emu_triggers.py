"""Triggers: required attributes, replace semantics, ordering endpoints."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path("/work/shared/vendor-specs/zendesk/examples/trigger-create-request.json")


def _trigger(client, title="Route urgent", **extra):
    body = {"title": title, "actions": [{"field": "priority", "value": "urgent"}],
            "conditions": {"all": [{"field": "status", "operator": "is", "value": "new"}], "any": []}}
    body.update(extra)
    return client.post("/api/v2/triggers", json={"trigger": body})


def _ids(client):
    return [t["id"] for t in client.get("/api/v2/triggers").json()["triggers"]]


def test_fresh_account_has_standard_notification_triggers(client):
    titles = [t["title"] for t in client.get("/api/v2/triggers").json()["triggers"]]
    assert "Notify requester and CCs of received request" in titles


def test_vendor_example_request_needs_an_existing_category(client):
    example = json.loads(EXAMPLE.read_text())
    unknown = client.post("/api/v2/triggers", json=example)
    assert unknown.status_code == 422 and "category_id" in unknown.json()["details"]
    category = client.post("/api/v2/trigger_categories", json={"trigger_category": {"name": "Routing"}})
    example["trigger"]["category_id"] = category.json()["trigger_category"]["id"]
    before = _ids(client)
    response = client.post("/api/v2/triggers", json=example)
    assert response.status_code == 201
    trigger = response.json()["trigger"]
    assert trigger["category_id"] == example["trigger"]["category_id"] and trigger["raw_title"] == "Roger Wilco"
    assert trigger["conditions"]["all"][0] == {"field": "status", "operator": "is", "value": "open"}
    assert _ids(client) == before + [trigger["id"]]


def test_trigger_without_category_joins_the_first_one(client):
    first = client.get("/api/v2/trigger_categories").json()["trigger_categories"][0]
    assert _trigger(client).json()["trigger"]["category_id"] == first["id"]


def test_title_and_actions_are_required(client):
    missing_actions = client.post("/api/v2/triggers", json={"trigger": {"title": "x"}})
    assert missing_actions.status_code == 422
    assert missing_actions.json()["error"] == "RecordInvalid"
    assert "actions" in missing_actions.json()["details"]
    missing_title = client.post("/api/v2/triggers", json={"trigger": {"actions": [{"field": "status", "value": "open"}]}})
    assert "title" in missing_title.json()["details"]


def test_values_come_back_as_strings(client):
    group_id = client.get("/api/v2/groups").json()["groups"][0]["id"]
    trigger = _trigger(client, actions=[{"field": "group_id", "value": group_id}]).json()["trigger"]
    assert trigger["actions"] == [{"field": "group_id", "value": str(group_id)}]


def test_put_replaces_conditions_and_actions_wholesale(client):
    trigger = _trigger(client, conditions={"all": [{"field": "status", "operator": "is", "value": "new"}],
                                           "any": [{"field": "priority", "operator": "is", "value": "high"}]}).json()["trigger"]
    new_conditions = {"all": [{"field": "type", "operator": "is", "value": "incident"}]}
    updated = client.put(f"/api/v2/triggers/{trigger['id']}", json={"trigger": {
        "conditions": new_conditions, "actions": [{"field": "status", "value": "open"}]}}).json()["trigger"]
    assert updated["conditions"] == {"all": new_conditions["all"], "any": []}
    assert updated["actions"] == [{"field": "status", "value": "open"}]
    assert updated["title"] == "Route urgent"


def test_legacy_top_level_all_any_is_accepted(client):
    response = client.post("/api/v2/triggers", json={"trigger": {
        "title": "Legacy", "actions": [{"field": "status", "value": "open"}],
        "all": [{"field": "status", "operator": "is", "value": "new"}]}})
    assert response.json()["trigger"]["conditions"]["all"][0]["field"] == "status"


def test_reorder_must_list_every_trigger(client):
    ids = _ids(client)
    partial = client.put("/api/v2/triggers/reorder", json={"trigger_ids": ids[:2]})
    assert partial.status_code == 404
    reordered = list(reversed(ids))
    assert client.put("/api/v2/triggers/reorder", json={"trigger_ids": reordered}).status_code == 200
    assert _ids(client) == reordered
    assert [t["position"] for t in client.get("/api/v2/triggers").json()["triggers"]] == list(range(1, len(ids) + 1))


def test_update_many_changes_only_position_active_and_category(client):
    trigger = _trigger(client).json()["trigger"]
    response = client.put("/api/v2/triggers/update_many", json={"triggers": [
        {"id": trigger["id"], "position": 1, "active": False, "title": "ignored"}]})
    assert response.status_code == 200
    got = client.get(f"/api/v2/triggers/{trigger['id']}").json()["trigger"]
    assert (got["position"], got["active"], got["title"]) == (1, False, "Route urgent")
    assert client.put("/api/v2/triggers/update_many", json={"triggers": [{"id": 1}]}).status_code == 404


def test_active_filter_and_delete(client):
    trigger = _trigger(client, active=False).json()["trigger"]
    inactive = client.get("/api/v2/triggers", params={"active": "false"}).json()["triggers"]
    assert trigger["id"] in [t["id"] for t in inactive]
    assert trigger["id"] not in [t["id"] for t in client.get("/api/v2/triggers/active").json()["triggers"]]
    assert client.delete(f"/api/v2/triggers/{trigger['id']}").status_code == 204
    assert client.get(f"/api/v2/triggers/{trigger['id']}").status_code == 404


def test_destroy_many(client):
    a, b = _trigger(client, "A").json()["trigger"]["id"], _trigger(client, "B").json()["trigger"]["id"]
    assert client.delete("/api/v2/triggers/destroy_many", params={"ids": f"{a},{b}"}).status_code == 204
    assert not {a, b} & set(_ids(client))
