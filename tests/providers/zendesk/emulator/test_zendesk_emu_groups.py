"""Groups: the seeded default group, soft delete and its guards."""

from __future__ import annotations


def _create(client, **group):
    return client.post("/api/v2/groups", json={"group": group})


def test_fresh_account_has_the_default_support_group(client):
    groups = client.get("/api/v2/groups").json()["groups"]
    assert [(g["name"], g["default"], g["deleted"]) for g in groups] == [("Support", True, False)]


def test_create_show_update(client):
    created = _create(client, name="Billing", description="Money")
    assert created.status_code == 201
    group = created.json()["group"]
    assert group["url"].endswith(f"/api/v2/groups/{group['id']}.json")
    assert isinstance(group["id"], int) and group["created_at"] and group["is_public"] is True
    updated = client.put(f"/api/v2/groups/{group['id']}", json={"group": {"name": "Billing & Refunds"}})
    assert updated.json()["group"]["name"] == "Billing & Refunds"
    assert updated.json()["group"]["description"] == "Money"
    assert client.get(f"/api/v2/groups/{group['id']}").json()["group"]["name"] == "Billing & Refunds"


def test_name_is_required(client):
    response = _create(client, description="nameless")
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "RecordInvalid"
    assert body["details"]["name"][0]["error"] == "BlankValue"


def test_delete_is_soft_and_exclude_deleted_hides_it(client):
    group = _create(client, name="Temp").json()["group"]
    assert client.delete(f"/api/v2/groups/{group['id']}").status_code == 204
    listed = {g["name"]: g for g in client.get("/api/v2/groups").json()["groups"]}
    assert listed["Temp"]["deleted"] is True
    live = [g["name"] for g in client.get("/api/v2/groups", params={"exclude_deleted": "true"}).json()["groups"]]
    assert live == ["Support"]
    assert client.delete(f"/api/v2/groups/{group['id']}").status_code == 404


def test_default_group_cannot_be_deleted(client):
    default = client.get("/api/v2/groups").json()["groups"][0]
    response = client.delete(f"/api/v2/groups/{default['id']}")
    assert response.status_code == 422
    assert response.json()["details"]["base"]
    assert client.get(f"/api/v2/groups/{default['id']}").json()["group"]["deleted"] is False


def test_private_group_cannot_become_public(client):
    group = _create(client, name="Secret", is_public=False).json()["group"]
    response = client.put(f"/api/v2/groups/{group['id']}", json={"group": {"is_public": True}})
    assert response.status_code == 422
    assert client.get(f"/api/v2/groups/{group['id']}").json()["group"]["is_public"] is False
