"""Zendesk Support and Help Center: client, kinds, validators and emulator."""

from __future__ import annotations

from typing import Any

from providers.zendesk.docs.profile import ZendeskDocs
from providers.zendesk.audit import AUDIT_PROFILE
from providers.zendesk.client import CREDENTIAL_VARS, EMULATOR_ENV, connect
from providers.zendesk.kinds import KINDS
from providers.zendesk.scenarios import SCENARIOS
from providers.zendesk.validators import VALIDATORS
from provisioner.provider import Provider


DOCS_NOTES = """\
Connect with `ZENDESK_SUBDOMAIN` (or `ZENDESK_URL` for any other base URL, such as the served
emulator) and `ZENDESK_OAUTH_TOKEN`, or `ZENDESK_EMAIL` with `ZENDESK_API_TOKEN` (Zendesk retires
API tokens during 2026-27). Most configuration writes need an admin.

Order is its own change, shown as one `↕` line and applied through Zendesk's reorder endpoints:
ticket fields, ticket forms, user and organization fields, triggers, trigger categories,
automations, views, SLA and group SLA policies. Once an account has more than one trigger
category Zendesk refuses `/triggers/reorder` (`LimitOneCategory`), so trigger order then goes
through the trigger categories' batch job; list each category's triggers together.

Immutable fields (a field's `type`, a user or organization field's `key`, a custom status's
category, a webhook's connection method, an app installation's app, a Help Center object's
source locale) are refused by default; `--allow-replace KIND` deletes and recreates the object
(`-/+` in the plan), which destroys what was stored in it.

Credentials are never written in YAML: webhook `authentication.data` and app `secure_settings`
take `${env:NAME}` references, are sent when the object is created, and are never shown, saved
in a plan, compared or reported as drift (Zendesk never returns them).

Agents, legacy targets, Guide permission groups and user segments are read-only: other objects
name them (agents by email, checked against the account when planning). Help Center objects are
those of the brand whose host the tool connects to; manage another brand's Help Center with a
desired state and environment pointing at that brand's host. The answer bot has no public API.
"""


def make_emulator(state: dict[str, Any] | None = None, **options: Any) -> Any:
    """The Zendesk emulator (imported on demand: planning a real account never loads it)."""
    from providers.zendesk.emulator import ZendeskEmulator

    return ZendeskEmulator(state, **options)


PROVIDER = Provider(
    name="zendesk",
    kinds=KINDS,
    connect=connect,
    make_emulator=make_emulator,
    emulator_env=EMULATOR_ENV,
    credential_vars=CREDENTIAL_VARS,
    validators=VALIDATORS,
    docs_notes=DOCS_NOTES,
    audit_profile=AUDIT_PROFILE,
    docs_profile=ZendeskDocs(),
    scenarios=SCENARIOS,
)
