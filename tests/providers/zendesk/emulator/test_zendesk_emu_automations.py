"""Automations: the documented condition rules."""

from __future__ import annotations

CLOSE = [{"field": "status", "value": "closed"}]


def _automation(client, all_conditions, actions=CLOSE, **extra):
    body = {"title": "Close stale", "conditions": {"all": all_conditions, "any": []}, "actions": actions, **extra}
    return client.post("/api/v2/automations", json={"automation": body})


def test_valid_automation_is_created_at_the_end(client):
    response = _automation(client, [{"field": "status", "operator": "is", "value": "solved"},
                                    {"field": "hours_since_solved", "operator": "greater_than", "value": 72}])
    assert response.status_code == 201
    automation = response.json()["automation"]
    assert automation["conditions"]["all"][1]["value"] == "72"
    positions = [a["position"] for a in client.get("/api/v2/automations").json()["automations"]]
    assert automation["position"] == max(positions)


def test_needs_a_time_based_condition(client):
    response = _automation(client, [{"field": "status", "operator": "is", "value": "solved"}])
    assert response.status_code == 422 and response.json()["details"]["base"]


def test_needs_a_status_type_group_assignee_or_requester_condition(client):
    response = _automation(client, [{"field": "hours_since_updated", "operator": "greater_than", "value": "24"},
                                    {"field": "priority", "operator": "is", "value": "low"}])
    assert response.status_code == 422


def test_must_not_be_idempotent(client):
    looping = _automation(client, [{"field": "status", "operator": "is", "value": "pending"},
                                   {"field": "hours_since_pending", "operator": "greater_than", "value": "24"}],
                          actions=[{"field": "priority", "value": "high"}])
    assert looping.status_code == 422
    once = _automation(client, [{"field": "status", "operator": "is", "value": "pending"},
                                {"field": "hours_since_pending", "operator": "is", "value": "24"}],
                       actions=[{"field": "priority", "value": "high"}])
    assert once.status_code == 201


def test_update_is_validated_too_and_update_many_moves_positions(client):
    automation = _automation(client, [{"field": "status", "operator": "is", "value": "solved"},
                                      {"field": "hours_since_solved", "operator": "greater_than", "value": "72"}]).json()["automation"]
    bad = client.put(f"/api/v2/automations/{automation['id']}", json={"automation": {
        "conditions": {"all": [{"field": "status", "operator": "is", "value": "solved"}]}}})
    assert bad.status_code == 422
    response = client.put("/api/v2/automations/update_many",
                          json={"automations": [{"id": automation["id"], "position": 1, "active": False}]})
    assert response.status_code == 200
    got = client.get(f"/api/v2/automations/{automation['id']}").json()["automation"]
    assert (got["position"], got["active"]) == (1, False)
    assert got["conditions"]["all"][1]["field"] == "hours_since_solved"
