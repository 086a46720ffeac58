"""Skills under /admin/skills: PATCH updates, rank ordering and agent membership."""

from __future__ import annotations


def test_skill_create_view_and_patch(client, agent_ids):
    created = client.post("/admin/skills", json={"name": "German travel experts", "match_type": "any",
                                                 "agents": [{"id": agent_ids[1]}],
                                                 "conditions": [{"resource_type": "contact", "field_name": "language",
                                                                 "operator": "in", "value": ["de"]}]})
    assert created.status_code == 201
    skill = created.json()
    assert skill["agents"] == [{"id": agent_ids[1]}] and skill["rank"] == 1
    patched = client.patch(f"/admin/skills/{skill['id']}", json={"name": "German experts"}).json()
    assert patched["name"] == "German experts"
    assert patched["match_type"] == "any" and patched["conditions"] == skill["conditions"]
    assert client.get(f"/agents/{agent_ids[1]}").json()["skill_ids"] == [skill["id"]]


def test_put_is_not_how_skills_are_updated(client):
    skill = client.post("/admin/skills", json={"name": "French"}).json()
    assert client.put(f"/admin/skills/{skill['id']}", json={"name": "Changed"}).status_code == 405
    assert client.get(f"/admin/skills/{skill['id']}").json()["name"] == "French"


def test_rank_orders_the_list_and_shifts_other_skills(client):
    ids = [client.post("/admin/skills", json={"name": n}).json()["id"] for n in ("A", "B", "C")]
    client.patch(f"/admin/skills/{ids[2]}", json={"rank": 1})
    listed = client.get("/admin/skills").json()
    assert [(s["id"], s["rank"]) for s in listed] == [(ids[2], 1), (ids[0], 2), (ids[1], 3)]


def test_skill_validation(client, error_codes):
    bad = client.post("/admin/skills", json={"name": "X", "agents": [{"id": 1}]})
    assert error_codes(bad) == {("agents", "invalid_value")}
    bad = client.post("/admin/skills", json={"name": "Y", "conditions": [{"operator": "in"}], "match_type": "some"})
    assert error_codes(bad) == {("conditions", "invalid_value"), ("match_type", "invalid_value")}


def test_deleting_a_skill_takes_it_off_agents(client, agent_ids):
    skill = client.post("/admin/skills", json={"name": "Billing", "agents": [{"id": agent_ids[0]}]}).json()
    assert client.delete(f"/admin/skills/{skill['id']}").status_code == 204
    assert client.get(f"/admin/skills/{skill['id']}").status_code == 404
    assert client.get(f"/agents/{agent_ids[0]}").json()["skill_ids"] == []
