"""Email mailboxes: ``/api/v2/email/mailboxes`` (list, view, create, update, delete).

The newer mailbox API is the writable successor of the read-only ``email_configs``
(research note 1.5). A mailbox is either a Freshdesk-hosted ``freshdesk_mailbox`` (the server
assigns its ``freshdesk_mailbox.forward_email`` on the account's domain) or a ``custom_mailbox``
reached over IMAP/SMTP, which needs a ``custom_mailbox`` block. ``support_email`` is mandatory,
a valid address and unique. Only one mailbox is the ``default_reply_email``: marking another
one moves the flag. Mail server passwords are accepted but never stored or returned.
"""

from __future__ import annotations

import re
from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import duplicate, field_error, validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import by_id, find, new_id, public, require_ids, stamp
from providers.freshdesk.emulator.validation import Rule, check_body, missing

MAILBOX_TYPES = ("freshdesk_mailbox", "custom_mailbox")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SECRET_KEYS = {"password", "access_token", "refresh_token"}
RULES = {
    "name": Rule("string"),
    "support_email": Rule("string", required=True),
    "mailbox_type": Rule("string", required=True, choices=MAILBOX_TYPES),
    "group_id": Rule("integer", nullable=True),
    "product_id": Rule("integer", nullable=True),
    "default_reply_email": Rule("boolean"),
    "active": Rule("boolean"),
    "custom_mailbox": Rule("object"),
    "csat_settings": Rule("object"),
}


def forward_address(email: str, domain: str) -> str:
    return f"{re.sub(r'[^a-z0-9]', '', email.lower())}@{domain}.freshdesk.com"


def without_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_secrets(v) for k, v in value.items() if k not in SECRET_KEYS}
    if isinstance(value, list):
        return [without_secrets(v) for v in value]
    return value


def _validate(ctx: RequestContext, body: dict[str, Any], mailbox: dict[str, Any] | None) -> None:
    errors = check_body(body, RULES, creating=mailbox is None)
    email = body.get("support_email")
    if isinstance(email, str) and not EMAIL_PATTERN.match(email):
        errors.append(field_error("support_email", "It should be in the 'valid email address' format", "invalid_value"))
    kind = body.get("mailbox_type", (mailbox or {}).get("mailbox_type"))
    if not errors and kind == "custom_mailbox" and "custom_mailbox" not in body and not (mailbox or {}).get("custom_mailbox"):
        errors.append(missing("custom_mailbox", "object"))
    if not errors and kind == "freshdesk_mailbox" and "custom_mailbox" in body:
        errors.append(field_error("custom_mailbox", "custom_mailbox is allowed only for a custom_mailbox",
                                  "invalid_value"))
    if errors:
        raise validation_failed(errors)
    if isinstance(email, str):
        taken = any(m["support_email"] == email.lower() and m["id"] != (mailbox or {}).get("id")
                    for m in ctx.store["mailboxes"].values())
        if taken:
            raise duplicate("support_email")
    if body.get("group_id") is not None:
        require_ids(ctx.store, "groups", "group_id", [body["group_id"]])


def _apply(ctx: RequestContext, mailbox: dict[str, Any], body: dict[str, Any]) -> None:
    for key, value in body.items():
        if key == "support_email":
            mailbox[key] = value.lower()
        elif key == "custom_mailbox":
            mailbox[key] = without_secrets(value)
        else:
            mailbox[key] = value
    if mailbox["mailbox_type"] == "freshdesk_mailbox":
        mailbox.pop("custom_mailbox", None)
        mailbox["freshdesk_mailbox"] = {"forward_email": forward_address(mailbox["support_email"], ctx.emulator.domain)}
    else:
        mailbox.pop("freshdesk_mailbox", None)
    if body.get("default_reply_email"):
        for other in ctx.store["mailboxes"].values():
            if other is not mailbox:
                other["default_reply_email"] = False


def list_mailboxes(ctx: RequestContext):
    return paged(ctx, [public(m) for m in by_id(ctx.store["mailboxes"].values())])


def view_mailbox(ctx: RequestContext, mailbox_id: str):
    return ok(public(find(ctx.store, "mailboxes", parse_id(mailbox_id))))


def create_mailbox(ctx: RequestContext):
    body = ctx.body()
    _validate(ctx, body, None)
    mailbox = {"id": new_id(ctx.store, "mailboxes"), "name": body.get("name") or body["support_email"],
               "support_email": "", "group_id": None, "product_id": None, "default_reply_email": False,
               "active": True, "mailbox_type": body["mailbox_type"], "failure_code": None}
    ctx.store["mailboxes"].put(stamp(mailbox, created=True))
    _apply(ctx, mailbox, body)
    return created(public(mailbox))


def update_mailbox(ctx: RequestContext, mailbox_id: str):
    mailbox = find(ctx.store, "mailboxes", parse_id(mailbox_id))
    body = ctx.body()
    _validate(ctx, body, mailbox)
    _apply(ctx, mailbox, body)
    stamp(mailbox)
    return ok(public(mailbox))


def delete_mailbox(ctx: RequestContext, mailbox_id: str):
    mailbox = find(ctx.store, "mailboxes", parse_id(mailbox_id))
    ctx.store["mailboxes"].remove(mailbox["id"])
    return no_content()


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/email/mailboxes", list_mailboxes)
    router.add("POST", "/api/v2/email/mailboxes", create_mailbox)
    router.add("GET", "/api/v2/email/mailboxes/{mailbox_id}", view_mailbox)
    router.add("PUT", "/api/v2/email/mailboxes/{mailbox_id}", update_mailbox)
    router.add("DELETE", "/api/v2/email/mailboxes/{mailbox_id}", delete_mailbox)
