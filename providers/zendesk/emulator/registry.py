"""Every resource module of the emulator, registered in one place.

Order matters only where a literal path and a ``{param}`` path overlap inside one module, and
each module registers its literal paths first.
"""

from __future__ import annotations

from providers.common.emulation import Router
from providers.zendesk.emulator import (
    account, automations, groups, macros, sla_policies, ticket_field_options, ticket_fields,
    ticket_forms, triggers, users, views,
)

MODULES = (
    account, users, groups, ticket_fields, ticket_field_options, ticket_forms, triggers,
    automations, macros, views, sla_policies,
)


def register_all(router: Router) -> None:
    for module in MODULES:
        module.register(router)
