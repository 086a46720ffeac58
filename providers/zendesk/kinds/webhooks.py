"""Webhooks (Block 7): HTTPS endpoints that triggers, automations or Zendesk events call.

+ name: natural key; triggers and automations name a webhook by it in
  ``{field: notification_webhook, value: [<webhook name>, <JSON body>]}``.
+ endpoint (https), http_method (POST), request_format (json), status (active), description,
  custom_headers.
+ subscriptions: ``[conditional_ticket_events]`` (the default) for a webhook triggers and
  automations call, or ``zen:event-type:...`` events. The connection method (rules or events)
  cannot change after creation: changing it is refused, or with ``--allow-replace webhooks``
  the webhook is deleted and created again (``connection_method`` shows which one it is).
+ authentication: ``{type: bearer_token|basic_auth|api_key, data: {...}, add_position: header}``.
  Zendesk never returns credentials, so every value in ``data`` must be an environment
  reference (``token: ${env:PAGER_TOKEN}``): it is sent when the webhook is created and is
  never shown, saved in a plan, compared or reported as drift. To rotate a credential, update
  it in Admin Center or recreate the webhook.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import field_validator, model_validator

from providers.zendesk.kinds._rules import Strict, refuse
from provisioner.kind import Doc, Kind

FOR_RULES = "conditional_ticket_events"
ENV_REFERENCE = re.compile(r"^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$")


def connection_method(subscriptions: list[str]) -> str:
    return "events" if any(s != FOR_RULES for s in subscriptions) else "triggers_and_automations"


class Authentication(Strict):
    type: Literal["bearer_token", "basic_auth", "api_key"]
    data: dict[str, str]
    add_position: Literal["header"] | None = None

    @field_validator("data")
    @classmethod
    def _from_environment(cls, data: dict[str, str]) -> dict[str, str]:
        for name, value in data.items():
            if not ENV_REFERENCE.match(str(value)):
                raise refuse(f"{name}: credentials come from the environment; write ${{env:NAME}}, never the secret")
        return data


class Webhook(Strict):
    name: str
    description: str | None = None
    endpoint: str
    http_method: Literal["GET", "POST", "PUT", "PATCH", "DELETE"] | None = None
    request_format: Literal["json", "xml", "form_encoded"] | None = None
    status: Literal["active", "inactive"] | None = None
    subscriptions: list[str] | None = None
    connection_method: Literal["triggers_and_automations", "events"] | None = None
    custom_headers: dict[str, str] | None = None
    authentication: Authentication | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        """What a webhook for triggers usually is, written out so that it is sent and compared."""
        if not isinstance(data, dict):
            return data
        data = {"http_method": "POST", "request_format": "json", "status": "active",
                "subscriptions": [FOR_RULES], **data}
        method = connection_method(data["subscriptions"]) if isinstance(data["subscriptions"], list) else None
        if data.get("connection_method") not in (None, method):
            raise refuse(f"connection_method is {method} for these subscriptions")
        return {**data, "connection_method": method}

    @field_validator("endpoint")
    @classmethod
    def _https(cls, endpoint: str) -> str:
        if not endpoint.startswith("https://"):
            raise refuse("the endpoint must be an https:// URL")
        return endpoint

    @model_validator(mode="after")
    def _one_method(self) -> "Webhook":
        if FOR_RULES in (self.subscriptions or []) and self.connection_method == "events":
            raise refuse(f"a webhook serves rules ({FOR_RULES}) or events, not both")
        if self.connection_method == "events" and self.request_format != "json":
            raise refuse("a webhook subscribed to events must use request_format json")
        return self


def normalize(doc: Doc) -> Doc:
    doc["connection_method"] = connection_method(doc.get("subscriptions") or [])
    return doc


def to_payload(doc: Doc) -> Doc:
    return {k: v for k, v in doc.items() if k != "connection_method"}


WEBHOOKS = Kind(
    name="webhooks", block=7, natural_key="name", path="/api/v2/webhooks", envelope="webhook", list_key="webhooks",
    server_owned=frozenset({"id", "url", "created_at", "updated_at", "created_by", "updated_by", "signing_secret"}),
    immutable=frozenset({"connection_method"}), secret_fields=frozenset({"authentication"}),
    model=Webhook, normalize=normalize, to_payload=to_payload,
    api={"update_method": "PATCH"},
    summary="Webhooks that rules or events call; credentials from the environment, never shown.",
    example=("webhooks:\n  - name: Escalations to PagerDuty\n    endpoint: https://events.example.com/zendesk\n"
             "    authentication:\n      type: bearer_token\n      data: {token: '${env:PAGER_TOKEN}'}\n"
             "      add_position: header\n"),
)
