"""Admins (Block 2, read-only): the workspace's teammates, by email.

+ email: natural key. + name, has_inbox_seat.
Teammates are invited, changed and removed in the Intercom UI only. Other objects name them by
email (an article's ``author_id``, a news item's ``sender_id``); those references are checked
against the workspace at plan time, so the YAML need not declare admins. Declared ones are
compared for drift. Team membership is declared on ``teams`` (``admin_ids``).
"""

from __future__ import annotations

from providers.intercom.kinds._common import Strict
from provisioner.kind import Capabilities, Kind

UI_ONLY = "teammates are invited and managed in the Intercom UI; the API can only read them"


class Admin(Strict):
    email: str
    name: str | None = None
    has_inbox_seat: bool | None = None


ADMINS = Kind(
    name="admins", block=2, natural_key="email", path="/admins", list_key="admins", model=Admin,
    server_owned=frozenset({"id", "type", "away_mode_enabled", "away_mode_reassign", "away_status_reason_id",
                            "team_ids", "avatar", "job_title", "email_verified", "app"}),
    capabilities=Capabilities(create=False, update=False, delete=False,
                              why_not={"create": UI_ONLY, "update": UI_ONLY, "delete": UI_ONLY}),
    api={"paging": "none"},
    summary="Teammates (read-only), named by email from articles and news items.",
    example="admins:\n  - email: ada@example.com\n    name: Ada Lovelace\n",
)
