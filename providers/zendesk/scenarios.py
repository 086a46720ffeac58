"""Zendesk's benchmark accounts: what ``emulator serve --scenario large|huge`` holds.

Large helpdesks grow in three kinds: triggers, macros and ticket fields reach the thousands
while brands, schedules or Help Center sections stay in the tens. ``large`` is 1,000 of each of
the three and 50 of every other kind the generator can create; ``huge`` is ten times that.
Built by ``provisioner.testing.scenario`` (cached under ``.provisioner/scenarios/``).
"""

from __future__ import annotations

from provisioner.testing.random_account import Recipe
from providers.common.benchmark_accounts import large_and_huge

# Values that must be unique account-wide: drop-down option and checkbox tags (the plan's
# validators refuse a tag two fields share), brand subdomains.
FIELD_TAGS = ("custom_field_options[].value", "tag")
RECIPE = Recipe(unique={
    "ticket_fields": FIELD_TAGS,
    "user_fields": FIELD_TAGS,
    "organization_fields": FIELD_TAGS,
    "brands": ("subdomain",),
})
BULK_KINDS = ("triggers", "macros", "ticket_fields")
SCENARIOS = large_and_huge(BULK_KINDS, "triggers, macros and ticket fields", recipe=RECIPE)
