"""Brands (Block 1): the customer-facing identities; each has a subdomain and may have a Help Center.

+ name: natural key (rules, forms, support addresses and the account's default brand name it).
+ subdomain: unique across Zendesk (``acme-pro`` → acme-pro.zendesk.com); lowercase letters,
  digits and hyphens. + host_mapping: a custom host (``help.acme.com``). + active.
+ signature_template: the agent signature on this brand's emails.
The default brand (named after the account) exists in every account and cannot be deleted;
declare it to manage its name or signature. Which brand is the default is an account setting
(``account_settings.brands.default_brand_id``).
"""

from __future__ import annotations

from pydantic import Field

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Kind


class Brand(Strict):
    name: str
    subdomain: str = Field(pattern=r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
    active: bool | None = None
    host_mapping: str | None = None
    signature_template: str | None = None


BRANDS = Kind(
    name="brands", block=1, natural_key="name", path="/api/v2/brands", envelope="brand", list_key="brands",
    server_owned=frozenset({"id", "url", "created_at", "updated_at", "default", "is_deleted", "has_help_center",
                            "help_center_state", "ticket_form_ids", "brand_url", "logo"}),
    model=Brand, is_system=lambda raw: bool(raw.get("default")),
    summary="Brands and their subdomains; rules, forms and support addresses name them.",
    example="brands:\n  - name: Acme Pro\n    subdomain: acme-pro\n    signature_template: '{{agent.signature}}'\n",
)
