"""The emulated account's saved state never holds a credential: the CLI writes ``dump()`` to
disk (.provisioner/emulator/zendesk.json), and the tool must not write secrets anywhere."""

from __future__ import annotations

import json

from zendesk_emu_helpers import client_for

from providers.zendesk.emulator import ZendeskEmulator

WEBHOOK = {"name": "Pager", "endpoint": "https://hooks.example.com/page", "http_method": "POST",
           "request_format": "json", "status": "active", "subscriptions": ["conditional_ticket_events"],
           "authentication": {"type": "bearer_token", "data": {"token": "tok-SECRET-1"}, "add_position": "header"}}


def _webhook_record(emu: ZendeskEmulator) -> dict:
    return next(iter(emu.dump()["collections"]["webhooks"]["items"].values()))


def test_webhook_credentials_and_signing_secret_are_not_in_the_saved_state(emu, client) -> None:
    webhook = client.post("/api/v2/webhooks", json={"webhook": WEBHOOK}).json()["webhook"]
    secret = client.get(f"/api/v2/webhooks/{webhook['id']}/signing_secret").json()["signing_secret"]["secret"]
    saved = json.dumps(emu.dump())
    assert "tok-SECRET-1" not in saved and secret not in saved
    first = _webhook_record(emu)["authentication"]["data_digest"]

    # The digest still tells "changed" from "unchanged", which is all a fidelity check needs.
    rotated = {"authentication": {**WEBHOOK["authentication"], "data": {"token": "tok-SECRET-2"}}}
    assert client.patch(f"/api/v2/webhooks/{webhook['id']}", json={"webhook": rotated}).status_code == 204
    second = _webhook_record(emu)["authentication"]["data_digest"]
    assert first != second and "tok-SECRET-2" not in json.dumps(emu.dump())

    # The signing secret is stable within a process, changes on reset, and still is never saved.
    again = client.get(f"/api/v2/webhooks/{webhook['id']}/signing_secret").json()["signing_secret"]["secret"]
    reset = client.post(f"/api/v2/webhooks/{webhook['id']}/signing_secret").json()["signing_secret"]["secret"]
    assert again == secret and reset != secret and reset not in json.dumps(emu.dump())


def test_a_reloaded_account_keeps_working_without_the_secrets(emu, client) -> None:
    webhook = client.post("/api/v2/webhooks", json={"webhook": WEBHOOK}).json()["webhook"]
    clone = client.post("/api/v2/webhooks", params={"clone_webhook_id": webhook["id"]})
    assert clone.status_code == 201 and clone.json()["webhook"]["authentication"]["type"] == "bearer_token"
    reloaded = ZendeskEmulator(json.loads(json.dumps(emu.dump())))
    with client_for(reloaded) as again:
        shown = again.get(f"/api/v2/webhooks/{webhook['id']}").json()["webhook"]
        assert shown["authentication"] == {"type": "bearer_token", "add_position": "header"}
        assert again.get(f"/api/v2/webhooks/{webhook['id']}/signing_secret").status_code == 200


def test_secure_app_settings_are_kept_only_as_a_digest(emu, client) -> None:
    created = client.post("/api/v2/apps/installations", json={
        "app_id": 501, "settings": {"name": "CRM", "subdomain": "acme", "api_token": "crm-SECRET"},
        "secure_settings": ["api_token"]})
    assert created.status_code == 201
    installation = created.json()
    assert installation["settings"] == {"name": "CRM", "subdomain": "acme"}
    client.put(f"/api/v2/apps/installations/{installation['id']}", json={"settings": {"api_token": "crm-SECRET-2"}})
    saved = json.dumps(emu.dump())
    assert "crm-SECRET" not in saved and "sha256:" in saved
