"""Every Zendesk kind, in apply order: what is referred to comes before what refers to it.

Within a block: brands before the settings and addresses that name them; roles and groups
before agents and memberships; fields and statuses before the forms and mappings that show
them; trigger categories before triggers. A reference into a later block (a trigger notifying
a Block 7 webhook) is handled by the plan, which creates the target first.
"""

from __future__ import annotations

from providers.zendesk.kinds.account_settings import ACCOUNT_SETTINGS
from providers.zendesk.kinds.agents import AGENTS
from providers.zendesk.kinds.answer_bot import ANSWER_BOT
from providers.zendesk.kinds.app_installations import APP_INSTALLATIONS
from providers.zendesk.kinds.automations import AUTOMATIONS
from providers.zendesk.kinds.brands import BRANDS
from providers.zendesk.kinds.custom_roles import CUSTOM_ROLES
from providers.zendesk.kinds.custom_statuses import CUSTOM_STATUSES
from providers.zendesk.kinds.dynamic_content import DYNAMIC_CONTENT_ITEMS
from providers.zendesk.kinds.group_memberships import GROUP_MEMBERSHIPS
from providers.zendesk.kinds.group_sla_policies import GROUP_SLA_POLICIES
from providers.zendesk.kinds.groups import GROUPS
from providers.zendesk.kinds.help_center_access import HELP_CENTER_PERMISSION_GROUPS, HELP_CENTER_USER_SEGMENTS
from providers.zendesk.kinds.help_center_articles import HELP_CENTER_ARTICLES
from providers.zendesk.kinds.help_center_categories import HELP_CENTER_CATEGORIES
from providers.zendesk.kinds.help_center_sections import HELP_CENTER_SECTIONS
from providers.zendesk.kinds.macros import MACROS
from providers.zendesk.kinds.organization_fields import ORGANIZATION_FIELDS
from providers.zendesk.kinds.recipient_addresses import RECIPIENT_ADDRESSES
from providers.zendesk.kinds.routing_attributes import ROUTING_ATTRIBUTES
from providers.zendesk.kinds.schedules import SCHEDULES
from providers.zendesk.kinds.sla_policies import SLA_POLICIES
from providers.zendesk.kinds.targets import TARGETS
from providers.zendesk.kinds.ticket_fields import TICKET_FIELDS
from providers.zendesk.kinds.ticket_form_statuses import TICKET_FORM_STATUSES
from providers.zendesk.kinds.ticket_forms import TICKET_FORMS
from providers.zendesk.kinds.trigger_categories import TRIGGER_CATEGORIES
from providers.zendesk.kinds.triggers import TRIGGERS
from providers.zendesk.kinds.user_fields import USER_FIELDS
from providers.zendesk.kinds.views import VIEWS
from providers.zendesk.kinds.webhooks import WEBHOOKS

KINDS = (
    # Block 1: foundation
    BRANDS, SCHEDULES, ACCOUNT_SETTINGS,
    # Block 2: users and permissions
    CUSTOM_ROLES, GROUPS, AGENTS, GROUP_MEMBERSHIPS,
    # Block 3: channels
    RECIPIENT_ADDRESSES,
    # Block 4: ticket taxonomy
    TICKET_FIELDS, USER_FIELDS, ORGANIZATION_FIELDS, CUSTOM_STATUSES, TICKET_FORMS, TICKET_FORM_STATUSES,
    # Block 5: routing and SLAs
    TRIGGER_CATEGORIES, ROUTING_ATTRIBUTES, TRIGGERS, SLA_POLICIES, GROUP_SLA_POLICIES,
    # Block 6: automations and macros
    DYNAMIC_CONTENT_ITEMS, AUTOMATIONS, MACROS, VIEWS,
    # Block 7: integrations
    WEBHOOKS, TARGETS, APP_INSTALLATIONS,
    # Block 8: help center
    HELP_CENTER_PERMISSION_GROUPS, HELP_CENTER_USER_SEGMENTS, HELP_CENTER_CATEGORIES, HELP_CENTER_SECTIONS,
    HELP_CENTER_ARTICLES,
    # Block 9: answer bot
    ANSWER_BOT,
)
