"""Every resource module of the emulator, registered in one place.

Order matters only where a literal path and a ``{param}`` path overlap inside one module, and
each module registers its literal paths first.
"""

from __future__ import annotations

from providers.common.emulation import Router
from providers.zendesk.emulator import (
    account, app_installations, automations, brands, custom_fields, custom_roles,
    custom_statuses, dynamic_content, group_memberships, group_sla_policies, groups, hc_access,
    hc_articles, hc_categories, hc_sections, hc_translations, locales, macros,
    recipient_addresses, routing_attributes, schedule_holidays, schedules, sla_policies, targets,
    ticket_field_options, ticket_fields, ticket_form_statuses, ticket_forms, trigger_categories,
    triggers, users, views, webhooks,
)

MODULES = (
    account, users, groups, group_memberships, ticket_fields, ticket_field_options, ticket_forms,
    triggers, automations, macros, views, sla_policies, brands, schedules, schedule_holidays,
    custom_roles, recipient_addresses, custom_fields, custom_statuses, ticket_form_statuses,
    trigger_categories, group_sla_policies, routing_attributes, locales, dynamic_content,
    webhooks, app_installations, targets, hc_access, hc_translations, hc_categories, hc_sections,
    hc_articles,
)


def register_all(router: Router) -> None:
    for module in MODULES:
        module.register(router)
