"""Intercom (REST API 2.16): client, kinds, validators and emulator.

Intercom exposes less configuration than Zendesk; what it does expose is managed, and the rest
is declared with the reason (``provisioner kinds --provider intercom``). Where the API archives
instead of deleting, the plan says "archive".
"""

from __future__ import annotations

from typing import Any

from providers.intercom.docs.profile import IntercomDocs
from providers.intercom.audit import AUDIT_PROFILE
from providers.intercom.client import CREDENTIAL_VARS, EMULATOR_ENV, connect
from providers.intercom.kinds import KINDS
from providers.intercom.scenarios import SCENARIOS
from providers.intercom.validators import VALIDATORS
from provisioner.provider import Provider

DOCS_NOTES = """\
Connect with `INTERCOM_ACCESS_TOKEN` (a private app's access token) and, outside the US region,
`INTERCOM_REGION=eu` or `au`; `INTERCOM_URL` points at any other base URL (the served emulator).
Every request pins `Intercom-Version: 2.16`.

Where Intercom cannot delete, a pruned object is archived, and the plan shows `archive` rather
than `delete`: data attributes, ticket types (and their attributes), conversation attributes
(and their options). Archived data attributes and ticket types are restored when the YAML names
them again; an archived conversation attribute cannot be restored, so a new one is created.

Teams, teammates (admins), newsfeeds and macros are read-only: declared ones are compared for
drift, and other objects refer to them by name (teammates by email). Undeclared ones would be
reported as unmanaged; `ignore: [{key: "*"}]` on the kind leaves them alone (the example does
so for teammates and macros). Workflows, SLA rules and roles cannot be managed through the API
at all.

Intercom has no reorder endpoints: nothing here is ordered, and lists whose order Intercom does
not keep (labels, options, a ticket type's attributes) are compared as sets.
"""


def make_emulator(state: dict[str, Any] | None = None, **options: Any) -> Any:
    """The Intercom emulator (imported on demand: planning a real workspace never loads it)."""
    from providers.intercom.emulator import IntercomEmulator

    return IntercomEmulator(state, **options)


PROVIDER = Provider(
    name="intercom",
    kinds=KINDS,
    connect=connect,
    make_emulator=make_emulator,
    emulator_env=EMULATOR_ENV,
    scenarios=SCENARIOS,
    credential_vars=CREDENTIAL_VARS,
    validators=VALIDATORS,
    docs_notes=DOCS_NOTES,
    audit_profile=AUDIT_PROFILE,
    docs_profile=IntercomDocs(),
)
