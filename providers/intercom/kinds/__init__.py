"""Every Intercom kind, in apply order: what is referred to comes before what refers to it.

The last three cannot be managed through the API at all; they are here so that ``kinds`` and
the generated docs say why, and so that a YAML section naming one is refused with the reason.
"""

from __future__ import annotations

from providers.intercom.kinds.admins import ADMINS
from providers.intercom.kinds.articles import ARTICLES
from providers.intercom.kinds.collections import COLLECTIONS
from providers.intercom.kinds.conversation_attributes import CONVERSATION_ATTRIBUTES
from providers.intercom.kinds.data_attributes import DATA_ATTRIBUTES
from providers.intercom.kinds.macros import MACROS
from providers.intercom.kinds.news_items import NEWS_ITEMS
from providers.intercom.kinds.newsfeeds import NEWSFEEDS
from providers.intercom.kinds.not_manageable import ROLES, SLA_RULES, WORKFLOWS
from providers.intercom.kinds.office_hours_schedules import OFFICE_HOURS_SCHEDULES
from providers.intercom.kinds.tags import TAGS
from providers.intercom.kinds.teams import TEAMS
from providers.intercom.kinds.ticket_types import TICKET_TYPES

KINDS = (OFFICE_HOURS_SCHEDULES, ADMINS, TEAMS, TAGS, DATA_ATTRIBUTES, CONVERSATION_ATTRIBUTES, TICKET_TYPES,
         MACROS, NEWSFEEDS, COLLECTIONS, ARTICLES, NEWS_ITEMS, ROLES, SLA_RULES, WORKFLOWS)
