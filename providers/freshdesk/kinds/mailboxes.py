"""Email mailboxes (Block 3): the support addresses tickets arrive at.

+ support_email: natural key (compared in lower case, as Freshdesk stores it).
+ name; mailbox_type: freshdesk_mailbox (mail forwarded to Freshdesk) or custom_mailbox (your
  own IMAP/SMTP server, described in ``custom_mailbox``).
+ group_id: the group new tickets go to, by name. + default_reply_email, active.
+ incoming_password / outgoing_password: a custom mailbox's mail server passwords, written as
  ``${env:NAME}``. The API never returns them, so they are never compared or shown; they are
  sent when the mailbox is created.
The account's own ``support@<domain>.freshdesk.com`` mailbox exists in every account and is
never deleted.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import field_validator

from providers.freshdesk.kinds._common import Strict, pick
from provisioner.kind import Kind
from provisioner.references import Ref

PASSWORDS = {"incoming_password": "incoming", "outgoing_password": "outgoing"}


class Mailbox(Strict):
    support_email: str
    name: str | None = None
    mailbox_type: Literal["freshdesk_mailbox", "custom_mailbox"]
    group_id: str | None = None
    default_reply_email: bool | None = None
    active: bool | None = None
    custom_mailbox: dict[str, Any] | None = None
    incoming_password: str | None = None
    outgoing_password: str | None = None

    @field_validator("support_email")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.strip().lower()


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    doc = pick(doc, ("support_email", "name", "mailbox_type", "group_id", "default_reply_email", "active",
                     "custom_mailbox"))
    if doc.get("support_email"):
        doc["support_email"] = str(doc["support_email"]).lower()
    return doc


def to_payload(doc: dict[str, Any]) -> dict[str, Any]:
    """Passwords travel inside ``custom_mailbox.incoming``/``outgoing``, the API's place for them."""
    doc = dict(doc)
    for field, side in PASSWORDS.items():
        password = doc.pop(field, None)
        if password is None:
            continue
        server = dict(doc.get("custom_mailbox") or {})
        server[side] = {**(server.get(side) or {}), "password": password}
        doc["custom_mailbox"] = server
    return doc


MAILBOXES = Kind(
    name="mailboxes", block=3, natural_key="support_email", path="/api/v2/email/mailboxes",
    server_owned=frozenset({"id", "created_at", "updated_at", "freshdesk_mailbox", "failure_code", "product_id"}),
    secret_fields=frozenset(PASSWORDS), references=(Ref("group_id", "groups"),),
    model=Mailbox, normalize=normalize, to_payload=to_payload,
    is_system=lambda raw: str(raw.get("support_email", "")).endswith(".freshdesk.com"),
    summary="Support email addresses and the groups their tickets go to.",
    example=("mailboxes:\n  - support_email: billing@example.com\n    name: Billing\n"
             "    mailbox_type: freshdesk_mailbox\n    group_id: Billing\n"),
)
