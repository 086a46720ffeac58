"""Company fields (Block 4): what the account records about each customer company.

+ label: natural key, unique. + type: as for contact fields; immutable.
+ required_for_agents. + choices: a dropdown's values in order (the complete set).
Companies are never shown to customers, so there are no customer-facing flags. Built-in fields
(Company Name, Domain names, Health score, ...) exist in every account and are never deleted.
"""

from __future__ import annotations

from providers.freshdesk.kinds._customer_fields import CustomerField, customer_field_kind


class CompanyField(CustomerField):
    required_for_agents: bool | None = None


COMPANY_FIELDS = customer_field_kind(
    name="company_fields", path="/api/v2/company_fields", model=CompanyField,
    summary="Custom company fields; rule and skill conditions name them by label.",
    example="company_fields:\n  - label: Contract renewal\n    type: custom_date\n",
)
