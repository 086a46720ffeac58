"""Every Zendesk kind, in apply order: what is referred to comes before what refers to it."""

from __future__ import annotations

from providers.zendesk.kinds.automations import AUTOMATIONS
from providers.zendesk.kinds.groups import GROUPS
from providers.zendesk.kinds.macros import MACROS
from providers.zendesk.kinds.sla_policies import SLA_POLICIES
from providers.zendesk.kinds.ticket_fields import TICKET_FIELDS
from providers.zendesk.kinds.ticket_forms import TICKET_FORMS
from providers.zendesk.kinds.triggers import TRIGGERS
from providers.zendesk.kinds.views import VIEWS

KINDS = (GROUPS, TICKET_FIELDS, TICKET_FORMS, TRIGGERS, SLA_POLICIES, AUTOMATIONS, MACROS, VIEWS)
