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
    audit_profile=AUDIT_PROFILE,
    docs_profile=ZendeskDocs(),
    scenarios=SCENARIOS,
)
