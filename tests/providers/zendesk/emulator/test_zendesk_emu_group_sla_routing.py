"""Group SLA policies and skills-based routing attributes (string ids)."""

from __future__ import annotations

from zendesk_emu_helpers import assert_matches_schema

GSLA = "/api/v2/group_slas/policies"
ROUTING = "/api/v2/routing/attributes"


def _gsla(client, title, group_id, **extra):
    body = {"title": title, "filter": {"all": [{"field": "group_id", "operator": "includes", "value": [group_id]}]},
            "policy_metrics": [{"priority": "normal", "metric": "group_ownership_time", "target": 1800,
                                "business_hours": False}], **extra}
    return client.post(GSLA, json={"group_sla_policy": body})


def test_group_sla_crud_with_string_ids(client):
    group_id = client.get("/api/v2/groups").json()["groups"][0]["id"]
    created = _gsla(client, "Tier 1 ownership", group_id)
    assert created.status_code == 201
    assert_matches_schema(created.json(), "GroupSLAPolicyResponse")
    policy = created.json()["group_sla_policy"]
    assert isinstance(policy["id"], str)
    updated = client.put(f"{GSLA}/{policy['id']}", json={"group_sla_policy": {"title": "Tier 1"}})
    assert_matches_schema(updated.json(), "GroupSLAPolicyResponse")
    listing = client.get(GSLA).json()
    assert_matches_schema(listing, "GroupSLAPoliciesResponse")
    assert [p["title"] for p in listing["group_sla_policies"]] == ["Tier 1"]
    assert client.delete(f"{GSLA}/{policy['id']}").status_code == 204
    assert client.get(f"{GSLA}/{policy['id']}").status_code == 404


def test_group_sla_validation(client):
    group_id = client.get("/api/v2/groups").json()["groups"][0]["id"]
    assert _gsla(client, "Ghost group", 12345).status_code == 422
    bad_metric = [{"priority": "low", "metric": "first_reply_time", "target": 60, "business_hours": False}]
    assert _gsla(client, "Wrong metric", group_id, policy_metrics=bad_metric).status_code == 422
    no_filter = client.post(GSLA, json={"group_sla_policy": {"title": "x"}})
    assert no_filter.status_code == 422


def test_group_sla_reorder(client):
    group_id = client.get("/api/v2/groups").json()["groups"][0]["id"]
    ids = [_gsla(client, f"P{i}", group_id).json()["group_sla_policy"]["id"] for i in range(3)]
    assert client.put(f"{GSLA}/reorder", params=[("group_sla_policy_ids[]", i) for i in ids[::-1]]).status_code == 200
    assert [p["id"] for p in client.get(GSLA).json()["group_sla_policies"]] == ids[::-1]


def test_routing_attributes_and_values(client):
    created = client.post(ROUTING, json={"attribute": {"name": "Language"}})
    assert created.status_code == 201
    assert_matches_schema(created.json(), "SkillBasedRoutingAttributeResponse")
    attribute = created.json()["attribute"]
    assert len(attribute["id"]) == 36 and attribute["id"].count("-") == 4
    assert client.post(ROUTING, json={"attribute": {"name": "language"}}).status_code == 422
    values = f"{ROUTING}/{attribute['id']}/values"
    german = client.post(values, json={"attribute_value": {"name": "German"}})
    assert german.status_code == 201
    assert_matches_schema(german.json(), "SkillBasedRoutingAttributeValueResponse")
    value_id = german.json()["attribute_value"]["id"]
    assert client.put(f"{values}/{value_id}", json={"attribute_value": {"name": "x"}}).status_code == 404
    patched = client.patch(f"{values}/{value_id}", json={"attribute_value": {"name": "German (Advanced)"}})
    assert patched.json()["attribute_value"]["name"] == "German (Advanced)"
    listing = client.get(values).json()
    assert_matches_schema(listing, "SkillBasedRoutingAttributeValuesWithoutPriorityResponse")
    assert [v["name"] for v in listing["attribute_values"]] == ["German (Advanced)"]
    renamed = client.put(f"{ROUTING}/{attribute['id']}", json={"attribute": {"name": "Lingua"}})
    assert renamed.json()["attribute"]["name"] == "Lingua"
    assert_matches_schema(client.get(ROUTING).json(), "SkillBasedRoutingAttributesResponse")
    assert client.delete(f"{ROUTING}/{attribute['id']}").status_code == 204
    assert client.get(f"{values}/{value_id}").status_code == 404
