"""Contact fields (Block 4): what the account records about each customer.

+ label: natural key, unique. The server derives the field's ``name`` (``tier`` for "Tier").
+ type: custom_text, custom_paragraph, custom_checkbox, custom_number, custom_dropdown,
  custom_phone_number, custom_url or custom_date. Immutable.
+ label_for_customers (the API requires it on create; it defaults to the label),
  required_for_agents, required_for_customers, displayed_for_customers, customers_can_edit,
  editable_in_signup.
+ choices: a dropdown's values in order (the complete set).
Built-in fields (Full name, Email, Time zone, ...) exist in every account and are never deleted.
The documented singular path ``/contact_field/{id}`` answers 404; the plural one is used.
"""

from __future__ import annotations

from providers.freshdesk.kinds._customer_fields import CustomerField, customer_field_kind


class ContactField(CustomerField):
    label_for_customers: str | None = None
    required_for_agents: bool | None = None
    required_for_customers: bool | None = None
    displayed_for_customers: bool | None = None
    customers_can_edit: bool | None = None
    editable_in_signup: bool | None = None


CONTACT_FIELDS = customer_field_kind(
    name="contact_fields", path="/api/v2/contact_fields", model=ContactField, label_defaults=("label_for_customers",),
    summary="Custom contact fields; rule and skill conditions name them by label.",
    example=("contact_fields:\n  - label: Plan tier\n    type: custom_dropdown\n"
             "    choices: [Free, Pro, Enterprise]\n"),
)
