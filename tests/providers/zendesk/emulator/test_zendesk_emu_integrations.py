"""Webhooks, app installations and legacy targets."""

from __future__ import annotations

from zendesk_emu_helpers import assert_matches_schema

WEBHOOKS = "/api/v2/webhooks"
TRIGGER_HOOK = {"name": "Slack relay", "endpoint": "https://hooks.example.com/zd", "http_method": "POST",
                "request_format": "json", "status": "active", "subscriptions": ["conditional_ticket_events"],
                "authentication": {"type": "bearer_token", "data": {"token": "s3cr3t-value"},
                                   "add_position": "header"}}


def _hook(client, **overrides):
    return client.post(WEBHOOKS, json={"webhook": {**TRIGGER_HOOK, **overrides}})


def test_webhook_credentials_are_never_returned(client):
    created = _hook(client)
    assert created.status_code == 201
    webhook = created.json()["webhook"]
    assert isinstance(webhook["id"], str) and len(webhook["id"]) == 26
    assert webhook["authentication"] == {"type": "bearer_token", "add_position": "header"}
    for response in (client.get(f"{WEBHOOKS}/{webhook['id']}"), client.get(WEBHOOKS)):
        assert "s3cr3t-value" not in response.text
    assert webhook["created_by"] == str(client.get("/api/v2/users/me").json()["user"]["id"])


def test_webhook_validation_uses_the_errors_envelope(client):
    response = _hook(client, endpoint="ftp://nope")
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["source"] == {"pointer": "/webhook/endpoint"}
    assert_matches_schema(response.json(), "Errors")
    assert _hook(client, subscriptions=["zen:event-type:user.created"], request_format="xml").status_code == 400
    missing = client.post(WEBHOOKS, json={"webhook": {"name": "x"}})
    assert missing.status_code == 400 and missing.json()["errors"][0]["code"] == "RequiredFieldMissing"
    assert client.get(f"{WEBHOOKS}/01ABC").json()["errors"][0]["code"] == "WebhookNotFound"


def test_patch_updates_and_connection_method_is_fixed(client):
    webhook = _hook(client).json()["webhook"]
    patched = client.patch(f"{WEBHOOKS}/{webhook['id']}", json={"webhook": {"status": "inactive"}})
    assert patched.status_code == 204
    shown = client.get(f"{WEBHOOKS}/{webhook['id']}").json()["webhook"]
    assert shown["status"] == "inactive" and shown["name"] == "Slack relay"
    assert shown["authentication"]["type"] == "bearer_token"
    switched = client.patch(f"{WEBHOOKS}/{webhook['id']}", json={"webhook": {
        "subscriptions": ["zen:event-type:user.created"]}})
    assert switched.status_code == 400
    assert client.get(f"{WEBHOOKS}/{webhook['id']}").json()["webhook"]["subscriptions"] == ["conditional_ticket_events"]


def test_put_replaces_and_needs_required_fields(client):
    webhook = _hook(client, description="old").json()["webhook"]
    incomplete = client.put(f"{WEBHOOKS}/{webhook['id']}", json={"webhook": {"name": "Only name"}})
    assert incomplete.status_code == 400
    full = {k: v for k, v in TRIGGER_HOOK.items() if k != "authentication"}
    assert client.put(f"{WEBHOOKS}/{webhook['id']}", json={"webhook": {**full, "name": "Renamed"}}).status_code == 204
    shown = client.get(f"{WEBHOOKS}/{webhook['id']}").json()["webhook"]
    assert shown["name"] == "Renamed" and shown["description"] == ""


def test_list_filters_and_cursor(client):
    _hook(client, name="Alpha")
    _hook(client, name="Beta", status="inactive")
    body = client.get(WEBHOOKS, params={"filter[name_contains]": "alp"}).json()
    assert [w["name"] for w in body["webhooks"]] == ["Alpha"] and "meta" in body
    assert [w["name"] for w in client.get(WEBHOOKS, params={"filter[status]": "inactive"}).json()["webhooks"]] == ["Beta"]


def test_webhook_used_by_a_trigger_cannot_be_deleted(client):
    webhook = _hook(client).json()["webhook"]
    trigger = client.post("/api/v2/triggers", json={"trigger": {
        "title": "Notify", "conditions": {"all": [{"field": "status", "operator": "is", "value": "new"}]},
        "actions": [{"field": "notification_webhook", "value": [webhook["id"], "{}"]}]}}).json()["trigger"]
    assert client.delete(f"{WEBHOOKS}/{webhook['id']}").status_code == 400
    client.delete(f"/api/v2/triggers/{trigger['id']}")
    assert client.delete(f"{WEBHOOKS}/{webhook['id']}").status_code == 204


def test_signing_secret_can_be_read_and_reset(client):
    webhook = _hook(client).json()["webhook"]
    first = client.get(f"{WEBHOOKS}/{webhook['id']}/signing_secret").json()["signing_secret"]["secret"]
    second = client.post(f"{WEBHOOKS}/{webhook['id']}/signing_secret").json()["signing_secret"]["secret"]
    assert first and second and first != second


def test_app_installations_are_unwrapped_and_hide_secure_settings(client):
    created = client.post("/api/v2/apps/installations", json={
        "app_id": "225", "settings": {"name": "Helpful App", "api_token": "tok", "use_ssl": True},
        "secure_settings": ["api_token"]})
    assert created.status_code == 201
    installation = created.json()
    assert installation["app_id"] == 225 and installation["settings"] == {"name": "Helpful App", "use_ssl": True}
    assert "tok" not in created.text
    updated = client.put(f"/api/v2/apps/installations/{installation['id']}", json={
        "settings": {"name": "Helpful App v2"}, "enabled": False}).json()
    assert updated["settings"]["name"] == "Helpful App v2" and updated["settings"]["use_ssl"] is True
    assert updated["enabled"] is False
    listing = client.get("/api/v2/apps/installations").json()
    assert [i["id"] for i in listing["installations"]] == [installation["id"]]
    assert client.post("/api/v2/apps/installations", json={"app_id": 1, "settings": {}}).status_code == 422
    assert client.delete(f"/api/v2/apps/installations/{installation['id']}").status_code == 204


def test_url_targets_are_refused_email_targets_work(client):
    refused = client.post("/api/v2/targets", json={"target": {
        "title": "Old hook", "type": "url_target", "target_url": "https://x.example.com", "attribute": "msg"}})
    assert refused.status_code == 422 and "webhook" in refused.json()["details"]["type"][0]["description"]
    created = client.post("/api/v2/targets", json={"target": {
        "title": "Ops mail", "type": "email_target", "email": "ops@acme.com", "subject": "Ticket"}})
    assert created.status_code == 201
    assert_matches_schema(created.json(), "TargetResponse")
    listing = client.get("/api/v2/targets").json()
    assert_matches_schema(listing, "TargetsResponse")
    assert [t["title"] for t in listing["targets"]] == ["Ops mail"]
