"""Organization fields (Block 4): custom fields on every organization, in display order.

See ``_customer_fields`` (shared with user fields) for every field of the YAML. Options change
only through the field itself (Zendesk has no option endpoint for organization fields).
"""

from __future__ import annotations

from providers.zendesk.kinds import _customer_fields
from providers.zendesk.kinds._customer_fields import CustomerField, customer_fields_kind

__doc__ = (__doc__ or "").rstrip() + "\n\n" + "\n".join((_customer_fields.__doc__ or "").splitlines()[1:]).strip()


class OrganizationField(CustomerField):
    pass


ORGANIZATION_FIELDS = customer_fields_kind(
    "organization_fields", "organization_field", "organization", OrganizationField,
    "organization_fields:\n  - key: account_tier\n    title: Account tier\n    type: dropdown\n"
    "    custom_field_options:\n      - {name: Standard, value: org_tier_standard}\n"
    "      - {name: Enterprise, value: org_tier_enterprise}\n")
