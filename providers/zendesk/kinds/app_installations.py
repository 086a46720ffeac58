"""App installations (Block 7): marketplace and private apps installed in the agent workspace.

+ name: natural key, the installation's title (Zendesk keeps it as ``settings.name``).
+ app_id: the app (marketplace ids are the same in every account). Immutable: another app is
  another installation.
+ settings: the app's own settings (``{subdomain: acme, sync_tickets: true}``) as its manifest
  defines them; only the settings written here are compared.
+ secure_settings: settings the app marks secure (API tokens). Zendesk never returns them, so
  each value must be an environment reference (``${env:CRM_TOKEN}``); they are sent when the app
  is installed and never shown, saved in a plan, compared or reported as drift.
+ enabled, role_restrictions (custom role names), group_restrictions (group names).
Requests and answers of this API are not wrapped in an envelope.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import field_validator

from providers.zendesk.kinds._rules import Strict, refuse
from provisioner.kind import Doc, Kind
from provisioner.references import Ref

ENV_REFERENCE = re.compile(r"^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$")


class AppInstallation(Strict):
    name: str
    app_id: int
    settings: dict[str, Any] | None = None
    secure_settings: dict[str, str] | None = None
    enabled: bool | None = None
    role_restrictions: list[str] | None = None
    group_restrictions: list[str] | None = None

    @field_validator("secure_settings")
    @classmethod
    def _from_environment(cls, secure: dict[str, str] | None) -> dict[str, str] | None:
        for name, value in (secure or {}).items():
            if not ENV_REFERENCE.match(str(value)):
                raise refuse(f"{name}: secure settings come from the environment; write ${{env:NAME}}, never the secret")
        return secure

    @field_validator("settings")
    @classmethod
    def _no_name(cls, settings: dict[str, Any] | None) -> dict[str, Any] | None:
        if settings and "name" in settings:
            raise refuse("write the installation's name as 'name', not under settings")
        return settings


def normalize(doc: Doc) -> Doc:
    settings = dict(doc.get("settings") or {})
    doc["name"] = settings.pop("name", None)
    doc["settings"] = settings
    for name in ("settings_objects", "product", "paid", "recurring_payment", "collapsible", "plan",
                 "has_unpaid_subscription", "has_incomplete_subscription"):
        doc.pop(name, None)
    return doc


def to_payload(doc: Doc) -> Doc:
    """The API's shape: the name and the secure values inside ``settings``."""
    body = {k: v for k, v in doc.items() if k not in {"name", "settings", "secure_settings"}}
    settings: dict[str, Any] = dict(doc.get("settings") or {})
    if "name" in doc:
        settings["name"] = doc["name"]
    secure = doc.get("secure_settings") or {}
    settings.update(secure)
    if secure:
        body["secure_settings"] = sorted(secure)
    if settings:
        body["settings"] = settings
    return body


APP_INSTALLATIONS = Kind(
    name="app_installations", block=7, natural_key="name", path="/api/v2/apps/installations",
    envelope=None, list_key="installations", immutable=frozenset({"app_id"}),
    secret_fields=frozenset({"secure_settings"}),
    references=(Ref("group_restrictions", "groups"), Ref("role_restrictions", "custom_roles")),
    unordered=frozenset({"role_restrictions", "group_restrictions"}),
    model=AppInstallation, normalize=normalize, to_payload=to_payload, defaults={"enabled": True},
    api={"paging": "none"},
    summary="Installed apps (CRM, chat, issue tracker connectors) and their settings.",
    example=("app_installations:\n  - name: Jira\n    app_id: 69217\n    settings: {jira_url: 'https://acme.atlassian.net'}\n"
             "    secure_settings: {api_token: '${env:JIRA_TOKEN}'}\n"),
)
