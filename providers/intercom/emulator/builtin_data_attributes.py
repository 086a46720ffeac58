"""The standard (non-custom) data attributes every Intercom workspace lists.

They come back from ``GET /data_attributes`` with ``custom: false`` and no ``id``, so they can be
neither updated nor archived through the API; the provisioner must treat them as read-only.

Company attributes are the ones the 2.16 description's list example shows (name, label,
description, type and writability copied from it). Contact attributes follow the fields of the
documented contact model; their labels and writability flags are a best effort, not copied from
an Intercom response.
"""

from __future__ import annotations

from typing import Any

# (name, full_name, label, description, data_type, api_writable)
_COMPANY: tuple[tuple[str, str, str, str, str, bool], ...] = (
    ("name", "name", "Company name", "The name of a company", "string", True),
    ("company_id", "company_id", "Company ID", "A number identifying a company", "string", False),
    ("last_request_at", "last_request_at", "Company last seen",
     "The last day anyone from a company visited your site or app", "date", False),
    ("remote_created_at", "remote_created_at", "Company created at", "The day a company was added to Intercom", "date", True),
    ("user_count", "user_count", "People", "The number of people in a company", "integer", False),
    ("session_count", "session_count", "Company web sessions",
     "All visits from anyone in a company to your product's site or app", "integer", False),
    ("name", "plan.name", "Plan", "A specific plan or level within your product that companies have signed up to", "string", False),
    ("monthly_spend", "monthly_spend", "Monthly Spend", "The monthly revenue you receive from a company", "float", True),
    ("size", "size", "Company size", "The number of people employed in this company, expressed as a single number", "integer", True),
    ("industry", "industry", "Company industry", "The category or domain this company belongs to e.g. 'ecommerce' or 'SaaS'", "string", True),
    ("website", "website", "Company website", "The web address for the company's primary marketing site", "string", True),
    ("id", "id", "ID", "The Intercom defined id representing the company", "string", False),
    ("created_at", "created_at", "Created at", "The time the company was added to Intercom", "date", False),
    ("updated_at", "updated_at", "Updated at", "The last time the company was updated", "date", False),
    ("id", "plan.id", "Plan ID", "The Intercom defined id representing the plan", "string", False),
    ("app_id", "app_id", "App ID", "The Intercom defined id representing the app", "string", False),
)

_CONTACT: tuple[tuple[str, str, str, str, str, bool], ...] = (
    ("name", "name", "Name", "A person's full name", "string", True),
    ("email", "email", "Email", "A person's email address", "string", True),
    ("phone", "phone", "Phone", "A person's phone number", "string", True),
    ("external_id", "external_id", "User ID", "A number identifying a user", "string", True),
    ("role", "role", "Role", "Whether the person is a user or a lead", "string", False),
    ("owner_id", "owner_id", "Owner", "The teammate who owns this person", "integer", True),
    ("signed_up_at", "signed_up_at", "Signed up", "The time a user signed up", "date", True),
    ("last_seen_at", "last_seen_at", "Last seen", "The last time a person was seen in your app", "date", True),
    ("created_at", "created_at", "First seen", "The time a person was added to Intercom", "date", False),
    ("updated_at", "updated_at", "Updated at", "The last time a person was updated", "date", False),
    ("last_contacted_at", "last_contacted_at", "Last contacted", "The last time a teammate contacted a person", "date", False),
    ("last_replied_at", "last_replied_at", "Last heard from", "The last time a person replied", "date", False),
    ("unsubscribed_from_emails", "unsubscribed_from_emails", "Unsubscribed from emails",
     "Whether a person has unsubscribed from emails", "boolean", True),
    ("language_override", "language_override", "Language override", "The language set for a person", "string", True),
    ("browser_language", "browser_language", "Browser language", "The language of a person's browser", "string", False),
    ("city_name", "location.city_name", "City", "The city a person is in", "string", False),
    ("region_name", "location.region_name", "Region", "The region a person is in", "string", False),
    ("country_name", "location.country_name", "Country", "The country a person is in", "string", False),
    ("session_count", "session_count", "Web sessions", "The number of visits to your site or app", "integer", False),
)


def builtin_attributes(model: str) -> list[dict[str, Any]]:
    rows = _COMPANY if model == "company" else _CONTACT
    return [
        {"type": "data_attribute", "name": name, "full_name": full_name, "label": label,
         "description": description, "data_type": data_type, "api_writable": api_writable,
         "ui_writable": False, "messenger_writable": True, "custom": False, "archived": False,
         "model": model}
        for name, full_name, label, description, data_type, api_writable in rows
    ]
