"""Trigger categories: string ids, PATCH, JSON:API errors, batch jobs."""

from __future__ import annotations

from zendesk_emu_helpers import assert_matches_schema

BASE = "/api/v2/trigger_categories"


def _category(client, name, **extra):
    return client.post(BASE, json={"trigger_category": {"name": name, **extra}})


def _trigger(client, title, category_id=None):
    body = {"title": title, "actions": [{"field": "status", "value": "open"}],
            "conditions": {"all": [{"field": "status", "operator": "is", "value": "new"}]}}
    if category_id:
        body["category_id"] = category_id
    return client.post("/api/v2/triggers", json={"trigger": body}).json()["trigger"]


def test_fresh_account_has_one_category_holding_the_standard_triggers(client):
    listing = client.get(BASE, params={"include": "rule_counts"}).json()
    [category] = listing["trigger_categories"]
    assert category["name"] == "Notifications" and isinstance(category["id"], str)
    total = len(client.get("/api/v2/triggers").json()["triggers"])
    counts = category["rule_counts"]
    assert counts["active_count"] + counts["inactive_count"] == total


def test_create_patch_show_with_string_ids(client):
    created = _category(client, "Routing")
    assert created.status_code == 200
    assert_matches_schema(created.json(), "TriggerCategoryResponse")
    category = created.json()["trigger_category"]
    assert isinstance(category["id"], str) and category["position"] == 1
    assert client.put(f"{BASE}/{category['id']}", json={"trigger_category": {"name": "x"}}).status_code == 404
    patched = client.patch(f"{BASE}/{category['id']}", json={"trigger_category": {"name": "Routing rules"}})
    assert patched.status_code == 200 and patched.json()["trigger_category"]["name"] == "Routing rules"
    assert client.get(f"{BASE}/{category['id']}").json()["trigger_category"]["name"] == "Routing rules"
    listing = client.get(BASE, params={"page[size]": 1}).json()
    assert listing["meta"]["has_more"] is True and len(listing["trigger_categories"]) == 1


def test_errors_use_the_json_api_envelope(client):
    blank = _category(client, "  ")
    assert blank.status_code == 400
    assert blank.json() == {"errors": [{"code": "InvalidTriggerCategory", "title": "Name cannot be blank"}]}
    assert_matches_schema(blank.json(), "Errors")
    missing = client.get(f"{BASE}/999999")
    assert missing.status_code == 404 and missing.json()["errors"][0]["code"] == "TriggerCategoryNotFound"


def test_category_with_triggers_cannot_be_deleted(client):
    category = _category(client, "Temp").json()["trigger_category"]
    trigger = _trigger(client, "In temp", category["id"])
    refused = client.delete(f"{BASE}/{category['id']}")
    assert refused.status_code == 400 and refused.json()["errors"][0]["code"] == "TriggerCategoryNotEmpty"
    client.delete(f"/api/v2/triggers/{trigger['id']}")
    assert client.delete(f"{BASE}/{category['id']}").status_code == 204
    assert client.get(f"{BASE}/{category['id']}").status_code == 404


def test_reorder_is_refused_with_several_categories_and_jobs_do_it_instead(client):
    notifications = client.get(BASE).json()["trigger_categories"][0]["id"]
    routing = _category(client, "Routing").json()["trigger_category"]["id"]
    moved = _trigger(client, "Route me", routing)
    ids = [t["id"] for t in client.get("/api/v2/triggers").json()["triggers"]]
    refused = client.put("/api/v2/triggers/reorder", json={"trigger_ids": ids})
    assert refused.status_code == 400 and refused.json()["error"] == "LimitOneCategory"
    job = {"job": {"action": "patch", "items": {
        "trigger_categories": [{"id": routing, "position": 0}, {"id": notifications, "position": 1}],
        "triggers": [{"id": str(moved["id"]), "position": 1, "active": False}]}}}
    response = client.post(f"{BASE}/jobs", json=job)
    assert response.status_code == 200
    assert_matches_schema(response.json(), "BatchJobResponse")
    assert response.json()["status"] == "complete"
    firing = client.get("/api/v2/triggers").json()["triggers"]
    assert firing[0]["id"] == moved["id"] and firing[0]["active"] is False


def test_job_with_a_bad_item_changes_nothing(client):
    notifications = client.get(BASE).json()["trigger_categories"][0]
    trigger = client.get("/api/v2/triggers").json()["triggers"][0]
    job = {"job": {"action": "patch", "items": {
        "trigger_categories": [{"id": notifications["id"], "position": 7}],
        "triggers": [{"id": str(trigger["id"]), "category_id": "424242"}]}}}
    response = client.post(f"{BASE}/jobs", json=job)
    assert response.status_code == 400
    assert response.json() == {"status": "failed", "errors": [
        {"code": "InvalidTrigger", "title": "category_id is not valid", "trigger_id": str(trigger["id"])}]}
    assert client.get(f"{BASE}/{notifications['id']}").json()["trigger_category"]["position"] == 0


def test_inline_category_on_trigger_create(client):
    response = client.post("/api/v2/triggers", json={"trigger": {
        "title": "Tagged", "actions": [{"field": "set_tags", "value": "vip"}],
        "conditions": {"all": [{"field": "status", "operator": "is", "value": "new"}]},
        "category": {"name": "Tagging", "position": 5}}})
    assert response.status_code == 201
    category_id = response.json()["trigger"]["category_id"]
    assert client.get(f"{BASE}/{category_id}").json()["trigger_category"]["name"] == "Tagging"
