"""SLA policies: unpaginated list, metric validation, reorder in body or query."""

from __future__ import annotations

FILTER = {"all": [{"field": "type", "operator": "is", "value": "incident"}], "any": []}
METRICS = [{"priority": "urgent", "metric": "first_reply_time", "target": 10, "business_hours": False}]


def _policy(client, title="Incidents", **extra):
    body = {"title": title, "filter": FILTER, "policy_metrics": METRICS, **extra}
    return client.post("/api/v2/slas/policies", json={"sla_policy": body})


def test_create_and_unpaginated_list(client):
    for i in range(3):
        assert _policy(client, f"P{i}").status_code == 201
    body = client.get("/api/v2/slas/policies").json()
    assert [p["title"] for p in body["sla_policies"]] == ["P0", "P1", "P2"]
    assert body["count"] == 3 and body["next_page"] is None
    assert body["sla_policies"][0]["url"].endswith(f"/slas/policies/{body['sla_policies'][0]['id']}.json")


def test_title_and_filter_required(client):
    assert client.post("/api/v2/slas/policies", json={"sla_policy": {"title": "x"}}).status_code == 422
    assert client.post("/api/v2/slas/policies", json={"sla_policy": {"filter": FILTER}}).status_code == 422


def test_metrics_are_validated(client):
    bad = [{"priority": "critical", "metric": "first_reply_time", "target": 10, "business_hours": False}]
    assert _policy(client, policy_metrics=bad).status_code == 422
    bad = [{"priority": "low", "metric": "first_reply_time", "target": "soon", "business_hours": False}]
    assert _policy(client, policy_metrics=bad).status_code == 422


def test_reorder_in_body_or_query(client):
    ids = [_policy(client, f"P{i}").json()["sla_policy"]["id"] for i in range(3)]
    assert client.put("/api/v2/slas/policies/reorder", json={"sla_policy_ids": ids[::-1]}).status_code == 200
    assert [p["id"] for p in client.get("/api/v2/slas/policies").json()["sla_policies"]] == ids[::-1]
    params = [("sla_policy_ids[]", str(i)) for i in ids]
    assert client.put("/api/v2/slas/policies/reorder", params=params).status_code == 200
    assert [p["id"] for p in client.get("/api/v2/slas/policies").json()["sla_policies"]] == ids


def test_update_replaces_metrics_and_delete(client):
    policy = _policy(client).json()["sla_policy"]
    metrics = [{"priority": "low", "metric": "requester_wait_time", "target": 180, "business_hours": True}]
    updated = client.put(f"/api/v2/slas/policies/{policy['id']}", json={"sla_policy": {"policy_metrics": metrics}})
    assert updated.json()["sla_policy"]["policy_metrics"] == metrics
    assert client.delete(f"/api/v2/slas/policies/{policy['id']}").status_code == 204
    assert client.get(f"/api/v2/slas/policies/{policy['id']}").status_code == 404
