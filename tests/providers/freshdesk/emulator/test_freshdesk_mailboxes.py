"""Email mailboxes: Freshdesk-hosted and custom, default reply address, secrets."""

from __future__ import annotations

CUSTOM = {"incoming": {"mail_server": "imap.acme.com", "port": 993, "use_ssl": True, "user_name": "support",
                       "password": "s3cret", "authentication_type": "plain", "delete_from_server": False},
          "outgoing": {"mail_server": "smtp.acme.com", "port": 587, "use_ssl": True, "user_name": "support",
                       "password": "s3cret", "authentication_type": "plain"}}


def test_new_account_has_its_default_support_mailbox(client):
    mailboxes = client.get("/email/mailboxes").json()
    assert len(mailboxes) == 1
    assert mailboxes[0]["default_reply_email"] is True and mailboxes[0]["mailbox_type"] == "freshdesk_mailbox"


def test_freshdesk_mailbox_gets_a_forwarding_address_on_the_account_domain(client):
    group = client.post("/groups", json={"name": "Billing"}).json()
    created = client.post("/email/mailboxes", json={"name": "Billing", "support_email": "Billing@Acme.com",
                                                    "mailbox_type": "freshdesk_mailbox", "group_id": group["id"]})
    assert created.status_code == 201, created.text
    mailbox = created.json()
    assert mailbox["support_email"] == "billing@acme.com" and mailbox["group_id"] == group["id"]
    assert mailbox["freshdesk_mailbox"]["forward_email"].endswith("@example.freshdesk.com")


def test_custom_mailbox_needs_settings_and_never_returns_passwords(client, error_codes):
    missing = client.post("/email/mailboxes", json={"support_email": "help@acme.com", "mailbox_type": "custom_mailbox"})
    assert error_codes(missing) == {("custom_mailbox", "missing_field")}
    created = client.post("/email/mailboxes", json={"support_email": "help@acme.com", "mailbox_type": "custom_mailbox",
                                                    "custom_mailbox": CUSTOM})
    assert created.status_code == 201
    assert "s3cret" not in created.text
    assert created.json()["custom_mailbox"]["incoming"]["mail_server"] == "imap.acme.com"
    assert "s3cret" not in client.get(f"/email/mailboxes/{created.json()['id']}").text


def test_mailbox_validation(client, error_codes):
    assert error_codes(client.post("/email/mailboxes", json={})) == {
        ("support_email", "missing_field"), ("mailbox_type", "missing_field")}
    assert error_codes(client.post("/email/mailboxes", json={"support_email": "nope", "mailbox_type": "freshdesk_mailbox"})) == {
        ("support_email", "invalid_value")}
    assert error_codes(client.post("/email/mailboxes", json={"support_email": "a@b.com", "mailbox_type": "pigeon"})) == {
        ("mailbox_type", "invalid_value")}
    taken = client.get("/email/mailboxes").json()[0]["support_email"]
    duplicate = client.post("/email/mailboxes", json={"support_email": taken.upper(), "mailbox_type": "freshdesk_mailbox"})
    assert duplicate.status_code == 409 and error_codes(duplicate) == {("support_email", "duplicate_value")}


def test_only_one_mailbox_is_the_default_reply_address(client):
    original = client.get("/email/mailboxes").json()[0]
    new = client.post("/email/mailboxes", json={"support_email": "help@acme.com", "mailbox_type": "freshdesk_mailbox",
                                                "default_reply_email": True}).json()
    assert new["default_reply_email"] is True
    assert client.get(f"/email/mailboxes/{original['id']}").json()["default_reply_email"] is False


def test_update_is_partial_and_delete_removes(client):
    mailbox = client.post("/email/mailboxes", json={"name": "Help", "support_email": "help@acme.com",
                                                    "mailbox_type": "freshdesk_mailbox"}).json()
    renamed = client.put(f"/email/mailboxes/{mailbox['id']}", json={"name": "Helpdesk"}).json()
    assert renamed["name"] == "Helpdesk" and renamed["support_email"] == "help@acme.com"
    assert client.delete(f"/email/mailboxes/{mailbox['id']}").status_code == 204
    assert client.get(f"/email/mailboxes/{mailbox['id']}").status_code == 404
