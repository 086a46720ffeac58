"""Freshdesk's benchmark accounts: what ``emulator serve --provider freshdesk --scenario large|huge`` holds.

The kinds that grow into the thousands in a large Freshdesk account are its canned responses, solution articles and dispatcher (ticket creation) rules; the
rest stay in the tens (``providers.common.benchmark_accounts``; built and cached under
``.provisioner/scenarios/``).
"""

from __future__ import annotations

from providers.common.benchmark_accounts import large_and_huge

BULK_KINDS = ("canned_responses", "solution_articles", "ticket_creation_rules")
SCENARIOS = large_and_huge(BULK_KINDS, "canned responses, solution articles and dispatcher rules")
