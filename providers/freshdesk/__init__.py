"""Freshdesk (API v2): client, kinds, validators and emulator."""

from __future__ import annotations

from typing import Any

from providers.freshdesk.docs.profile import FreshdeskDocs
from providers.freshdesk.audit import AUDIT_PROFILE
from providers.freshdesk.client import CREDENTIAL_VARS, EMULATOR_ENV, connect
from providers.freshdesk.kinds import KINDS
from providers.freshdesk.scenarios import SCENARIOS
from providers.freshdesk.validators import VALIDATORS
from provisioner.provider import Provider


def make_emulator(state: dict[str, Any] | None = None, **options: Any) -> Any:
    """The Freshdesk emulator (imported on demand: planning a real account never loads it)."""
    from providers.freshdesk.emulator import FreshdeskEmulator

    return FreshdeskEmulator(state, **options)


DOCS_NOTES = """
Connect with `FRESHDESK_DOMAIN` (`acme` for https://acme.freshdesk.com) and `FRESHDESK_API_KEY`, an
administrator's API key (sent as the Basic-auth user name with `X` as the password);
`FRESHDESK_URL` points at any other base URL (the served emulator). Requests are paced from
`X-RateLimit-Total`/`X-RateLimit-Remaining` (a per-minute budget shared by the whole account) and a
429 waits for its `Retry-After`.

Everything is named, never numbered: groups by name, agents by email, fields by label (also inside
rule and skill conditions, where Freshdesk itself uses generated `cf_` names), folders and
categories by name. An agent named anywhere is checked against the account at plan time (a
missing person is a plan error, or the `fallback_user` of provisioner.yaml); agents are never
created or deleted, only their groups, skills and ticket scope are managed.

Where the API has no delete: a pruned SLA policy is deactivated (`active: false`) and the plan shows
`deactivate`; canned responses and their folders cannot be deleted at all, so a pruning plan warns
that they stay. Business hours and roles are read-only: declared ones are compared for drift (a
difference is a plan error, to fix in the admin UI or the YAML), and groups may name a calendar.

Rules of each automation type, SLA policies and skills are ordered: the YAML order is the
evaluation order, and a reorder moves only the objects that are out of place (Freshdesk has no bulk
reorder). Field positions are not managed.
"""

PROVIDER = Provider(
    name="freshdesk",
    kinds=KINDS,
    connect=connect,
    make_emulator=make_emulator,
    emulator_env=EMULATOR_ENV,
    scenarios=SCENARIOS,
    credential_vars=CREDENTIAL_VARS,
    validators=VALIDATORS,
    docs_notes=DOCS_NOTES,
    audit_profile=AUDIT_PROFILE,
    docs_profile=FreshdeskDocs(),
)
