"""A mixed apply of 200+ changes across every block rolls back to an identical export,
including references to objects that rollback re-creates with new ids."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from provisioner.provider import load_provider
from tests.rollback.support import (PROVIDERS, edited, example_docs, export, export_differences, live_ids, redirect, referenced_target,
                                    minus_archived, renamed, swap_first_two, kinds_to_exercise, write_state)

TARGET = 200


def copies_needed(kinds, docs) -> int:  # type: ignore[no-untyped-def]
    """Copies per kind so that deleting half the old ones, editing the other half and adding as
    many new ones comes to at least TARGET changes."""
    count = 2
    while sum(count // 2 + (count // 2 if edited(k, docs[k.name][-1]) else 0) + count for k in kinds) < TARGET:
        count += 2
    return count


@pytest.mark.parametrize("provider_name", PROVIDERS)
def test_two_hundred_mixed_changes_roll_back_to_an_identical_export(cli, tmp_path: Path, provider_name: str) -> None:
    provider = load_provider(provider_name)
    kinds = kinds_to_exercise(provider)
    docs = example_docs(provider)

    def copies(kind, label: str, count: int) -> list[dict]:
        template = docs[kind.name][-1]
        return [renamed(kind, template, f"{label} {n}") for n in range(1, count + 1)]

    while True:  # leave out kinds whose copies the provider refuses (a section's choices are its own)
        copies_per_kind = copies_needed(kinds, docs)
        baseline_docs = {**docs, **{k.name: docs[k.name] + copies(k, "old", copies_per_kind) for k in kinds}}
        first = cli("apply", write_state(tmp_path / "baseline", provider, baseline_docs), "--emulator", "--auto-approve")
        refused = [k for k in kinds if any(f"{k.name}[{d[k.natural_key]!r}]" in first.out
                                           or f"{k.name} {d[k.natural_key]!r} (create)" in first.err
                                           for d in copies(k, "old", copies_per_kind))]
        if first.code == 0 or not refused:
            break
        kinds = [k for k in kinds if k not in refused]
        shutil.rmtree(tmp_path / ".provisioner", ignore_errors=True)
    assert first.code == 0, first.text
    before = export(provider, tmp_path)
    ids_before = live_ids(provider, tmp_path)

    # Delete an object others refer to (pointing them elsewhere), delete half the old copies,
    # edit the other half and one original per kind, add new copies, swap the first two of each
    # ordered kind; deletes by pruning, which also removes the account's own standard objects.
    mutated = {**docs}
    for kind in kinds:
        olds = copies(kind, "old", copies_per_kind)
        kept = [edited(kind, d, "v2") or d for d in olds[1::2]]
        own = mutated[kind.name]
        own = [edited(kind, own[0]) or own[0], *own[1:], *kept, *copies(kind, "new", copies_per_kind)]
        mutated[kind.name] = swap_first_two(own) if kind.ordered else own
    target = referenced_target(provider, docs)
    assert target, "the example has no object that others refer to"
    target_kind, gone, spare = target
    mutated = redirect(provider, mutated, target_kind, gone, spare)
    mutated[target_kind] = [d for d in mutated[target_kind] if provider.kind(target_kind).key_of(d) != gone]
    folder = write_state(tmp_path / "mutated", provider, mutated, prune={k.name for k in kinds})
    plan = cli("plan", folder, "--emulator", "--out", "mixed.json")
    assert plan.code == 0, plan.text
    changes = json.loads((tmp_path / "mixed.json").read_text())["changes"]
    assert len(changes) >= TARGET
    reorders = {"reorder"} if any(k.ordered and k.capabilities.reorder for k in kinds) else set()  # none in Intercom
    assert {c["action"] for c in changes} >= {"create", "update", "delete"} | reorders
    assert {c["block"] for c in changes} == {k.block for k in kinds}
    assert {"action": "delete", "kind": target_kind, "key": gone} in [
        {k: c[k] for k in ("action", "kind", "key")} for c in changes]
    applied = cli("apply", "mixed.json", "--emulator")
    assert applied.code == 0, applied.text

    started = time.perf_counter()
    rolled = cli("rollback", "--emulator", "--auto-approve")
    elapsed = time.perf_counter() - started
    assert rolled.code == 0, rolled.text
    print(f"\nrollback of {len(changes)} changes: {elapsed:.2f}s")

    created = {k.name: [k.key_of(d) for d in copies(k, "new", copies_per_kind)] for k in kinds}
    assert not export_differences(minus_archived(provider, export(provider, tmp_path), created), before)
    ids_after = live_ids(provider, tmp_path)
    assert ids_after[target_kind][gone] != ids_before[target_kind][gone], "re-created with a new id"
    referrers = [(kind, key) for kind in provider.kinds for key, doc in before["objects"][kind.name].items()
                 if any(ref.target == target_kind for ref in kind.references) and gone in json.dumps(doc)]
    assert referrers, "something referred to the re-created object"
    assert f"re-created with a new id (old id {ids_before[target_kind][gone]})" in rolled.out
