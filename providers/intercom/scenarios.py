"""Intercom's benchmark accounts: what ``emulator serve --provider intercom --scenario large|huge`` holds.

The kinds that grow into the thousands in a large Intercom account are its Help Center articles, tags and news items; the rest stay in
the tens. ``large`` is 1,000 of each of the three and 50 of every other kind the generator can
create; ``huge`` is ten times that. Built by ``provisioner.testing.scenario`` (cached under
``.provisioner/scenarios/``).
"""

from __future__ import annotations

from provisioner.testing.scenario import Scenario

BULK_KINDS = ("articles", "tags", "news_items")


def _scale(bulk: int, others: int) -> dict[str, int]:
    return {**{kind: bulk for kind in BULK_KINDS}, "*": others}


SCENARIOS = {
    "large": Scenario("large", _scale(1_000, 50), seed=20240611,
                      summary="1,000 articles, tags and news items; 50 of every other kind"),
    "huge": Scenario("huge", _scale(10_000, 500), seed=20240611,
                     summary="10,000 articles, tags and news items; 500 of every other kind"),
}
