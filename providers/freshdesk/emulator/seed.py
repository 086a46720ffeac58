"""What a brand-new Freshdesk account already holds before anyone configures it.

The provisioner has to live with these objects rather than create them: the four built-in roles,
a few agents (the account owner whose API key is used, plus two colleagues to assign), the
default business-hours calendar and SLA policy, the built-in fields (see ``seed_fields``), the
default ticket form, the "General" and "Personal" canned response folders, the account's own
support mailbox and its main portal. Timestamps are fixed so two fresh emulators compare equal.
"""

from __future__ import annotations

from providers.common.emulation import Store
from providers.freshdesk.emulator.agents import make_agent
from providers.freshdesk.emulator.records import new_id
from providers.freshdesk.emulator.seed_fields import seed_company_fields, seed_contact_fields, seed_ticket_fields

SEEDED_AT = "2024-01-08T09:00:00Z"
ROLES = (
    ("Account Administrator", "Has complete control over the help desk including access to Account or Billing "
                              "related information, and receives Invoices."),
    ("Administrator", "Can configure all features through the Admin tab, but is restricted from viewing Account "
                      "or Billing related information."),
    ("Supervisor", "Can perform all agent related activities and access reports, but cannot access or change "
                   "configurations in the Admin tab."),
    ("Agent", "Can log, view, reply, update and resolve tickets and manage contacts."),
)
AGENTS = (("Ada Owner", "ada.owner", "Account Administrator"), ("Sam Supervisor", "sam.supervisor", "Supervisor"),
          ("Alex Agent", "alex.agent", "Agent"))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
PRIORITY_TARGETS = {  # priority: (respond within, resolve within), in seconds
    "priority_4": (3600, 14400),
    "priority_3": (14400, 28800),
    "priority_2": (28800, 86400),
    "priority_1": (86400, 172800),
}


def seed_account(store: Store, domain: str) -> None:
    store.extra["domain"] = domain
    store.extra["portal_ids"] = [43_000_014_001]
    role_ids = {}
    for name, description in ROLES:
        role = {"id": new_id(store, "roles"), "name": name, "description": description, "default": True,
                "agent_type": 1, "created_at": SEEDED_AT, "updated_at": SEEDED_AT}
        role_ids[name] = store["roles"].put(role)["id"]
    for name, local, role in AGENTS:
        agent = make_agent(new_id(store, "agents"), name=name, email=f"{local}@{domain}.com",
                           role_ids=[role_ids[role]], timestamp=SEEDED_AT)
        store["agents"].put(agent)
    store.extra["current_agent_id"] = min(a["id"] for a in store["agents"].values())
    _seed_business_hours(store)
    _seed_sla_policy(store)
    seed_ticket_fields(store, SEEDED_AT)
    seed_contact_fields(store, SEEDED_AT)
    seed_company_fields(store, SEEDED_AT)
    _seed_default_form(store)
    _seed_canned_folders(store)
    _seed_mailbox(store, domain)


def _seed_business_hours(store: Store) -> None:
    hours = {day: {"start_time": "08:00:00 am", "end_time": "05:00:00 pm"} for day in WEEKDAYS}
    store["business_hours"].put({
        "id": str(new_id(store, "business_hours")), "name": "Default", "description": "Default Business Calendar",
        "time_zone": "Eastern Time (US & Canada)", "is_default": True, "business_hours": hours,
        "created_at": SEEDED_AT, "updated_at": SEEDED_AT,
    })


def _seed_sla_policy(store: Store) -> None:
    targets = {p: {"respond_within": respond, "resolve_within": resolve, "business_hours": True,
                   "escalation_enabled": True} for p, (respond, resolve) in PRIORITY_TARGETS.items()}
    store["sla_policies"].put({
        "id": str(new_id(store, "sla_policies")), "name": "Default SLA Policy",
        "description": "default policy", "active": True, "is_default": True, "position": 1,
        "sla_target": targets, "applicable_to": {}, "escalation": {},
        "created_at": SEEDED_AT, "updated_at": SEEDED_AT,
    })


def _seed_default_form(store: Store) -> None:
    store["ticket_forms"].put({
        "id": new_id(store, "ticket_forms"), "name": "default_ticket_form", "title": "Default Ticket Form",
        "description": None, "default": True, "_fields": [], "created_at": SEEDED_AT, "updated_at": SEEDED_AT,
    })


def _seed_canned_folders(store: Store) -> None:
    for name, personal in (("General", False), ("Personal", True)):
        store["canned_response_folders"].put({"id": new_id(store, "canned_response_folders"), "name": name,
                                              "personal": personal, "created_at": SEEDED_AT,
                                              "updated_at": SEEDED_AT})


def _seed_mailbox(store: Store, domain: str) -> None:
    address = f"support@{domain}.freshdesk.com"
    store["mailboxes"].put({
        "id": new_id(store, "mailboxes"), "name": f"{domain} support", "support_email": address,
        "group_id": None, "product_id": None, "default_reply_email": True, "active": True,
        "mailbox_type": "freshdesk_mailbox", "failure_code": None, "freshdesk_mailbox": {"forward_email": address},
        "created_at": SEEDED_AT, "updated_at": SEEDED_AT,
    })
