"""User fields (Block 4): custom fields on every user profile, in display order.

See ``_customer_fields`` (shared with organization fields) for every field of the YAML.
"""

from __future__ import annotations

from providers.zendesk.kinds import _customer_fields
from providers.zendesk.kinds._customer_fields import CustomerField, customer_fields_kind

__doc__ = (__doc__ or "").rstrip() + "\n\n" + "\n".join((_customer_fields.__doc__ or "").splitlines()[1:]).strip()


class UserField(CustomerField):
    pass


USER_FIELDS = customer_fields_kind(
    "user_fields", "user_field", "user", UserField,
    "user_fields:\n  - key: plan\n    title: Plan\n    type: dropdown\n    custom_field_options:\n"
    "      - {name: Free, value: plan_free}\n      - {name: Business, value: plan_business}\n")
