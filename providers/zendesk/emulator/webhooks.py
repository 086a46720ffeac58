"""Webhooks (``/webhooks``, wrapper ``webhook``; ULID-like string ids).

Not in the vendored OAS; shapes follow Zendesk's Webhooks API reference. Quirks kept:

* errors use the ``{"errors": [{"code", "title", "detail", "source"}]}`` envelope;
* ``authentication`` is write-only: its ``data`` (credentials) is never returned, only
  ``type`` and ``add_position``;
* PATCH updates what is sent, PUT replaces the webhook (required attributes must be present);
* the connection method — event subscriptions (``zen:event-type:*``) versus trigger/automation
  use (``conditional_ticket_events``) — cannot change after creation, and event subscriptions
  need ``request_format: json``;
* the list is cursor-paginated and filterable by ``filter[name_contains]`` and
  ``filter[status]``;
* a webhook a trigger or automation still calls (``notification_webhook``) cannot be deleted.

The account's state (``dump()``, which the CLI saves to disk) never holds a credential: the
``authentication.data`` sent is kept only as a digest (enough to tell whether it was set or
changed), and the signing secret is derived on demand from a key that lives only in this
process and a per-webhook version that a reset bumps.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any
from urllib.parse import urlparse

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import ZendeskError, json_api_error
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import new_ulid, stamp_created, touch

BASE = "/api/v2/webhooks"
REQUIRED = ("name", "endpoint", "http_method", "request_format", "status", "subscriptions")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
FORMATS = ("json", "xml", "form_encoded")
STATUSES = ("active", "inactive")
AUTH_TYPES = ("basic_auth", "bearer_token", "api_key")
TRIGGER_SUBSCRIPTION = "conditional_ticket_events"
WRITABLE = ("name", "description", "endpoint", "http_method", "request_format", "status",
            "subscriptions", "custom_headers")


def _invalid(attribute: str, detail_text: str) -> ZendeskError:
    return json_api_error(400, "InvalidValue", "Invalid value", detail_text,
                          source={"pointer": f"/webhook/{attribute}"})


def _not_found() -> ZendeskError:
    return json_api_error(404, "WebhookNotFound", "Webhook not found")


def _uses_events(subscriptions: list[str]) -> bool:
    return any(s != TRIGGER_SUBSCRIPTION for s in subscriptions)


def _check(webhook: dict[str, Any]) -> None:
    for attribute in REQUIRED:
        if webhook.get(attribute) in (None, "", []):
            raise json_api_error(400, "RequiredFieldMissing", "Required field missing",
                                 f"{attribute} is required", source={"pointer": f"/webhook/{attribute}"})
    endpoint = urlparse(str(webhook["endpoint"]))
    if endpoint.scheme != "https" or not endpoint.netloc:
        raise _invalid("endpoint", "endpoint must be a valid https URL")
    if webhook["http_method"] not in METHODS:
        raise _invalid("http_method", f"http_method must be one of {', '.join(METHODS)}")
    if webhook["request_format"] not in FORMATS:
        raise _invalid("request_format", f"request_format must be one of {', '.join(FORMATS)}")
    if webhook["status"] not in STATUSES:
        raise _invalid("status", "status must be active or inactive")
    subscriptions = webhook["subscriptions"]
    if not isinstance(subscriptions, list) or not all(
            s == TRIGGER_SUBSCRIPTION or str(s).startswith("zen:event-type:") for s in subscriptions):
        raise _invalid("subscriptions", "subscriptions must be conditional_ticket_events or zen:event-type:* events")
    if TRIGGER_SUBSCRIPTION in subscriptions and _uses_events(subscriptions):
        raise _invalid("subscriptions", "a webhook connects to events or to triggers/automations, not both")
    if _uses_events(subscriptions) and webhook["request_format"] != "json":
        raise _invalid("request_format", "webhooks subscribed to events must use request_format json")


def _authentication(given: Any) -> dict[str, Any] | None:
    if given is None:
        return None
    if not isinstance(given, dict) or given.get("type") not in AUTH_TYPES:
        raise _invalid("authentication", f"authentication.type must be one of {', '.join(AUTH_TYPES)}")
    if not isinstance(given.get("data"), dict):
        raise _invalid("authentication", "authentication.data is required")
    return {"type": given["type"], "data_digest": credential_digest(given["data"]),
            "add_position": given.get("add_position", "header")}


def credential_digest(data: Any) -> str:
    """A one-way digest of credentials: equal for equal credentials, useless to an attacker."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def signing_secret(ctx: RequestContext, webhook: dict[str, Any]) -> str:
    """The webhook's signing secret, derived from this process's key (never stored)."""
    message = f"{webhook['id']}:{webhook.get('signing_secret_version', 1)}".encode()
    return hmac.new(ctx.emulator.process_key, message, hashlib.sha256).hexdigest()


def render(webhook: dict[str, Any]) -> dict[str, Any]:
    """The webhook as Zendesk shows it: credentials and the signing secret never leave."""
    shown = {k: v for k, v in webhook.items() if k not in {"authentication", "signing_secret_version"}}
    auth = webhook.get("authentication")
    if auth:
        shown["authentication"] = {"type": auth["type"], "add_position": auth["add_position"]}
    return shown


def _webhook(ctx: RequestContext, webhook_id: str) -> dict[str, Any]:
    webhook = ctx.store["webhooks"].get(webhook_id)
    if webhook is None:
        raise _not_found()
    return webhook


def _payload(ctx: RequestContext) -> dict[str, Any]:
    body = ctx.body()
    data = body.get("webhook") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise json_api_error(400, "RequiredFieldMissing", "Required field missing", "webhook is required")
    return data


def _me(ctx: RequestContext) -> str:
    return str(ctx.store.extra.get("me", ""))


def list_webhooks(ctx: RequestContext):
    webhooks = sorted(ctx.store["webhooks"].values(), key=lambda w: w["id"])
    name = (ctx.query("filter[name_contains]") or "").lower()
    if name:
        webhooks = [w for w in webhooks if name in w["name"].lower()]
    status = ctx.query("filter[status]")
    if status:
        webhooks = [w for w in webhooks if w["status"] == status]
    return respond_list(ctx, "webhooks", [render(w) for w in webhooks], mode="cursor")


def show_webhook(ctx: RequestContext, webhook_id: str):
    return json_response(200, {"webhook": render(_webhook(ctx, webhook_id))})


def create_webhook(ctx: RequestContext):
    clone_of = ctx.query("clone_webhook_id")
    if clone_of:
        source = _webhook(ctx, clone_of)
        data = {**{k: source[k] for k in WRITABLE if k in source}, "name": f"{source['name']} (copy)"}
    else:
        data = _payload(ctx)
    webhook = {k: data[k] for k in WRITABLE if k in data}
    webhook.setdefault("description", "")
    _check(webhook)
    # A clone keeps the source's credentials, which exist here only as their digest.
    webhook["authentication"] = (dict(source["authentication"]) if clone_of and source.get("authentication")
                                 else _authentication(data.get("authentication")))
    webhook.update({"id": new_ulid(ctx.store, "webhooks"), "created_by": _me(ctx), "updated_by": _me(ctx),
                    "signing_secret_version": 1})
    ctx.store["webhooks"].put(stamp_created(webhook))
    return json_response(201, {"webhook": render(webhook)})


def _update(ctx: RequestContext, webhook_id: str, replace: bool):
    webhook = _webhook(ctx, webhook_id)
    data = _payload(ctx)
    draft = {k: v for k, v in webhook.items() if not (replace and k in WRITABLE)}
    draft.update({k: data[k] for k in WRITABLE if k in data})
    if replace:
        draft.setdefault("description", "")
    _check(draft)
    if _uses_events(draft["subscriptions"]) != _uses_events(webhook["subscriptions"]):
        raise _invalid("subscriptions", "the connection method of a webhook cannot be changed after creation")
    if "authentication" in data:
        draft["authentication"] = _authentication(data["authentication"])
    draft["updated_by"] = _me(ctx)
    webhook.clear()
    webhook.update(draft)
    touch(webhook)
    return json_response(204)


def patch_webhook(ctx: RequestContext, webhook_id: str):
    return _update(ctx, webhook_id, replace=False)


def put_webhook(ctx: RequestContext, webhook_id: str):
    return _update(ctx, webhook_id, replace=True)


def _referenced(ctx: RequestContext, webhook_id: str) -> bool:
    for collection in ("triggers", "automations"):
        for rule in ctx.store[collection].values():
            for action in rule.get("actions", []):
                value = action.get("value")
                if action.get("field") == "notification_webhook" and isinstance(value, list) and value[:1] == [webhook_id]:
                    return True
    return False


def delete_webhook(ctx: RequestContext, webhook_id: str):
    webhook = _webhook(ctx, webhook_id)
    if _referenced(ctx, webhook["id"]):
        raise json_api_error(400, "WebhookInUse", "Webhook is in use",
                             "Remove this webhook from triggers and automations before deleting it")
    ctx.store["webhooks"].remove(webhook["id"])
    return json_response(204)


def show_secret(ctx: RequestContext, webhook_id: str):
    webhook = _webhook(ctx, webhook_id)
    return json_response(200, {"signing_secret": {"algorithm": "SHA256", "secret": signing_secret(ctx, webhook)}})


def reset_secret(ctx: RequestContext, webhook_id: str):
    webhook = _webhook(ctx, webhook_id)
    webhook["signing_secret_version"] = webhook.get("signing_secret_version", 1) + 1
    return json_response(200, {"signing_secret": {"algorithm": "SHA256", "secret": signing_secret(ctx, webhook)}})


def register(router: Router) -> None:
    router.add("GET", BASE, list_webhooks)
    router.add("POST", BASE, create_webhook)
    router.add("GET", f"{BASE}/{{webhook_id}}", show_webhook)
    router.add("PATCH", f"{BASE}/{{webhook_id}}", patch_webhook)
    router.add("PUT", f"{BASE}/{{webhook_id}}", put_webhook)
    router.add("DELETE", f"{BASE}/{{webhook_id}}", delete_webhook)
    router.add("GET", f"{BASE}/{{webhook_id}}/signing_secret", show_secret)
    router.add("POST", f"{BASE}/{{webhook_id}}/signing_secret", reset_secret)
