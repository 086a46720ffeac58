"""Custom ticket statuses and ticket form statuses."""

from __future__ import annotations

from zendesk_emu_helpers import assert_matches_schema

EXAMPLE = {"custom_status": {"active": True, "agent_label": "Responding quickly",
                             "description": "Customer needs a response quickly",
                             "end_user_description": "Your ticket is being responded to",
                             "end_user_label": "Urgent processing", "status_category": "open"}}


def test_fresh_account_has_one_default_per_category(client):
    body = client.get("/api/v2/custom_statuses").json()
    assert_matches_schema(body, "CustomStatusesResponse")
    defaults = [(s["status_category"], s["agent_label"]) for s in body["custom_statuses"] if s["default"]]
    assert defaults == [("new", "New"), ("open", "Open"), ("pending", "Pending"), ("hold", "On-hold"),
                        ("solved", "Solved")]


def test_vendor_example_creates_a_status(client):
    response = client.post("/api/v2/custom_statuses", json=EXAMPLE)
    assert response.status_code == 201
    assert_matches_schema(response.json(), "CustomStatusResponse")
    status = response.json()["custom_status"]
    assert status["raw_agent_label"] == "Responding quickly" and status["default"] is False
    listed = client.get("/api/v2/custom_statuses", params={"status_categories": "open"}).json()["custom_statuses"]
    assert [s["agent_label"] for s in listed] == ["Open", "Responding quickly"]


def test_validation_rules(client):
    too_long = {"custom_status": {"status_category": "open", "agent_label": "x" * 49}}
    assert client.post("/api/v2/custom_statuses", json=too_long).status_code == 422
    assert client.post("/api/v2/custom_statuses", json={"custom_status": {"agent_label": "x"}}).status_code == 422
    bad_category = {"custom_status": {"status_category": "closed", "agent_label": "x"}}
    assert client.post("/api/v2/custom_statuses", json=bad_category).status_code == 422
    status = client.post("/api/v2/custom_statuses", json=EXAMPLE).json()["custom_status"]
    moved = client.put(f"/api/v2/custom_statuses/{status['id']}", json={"custom_status": {"status_category": "pending"}})
    assert moved.status_code == 422
    renamed = client.put(f"/api/v2/custom_statuses/{status['id']}", json={"custom_status": {"agent_label": "Fast"}})
    assert renamed.json()["custom_status"]["agent_label"] == "Fast"
    assert_matches_schema(renamed.json(), "CustomStatusResponse")


def test_defaults_cannot_be_deactivated_or_deleted_and_can_be_moved(client):
    open_default = next(s for s in client.get("/api/v2/custom_statuses").json()["custom_statuses"]
                        if s["status_category"] == "open")
    assert client.put(f"/api/v2/custom_statuses/{open_default['id']}",
                      json={"custom_status": {"active": False}}).status_code == 422
    assert client.delete(f"/api/v2/custom_statuses/{open_default['id']}").status_code == 422
    mine = client.post("/api/v2/custom_statuses", json=EXAMPLE).json()["custom_status"]
    assert client.put("/api/v2/custom_status/default", json={"ids": str(mine["id"])}).status_code == 200
    opens = {s["agent_label"]: s["default"] for s in client.get(
        "/api/v2/custom_statuses", params={"status_categories": "open"}).json()["custom_statuses"]}
    assert opens == {"Open": False, "Responding quickly": True}
    assert client.delete(f"/api/v2/custom_statuses/{open_default['id']}").status_code == 204


def test_ticket_form_statuses_bulk_lifecycle(client):
    form_id = client.get("/api/v2/ticket_forms").json()["ticket_forms"][0]["id"]
    statuses = [s["id"] for s in client.get("/api/v2/custom_statuses").json()["custom_statuses"]]
    base = f"/api/v2/ticket_forms/{form_id}/ticket_form_statuses"
    created = client.post(base, json={"ticket_form_status": [{"custom_status_id": statuses[0]},
                                                             {"custom_status_id": statuses[1]}]})
    assert created.status_code == 200
    assert_matches_schema(created.json(), "TicketFormStatusesResponse")
    links = created.json()["ticket_form_statuses"]
    assert all(isinstance(link["id"], str) and len(link["id"]) == 26 for link in links)
    assert client.post(base, json={"ticket_form_status": [{"custom_status_id": statuses[0]}]}).status_code == 422
    assert client.post(base, json={"ticket_form_status": [{"custom_status_id": 1}]}).status_code == 422
    edited = client.put(base, json={"ticket_form_status": [{"id": links[0]["id"], "_destroy": "1"},
                                                           {"custom_status_id": statuses[2]}]})
    assert sorted(link["custom_status_id"] for link in edited.json()["ticket_form_statuses"]) == statuses[1:3]
    remaining = [link["id"] for link in edited.json()["ticket_form_statuses"]]
    assert client.delete(base, params=None, headers={"content-type": "application/json"}).status_code == 422
    deleted = client.request("DELETE", base, json={"id": remaining})
    assert deleted.status_code == 204
    assert client.get(base).json()["ticket_form_statuses"] == []
    everything = client.get("/api/v2/ticket_form_statuses").json()
    assert_matches_schema(everything, "TicketFormStatusesResponse")
