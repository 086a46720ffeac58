"""Support addresses (Block 3): the email addresses customers write to.

+ email: natural key. Addresses on the account's own ``<subdomain>.zendesk.com`` work at once;
  an external address (``help@acme.com``) must also be forwarded to Zendesk by your mail
  server, and stays unverified until it is (the verification statuses are not compared).
+ name: the sender name on replies. + brand_id: the brand (by name) the address belongs to;
  the default brand when left out.
The account's default address exists in every account and cannot be deleted.
"""

from __future__ import annotations

from pydantic import Field

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Kind
from provisioner.references import Ref


class SupportAddress(Strict):
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    name: str | None = None
    brand_id: str | None = None


RECIPIENT_ADDRESSES = Kind(
    name="recipient_addresses", block=3, natural_key="email", path="/api/v2/recipient_addresses",
    envelope="recipient_address", list_key="recipient_addresses",
    server_owned=frozenset({"id", "url", "created_at", "updated_at", "default", "forwarding_status", "spf_status",
                            "cname_status", "domain_verification_status"}),
    references=(Ref("brand_id", "brands"),), model=SupportAddress,
    is_system=lambda raw: bool(raw.get("default")),
    summary="Support addresses customers email, per brand.",
    example="recipient_addresses:\n  - email: billing@acme.zendesk.com\n    name: Acme Billing\n    brand_id: Acme\n",
)
