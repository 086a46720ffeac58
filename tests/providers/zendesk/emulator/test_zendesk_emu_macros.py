"""Macros: restrictions and the shared/personal split."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path("/work/shared/vendor-specs/zendesk/examples/macro-create-request.json")


def _macro(client, title, restriction=None):
    body = {"title": title, "actions": [{"field": "status", "value": "solved"}]}
    if restriction is not None:
        body["restriction"] = restriction
    return client.post("/api/v2/macros", json={"macro": body})


def test_vendor_example_creates_an_unrestricted_macro(client):
    response = client.post("/api/v2/macros", json=json.loads(EXAMPLE.read_text()))
    assert response.status_code == 200
    macro = response.json()["macro"]
    assert macro["restriction"] is None and macro["active"] is True


def test_title_and_actions_required(client):
    assert client.post("/api/v2/macros", json={"macro": {"title": "No actions"}}).status_code == 422
    assert client.post("/api/v2/macros", json={"macro": {"actions": [{"field": "status", "value": "open"}]}}).status_code == 422


def test_group_restriction_must_name_existing_groups(client):
    group_id = client.get("/api/v2/groups").json()["groups"][0]["id"]
    macro = _macro(client, "Team only", {"type": "Group", "ids": [group_id]}).json()["macro"]
    assert macro["restriction"]["ids"] == [group_id]
    assert _macro(client, "Ghost", {"type": "Group", "ids": [42]}).status_code == 422


def test_access_shared_hides_personal_macros(client):
    me = client.get("/api/v2/users/me").json()["user"]["id"]
    _macro(client, "Mine", {"type": "User", "id": me})
    _macro(client, "Everyone's")
    shared = [m["title"] for m in client.get("/api/v2/macros", params={"access": "shared"}).json()["macros"]]
    everything = [m["title"] for m in client.get("/api/v2/macros").json()["macros"]]
    assert "Mine" in everything and "Mine" not in shared and "Everyone's" in shared
    personal = [m["title"] for m in client.get("/api/v2/macros", params={"access": "personal"}).json()["macros"]]
    assert personal == ["Mine"]


def test_update_restriction_to_null_and_update_many(client):
    group_id = client.get("/api/v2/groups").json()["groups"][0]["id"]
    macro = _macro(client, "Team only", {"type": "Group", "ids": [group_id]}).json()["macro"]
    opened = client.put(f"/api/v2/macros/{macro['id']}", json={"macro": {"restriction": None}}).json()["macro"]
    assert opened["restriction"] is None
    response = client.put("/api/v2/macros/update_many", json={"macros": [{"id": macro["id"], "active": False}]})
    assert response.json()["macros"][0]["active"] is False
