"""Legacy targets (Block 7, read-only): the notification channels webhooks replaced.

+ title: natural key; old triggers name a target in ``{field: notification_target,
  value: [<target title>, <message>]}``, which keeps working for email targets.
URL and branded targets stopped working on 2024-10-28 and can no longer be created: move them
to webhooks. The tool reads targets so that rules naming them resolve and the plan lists the
ones left in the account; it never creates, changes or deletes one (do that in Admin Center).
"""

from __future__ import annotations

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Capabilities, Doc, Kind

WHY = ("targets are deprecated by Zendesk (URL targets stopped on 2024-10-28): the tool only reads them; "
       "create a webhook instead, and edit or remove old targets in Admin Center")


class Target(Strict):
    title: str
    type: str | None = None
    active: bool | None = None
    email: str | None = None
    subject: str | None = None
    target_url: str | None = None


def normalize(doc: Doc) -> Doc:
    return {k: doc[k] for k in ("title", "type", "active", "email", "subject", "target_url") if k in doc}


TARGETS = Kind(
    name="targets", block=7, natural_key="title", path="/api/v2/targets", envelope="target", list_key="targets",
    model=Target, normalize=normalize, secret_fields=frozenset({"password"}),
    capabilities=Capabilities(create=False, update=False, delete=False,
                              why_not={"create": WHY, "update": WHY, "delete": WHY}),
    api={"paging": "none"},
    summary="Legacy targets (read-only, deprecated): reported so rules naming them resolve.",
    example="targets:\n  - title: Finance mailbox\n    type: email_target\n    email: finance@example.com\n",
)
