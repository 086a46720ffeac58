"""Intercom's benchmark accounts: what ``emulator serve --provider intercom --scenario large|huge`` holds.

The kinds that grow into the thousands in a large Intercom account are its Help Center articles, tags and news items; the
rest stay in the tens (``providers.common.benchmark_accounts``; built and cached under
``.provisioner/scenarios/``).
"""

from __future__ import annotations

from providers.common.benchmark_accounts import large_and_huge

BULK_KINDS = ("articles", "tags", "news_items")
SCENARIOS = large_and_huge(BULK_KINDS, "articles, tags and news items")
