"""What a brand-new Zendesk account already contains.

A fresh account is never empty: it has a default brand and support address, the default
"Support" group, the standard custom roles, the owner (an admin), the system ticket fields,
the "Default Ticket Form" listing them, one default custom status per category, the Help
Center's built-in permission group and user segments, the account settings, and the standard
business rules (``seed_rules``: notification triggers in a "Notifications" category, the
close-solved-tickets automation, shared views and macros). A provisioner that assumes an
empty account breaks on its first real run, so the emulator seeds the same objects.
"""

from __future__ import annotations

from typing import Any, Iterable

from providers.common.emulation import Store
from providers.zendesk.emulator.account_defaults import default_settings
from providers.zendesk.emulator.brands import make_brand
from providers.zendesk.emulator.custom_roles import seed_roles
from providers.zendesk.emulator.custom_statuses import seed_statuses
from providers.zendesk.emulator.recipient_addresses import make_address
from providers.zendesk.emulator.groups import make_group
from providers.zendesk.emulator.hc_access import seed_access
from providers.zendesk.emulator.records import new_id, stamp_created
from providers.zendesk.emulator.seed_rules import seed_rules
from providers.zendesk.emulator.ticket_fields import blank_field
from providers.zendesk.emulator.ticket_forms import make_form
from providers.zendesk.emulator.users import make_user

SYSTEM_FIELDS: tuple[tuple[str, str, list[tuple[str, str]] | None], ...] = (
    ("subject", "Subject", None),
    ("description", "Description", None),
    ("status", "Status", [("Open", "open"), ("Pending", "pending"), ("Solved", "solved")]),
    ("tickettype", "Type", [("Question", "question"), ("Incident", "incident"),
                            ("Problem", "problem"), ("Task", "task")]),
    ("priority", "Priority", [("Low", "low"), ("Normal", "normal"), ("High", "high"),
                              ("Urgent", "urgent")]),
    ("group", "Group", None),
    ("assignee", "Assignee", None),
)


def _system_field(store: Store, field_type: str, title: str,
                  options: list[tuple[str, str]] | None, position: int) -> dict[str, Any]:
    field = blank_field(new_id(store, "ticket_fields"), field_type, title)
    field.update({"removable": False, "position": position,
                  "required": field_type in {"subject", "description"}})
    if field_type in {"subject", "description"}:
        field.update({"visible_in_portal": True, "editable_in_portal": True, "required_in_portal": True})
    if options:
        field["system_field_options"] = [{"name": name, "value": value} for name, value in options]
    return store["ticket_fields"].put(stamp_created(field))


def seed_account(store: Store, subdomain: str, agents: Iterable[str] = ()) -> None:
    """Seed a fresh account; ``agents`` are emails of extra agents (with the Staff role)."""
    store.extra["account_settings"] = default_settings()
    brand = make_brand(store, subdomain.capitalize(), subdomain, default=True)
    store.extra["account_settings"]["brands"]["default_brand_id"] = brand["id"]
    make_address(store, f"support@{subdomain}.zendesk.com", brand["id"], subdomain, name=subdomain.capitalize(),
                 default=True)
    make_group(store, "Support", default=True)
    roles = seed_roles(store)
    owner = make_user(store, "Account Owner", f"owner@{subdomain}.com", role="admin", owner=True)
    store.extra["me"] = owner["id"]
    for email in agents:
        name = email.split("@")[0].replace(".", " ").title()
        make_user(store, name, email, role="agent", custom_role_id=roles["Staff"]["id"])
    fields = [_system_field(store, t, title, opts, index)
              for index, (t, title, opts) in enumerate(SYSTEM_FIELDS, start=1)]
    make_form(store, "Default Ticket Form", [f["id"] for f in fields], default=True, position=1)
    seed_statuses(store)
    seed_access(store)
    seed_rules(store)
