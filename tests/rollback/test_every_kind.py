"""For every kind: export, apply a change that creates, updates and deletes (and reorders where
the kind is ordered), roll back, export again: the two exports are identical.

The change copies an object of the example under new natural keys: the copies are what is
created and deleted, so nothing else has to change with them. Where the API refuses a copy (a
Freshdesk section's choices belong to one section), the example's own object is created,
edited and deleted in three apply-and-rollback cycles instead; a kind the API can only update
gets the edit cycle. Where the API cannot delete (``delete_means``: archive), undoing a create
archives the object, so it may remain in the export in that state."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from provisioner.kind import Kind
from provisioner.provider import Provider, load_provider
from tests.rollback.support import (Docs, edited, example_docs, export, export_differences, kind_cases, minus_archived,
                                    references_in, renamed, sample_objects, swap_first_two, write_state)


def latest_record(workdir: Path) -> dict:
    records = [json.loads(p.read_text()) for p in (workdir / ".provisioner" / "history").glob("*/record.json")]
    return max(records, key=lambda r: r["started_at"])


def done_actions(workdir: Path, kind: Kind) -> set[str]:
    return {c["action"] for c in latest_record(workdir)["changes"] if c["status"] == "done" and c["kind"] == kind.name}


def apply_and_roll_back(cli, workdir: Path, provider: Provider, kind: Kind, start: Docs, change: Docs,  # type: ignore[no-untyped-def]
                        created: list[str], expected: set[str]) -> None:
    started = cli("apply", write_state(workdir / "start", provider, start), "--emulator", "--auto-approve")
    assert started.code == 0, started.text
    before = export(provider, workdir)
    applied = cli("apply", write_state(workdir / "change", provider, change, prune={kind.name}), "--emulator", "--auto-approve")
    assert applied.code == 0, applied.text
    assert expected <= done_actions(workdir, kind)
    assert export(provider, workdir) != before
    rolled = cli("rollback", "--emulator", "--auto-approve")
    assert rolled.code == 0, rolled.text
    assert "Apply complete" in rolled.out
    after = minus_archived(provider, export(provider, workdir), {kind.name: created})
    assert not export_differences(after, before)


@pytest.mark.parametrize(("provider_name", "kind_name"), kind_cases())
def test_rollback_restores_an_identical_export(cli, tmp_path: Path, provider_name: str, kind_name: str) -> None:
    provider = load_provider(provider_name)
    kind = provider.kind(kind_name)
    docs = example_docs(provider)
    mine = docs.get(kind.name) or sample_objects(provider, kind)[:1]
    docs = {**docs, kind.name: mine}
    if not (kind.capabilities.create and kind.capabilities.delete):
        edit_cycle(cli, tmp_path, provider, kind, docs)
        return
    template = mine[-1]
    doomed, created = renamed(kind, template, "to delete"), renamed(kind, template, "new")
    baseline = {**docs, kind.name: [*mine, doomed]}
    first = cli("apply", write_state(tmp_path / "baseline", provider, baseline), "--emulator", "--auto-approve")
    key = kind.key_of(doomed)
    refused = f"{kind.name}[{key!r}]" in first.out or f"{kind.name} {key!r} (create)" in first.err
    if first.code and refused:  # by a plan-time check or by the API
        shutil.rmtree(tmp_path / ".provisioner", ignore_errors=True)  # a copy is refused: start over
        three_cycles(cli, tmp_path, provider, kind, docs)
        return
    assert first.code == 0, first.text
    first_edit = edited(kind, mine[0])  # None when the natural key is all a kind has (tags)
    changed = [first_edit or mine[0], *mine[1:], created]
    if kind.ordered:
        changed = swap_first_two(changed)
    expected = {"create", "delete"} | ({"update"} if first_edit else set())
    if kind.ordered and len(changed) > 2:
        expected.add("reorder")
    apply_and_roll_back(cli, tmp_path, provider, kind, baseline, {**docs, kind.name: changed},
                        [kind.key_of(created)], expected)


def edit_cycle(cli, workdir: Path, provider: Provider, kind: Kind, docs: Docs) -> None:  # type: ignore[no-untyped-def]
    mine = docs[kind.name]
    changed = {**docs, kind.name: [edited(kind, mine[0]), *mine[1:]]}
    apply_and_roll_back(cli, workdir, provider, kind, docs, changed, [], {"update"})


def three_cycles(cli, workdir: Path, provider: Provider, kind: Kind, docs: Docs) -> None:  # type: ignore[no-untyped-def]
    """Create, edit and delete the example's own last object, rolling back after each."""
    target = docs[kind.name][-1]
    key = kind.key_of(target)
    users = {(r[0], r[1]) for r in references_in(provider, docs) if (r[2], r[3]) == (kind.name, key)}
    without: dict[str, list[dict[str, Any]]] = {
        name: [d for d in objs if (name, provider.kind(name).key_of(d)) not in users | {(kind.name, key)}]
        for name, objs in docs.items()}
    apply_and_roll_back(cli, workdir, provider, kind, without, docs, [key], {"create"})
    if edited(kind, target) is not None:
        changed = {**docs, kind.name: [*docs[kind.name][:-1], edited(kind, target)]}
        apply_and_roll_back(cli, workdir, provider, kind, docs, changed, [], {"update"})
    apply_and_roll_back(cli, workdir, provider, kind, docs, without, [], {"delete"})
