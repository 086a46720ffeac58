"""Built-in ticket, contact and company fields of a new Freshdesk account.

Built-in fields carry ``default: true``, cannot be deleted, and return ``choices`` in their own
shapes, which a client has to treat as opaque (research note 1.5, [L]): status is a map of
status id to ``[agent label, customer label]``, priority and source map a label to a number,
time zone and language map a value to its display name, health score and industry are plain
arrays of strings. Ticket type is an editable dropdown, so its choices look like a custom
dropdown's (``{id, label, value, position}``).
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Store
from providers.freshdesk.emulator.records import new_id

STATUS_CHOICES = {
    "2": ["Open", "Being Processed"],
    "3": ["Pending", "Awaiting your Reply"],
    "4": ["Resolved", "This ticket has been Resolved"],
    "5": ["Closed", "This ticket has been Closed"],
}
PRIORITY_CHOICES = {"Low": 1, "Medium": 2, "High": 3, "Urgent": 4}
SOURCE_CHOICES = {"Email": 1, "Portal": 2, "Phone": 3, "Chat": 7, "Feedback Widget": 9, "Outbound Email": 10}
TICKET_TYPES = ("Question", "Incident", "Problem", "Feature Request", "Refund")
TIME_ZONE_CHOICES = {"Eastern Time (US & Canada)": "Eastern Time (US & Canada)", "London": "London",
                     "Berlin": "Berlin", "Chennai": "Chennai", "Sydney": "Sydney"}
LANGUAGE_CHOICES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "ja-JP": "Japanese"}

# (name, label, required for agents, shown to customers, customers can edit)
TICKET_DEFAULTS = (
    ("requester", "Search a requester", True, True, True),
    ("subject", "Subject", True, True, True),
    ("ticket_type", "Type", False, True, True),
    ("source", "Source", False, False, False),
    ("status", "Status", True, True, False),
    ("priority", "Priority", True, True, False),
    ("group", "Group", False, True, False),
    ("agent", "Agent", False, True, False),
    ("description", "Description", True, True, True),
    ("company", "Company", True, True, False),
)
CONTACT_DEFAULTS = (
    ("name", "Full name", True),
    ("job_title", "Title", False),
    ("email", "Email", False),
    ("phone", "Work phone", False),
    ("mobile", "Mobile phone", False),
    ("twitter_id", "Twitter", False),
    ("company_name", "Company", False),
    ("address", "Address", False),
    ("time_zone", "Time zone", False),
    ("language", "Language", False),
    ("tag_names", "Tags", False),
    ("description", "About", False),
    ("client_manager", "Can see all tickets from this company", False),
    ("unique_external_id", "Unique external ID", False),
)
COMPANY_DEFAULTS = (
    ("name", "Company Name", True),
    ("description", "Description", False),
    ("note", "Notes", False),
    ("domains", "Domain names for this company", False),
    ("health_score", "Health score", False),
    ("account_tier", "Account tier", False),
    ("renewal_date", "Renewal date", False),
    ("industry", "Industry", False),
)
COMPANY_CHOICES = {
    "health_score": ["At risk", "Doing okay", "Happy"],
    "account_tier": ["Basic", "Premium", "Enterprise"],
    "industry": ["Automotive", "Banking", "Consulting", "Education", "Healthcare", "Retail", "Technology"],
}


def _ticket_choices(store: Store, name: str) -> Any:
    if name == "status":
        return dict(STATUS_CHOICES)
    if name == "priority":
        return dict(PRIORITY_CHOICES)
    if name == "source":
        return dict(SOURCE_CHOICES)
    if name == "ticket_type":
        return [{"id": new_id(store, "ticket_field_choices"), "label": value, "value": value, "position": n}
                for n, value in enumerate(TICKET_TYPES, start=1)]
    return None


def seed_ticket_fields(store: Store, timestamp: str) -> None:
    for position, (name, label, agents, shown, editable) in enumerate(TICKET_DEFAULTS, start=1):
        field: dict[str, Any] = {
            "id": new_id(store, "ticket_fields"), "name": name, "label": label, "description": None,
            "label_for_customers": "Requester" if name == "requester" else label, "position": position,
            "type": f"default_{name}", "default": True, "required_for_closure": False,
            "required_for_agents": agents, "required_for_customers": name in ("requester", "subject"),
            "customers_can_edit": editable, "displayed_to_customers": shown, "customers_can_filter": False,
            "archived": False, "has_section": False, "section_mappings": [],
            "created_at": timestamp, "updated_at": timestamp,
        }
        if name == "requester":
            field.update({"portal_cc": False, "portal_cc_to": "company"})
        choices = _ticket_choices(store, name)
        if choices is not None:
            field["choices"] = choices
        store["ticket_fields"].put(field)


def seed_contact_fields(store: Store, timestamp: str) -> None:
    for position, (name, label, required) in enumerate(CONTACT_DEFAULTS, start=1):
        customer_facing = name in ("name", "job_title", "email", "phone", "mobile", "time_zone", "language")
        field: dict[str, Any] = {
            "id": new_id(store, "contact_fields"), "name": name, "label": label, "label_for_customers": label,
            "position": position, "type": f"default_{name}", "default": True,
            "required_for_agents": required, "required_for_customers": required,
            "displayed_for_customers": customer_facing, "customers_can_edit": customer_facing,
            "editable_in_signup": name in ("name", "email"), "created_at": timestamp, "updated_at": timestamp,
        }
        if name == "time_zone":
            field["choices"] = dict(TIME_ZONE_CHOICES)
        if name == "language":
            field["choices"] = dict(LANGUAGE_CHOICES)
        store["contact_fields"].put(field)


def seed_company_fields(store: Store, timestamp: str) -> None:
    for position, (name, label, required) in enumerate(COMPANY_DEFAULTS, start=1):
        field: dict[str, Any] = {
            "id": new_id(store, "company_fields"), "name": name, "label": label, "position": position,
            "type": f"default_{name}", "default": True, "required_for_agents": required,
            "created_at": timestamp, "updated_at": timestamp,
        }
        if name in COMPANY_CHOICES:
            field["choices"] = list(COMPANY_CHOICES[name])
        store["company_fields"].put(field)
