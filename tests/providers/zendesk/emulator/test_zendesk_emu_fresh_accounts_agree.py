"""Two fresh accounts are the same account: the CLI's embedded emulator starts fresh for each
command until its first write, so a plan made on one fresh account (updating a seeded brand,
the settings) is applied on another and must not find those objects "changed since"."""

from __future__ import annotations

import time

from providers.zendesk.emulator import ZendeskEmulator


def test_seeded_objects_are_identical_in_two_fresh_accounts(monkeypatch) -> None:
    first = ZendeskEmulator().dump()
    clock = time.time()
    monkeypatch.setattr(time, "time", lambda: clock + 3600)  # an hour later, by any clock
    second = ZendeskEmulator().dump()
    assert first == second
    brand = next(iter(first["collections"]["brands"]["items"].values()))
    assert brand["created_at"] == brand["updated_at"] == "2024-01-01T00:00:00Z"
