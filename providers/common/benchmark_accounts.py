"""Every provider's two benchmark accounts (``emulator serve --scenario large|huge``).

``large`` holds 1,000 of each kind that grows into the thousands in a real account and 50 of
every other kind the generator can create; ``huge`` ten times that. The accounts themselves are
built and cached by ``provisioner.testing.scenario``.
"""

from __future__ import annotations

from typing import Any

from provisioner.testing.scenario import Scenario


def large_and_huge(bulk_kinds: tuple[str, ...], bulk_names: str, recipe: Any = None,
                   seed: int = 20240611) -> dict[str, Scenario]:
    """``large`` and ``huge`` for a provider whose ``bulk_kinds`` (described as ``bulk_names``)
    are the ones that grow."""

    def scaled(name: str, bulk: int, others: int) -> Scenario:
        return Scenario(name, {**{kind: bulk for kind in bulk_kinds}, "*": others}, seed=seed, recipe=recipe,
                        summary=f"{bulk:,} {bulk_names}; {others} of every other kind")

    return {"large": scaled("large", 1_000, 50), "huge": scaled("huge", 10_000, 500)}
