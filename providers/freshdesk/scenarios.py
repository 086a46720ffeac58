"""Freshdesk's benchmark accounts: what ``emulator serve --provider freshdesk --scenario large|huge`` holds.

The kinds that grow into the thousands in a large Freshdesk account are its canned responses, solution articles and ticket creation (dispatcher) rules; the rest stay in
the tens. ``large`` is 1,000 of each of the three and 50 of every other kind the generator can
create; ``huge`` is ten times that. Built by ``provisioner.testing.scenario`` (cached under
``.provisioner/scenarios/``).
"""

from __future__ import annotations

from provisioner.testing.scenario import Scenario

BULK_KINDS = ("canned_responses", "solution_articles", "ticket_creation_rules")


def _scale(bulk: int, others: int) -> dict[str, int]:
    return {**{kind: bulk for kind in BULK_KINDS}, "*": others}


SCENARIOS = {
    "large": Scenario("large", _scale(1_000, 50), seed=20240611,
                      summary="1,000 canned responses, solution articles and dispatcher rules; 50 of every other kind"),
    "huge": Scenario("huge", _scale(10_000, 500), seed=20240611,
                     summary="10,000 canned responses, solution articles and dispatcher rules; 500 of every other kind"),
}
