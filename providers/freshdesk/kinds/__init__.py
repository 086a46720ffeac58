"""Every Freshdesk kind, in apply order: what is referred to comes before what refers to it.

Read-only kinds (business hours, roles) come first so that anything may name them; fields come
before the sections and forms that show them; groups and skills before the agents that hold
them; everything rules name before the rules.
"""

from __future__ import annotations

from providers.freshdesk.kinds.agents import AGENTS
from providers.freshdesk.kinds.automation_rules import TICKET_CREATION_RULES, TICKET_UPDATE_RULES, TIME_TRIGGER_RULES
from providers.freshdesk.kinds.business_hours import BUSINESS_HOURS
from providers.freshdesk.kinds.canned_response_folders import CANNED_RESPONSE_FOLDERS
from providers.freshdesk.kinds.canned_responses import CANNED_RESPONSES
from providers.freshdesk.kinds.company_fields import COMPANY_FIELDS
from providers.freshdesk.kinds.contact_fields import CONTACT_FIELDS
from providers.freshdesk.kinds.groups import GROUPS
from providers.freshdesk.kinds.mailboxes import MAILBOXES
from providers.freshdesk.kinds.roles import ROLES
from providers.freshdesk.kinds.skills import SKILLS
from providers.freshdesk.kinds.sla_policies import SLA_POLICIES
from providers.freshdesk.kinds.solution_articles import SOLUTION_ARTICLES
from providers.freshdesk.kinds.solution_categories import SOLUTION_CATEGORIES
from providers.freshdesk.kinds.solution_folders import SOLUTION_FOLDERS
from providers.freshdesk.kinds.ticket_field_sections import TICKET_FIELD_SECTIONS
from providers.freshdesk.kinds.ticket_fields import TICKET_FIELDS
from providers.freshdesk.kinds.ticket_forms import TICKET_FORMS

KINDS = (
    BUSINESS_HOURS, ROLES, GROUPS, MAILBOXES,
    TICKET_FIELDS, TICKET_FIELD_SECTIONS, TICKET_FORMS, CONTACT_FIELDS, COMPANY_FIELDS,
    SKILLS, AGENTS, SLA_POLICIES, TICKET_CREATION_RULES, TICKET_UPDATE_RULES, TIME_TRIGGER_RULES,
    CANNED_RESPONSE_FOLDERS, CANNED_RESPONSES,
    SOLUTION_CATEGORIES, SOLUTION_FOLDERS, SOLUTION_ARTICLES,
)
