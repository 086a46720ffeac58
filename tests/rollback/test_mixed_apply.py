"""A mixed apply of 200+ changes across every block rolls back to an identical export,
including references to objects that rollback re-creates with new ids."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from provisioner.provider import load_provider
from tests.rollback.support import (PROVIDERS, Docs, copyable, edit_one, edited, example_docs, export_differences,
                                    exported, kinds_to_exercise, live_ids, minus_archived, redirect,
                                    referenced_target, renamed, write_state)

TARGET = 200


def copies_needed(kinds, docs) -> int:  # type: ignore[no-untyped-def]
    """Copies per kind so that deleting half the old ones, editing the other half and adding as
    many new ones comes to at least TARGET changes."""
    count = 2
    while sum(count // 2 + (count // 2 if edited(k, docs[k.name][-1], formatted=False) else 0) + count
              for k in kinds) < TARGET:
        count += 2
    return count


@pytest.mark.parametrize("provider_name", PROVIDERS)
def test_two_hundred_mixed_changes_roll_back_to_an_identical_export(cli, tmp_path: Path, provider_name: str,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    provider = load_provider(provider_name)
    kinds = [k for k in kinds_to_exercise(provider) if copyable(k)]
    docs = example_docs(provider)

    def copies(kind, label: str) -> list[dict]:  # type: ignore[no-untyped-def]
        return [renamed(kind, docs[kind.name][-1], f"{label} {n}") for n in range(1, count + 1)]

    while True:  # leave out kinds whose copies the provider refuses (a section's choices are its own)
        count = copies_needed(kinds, docs)
        baseline = {**docs, **{k.name: docs[k.name] + copies(k, "old") for k in kinds}}
        first = cli("apply", write_state(tmp_path / "baseline", provider, baseline), "--emulator", "--auto-approve")
        # Any object of the kind may be the one refused: creates of one kind go side by side, so
        # when a copy clashes with its original (a brand's subdomain) either may lose the race.
        refused = [k for k in kinds if any(f"{k.name}[{k.key_of(d)!r}]" in first.out
                                           or f"{k.name} {k.key_of(d)!r} (create)" in first.err
                                           for d in baseline[k.name])]
        if first.code == 0 or not refused:
            break
        kinds = [k for k in kinds if k not in refused]
        shutil.rmtree(tmp_path / ".provisioner", ignore_errors=True)
    assert first.code == 0, first.text
    before = exported(cli, tmp_path, provider, "export-before")
    ids_before = live_ids(provider, tmp_path)

    # From the export (every live object declared): delete half the old copies, edit the other
    # half and one object per kind, add new copies, swap two old copies of each ordered kind,
    # and delete an object others refer to, pointing them at another one.
    mutated: Docs = dict(before)
    for kind in kinds:
        olds = {kind.key_of(d) for d in copies(kind, "old")}
        doomed = {kind.key_of(d) for d in copies(kind, "old")[0::2]}
        own = [d for d in before[kind.name] if kind.key_of(d) not in doomed]
        own = [edited(kind, d, "v2", formatted=False) or d if kind.key_of(d) in olds else d for d in own]
        originals = [d for d in own if kind.key_of(d) not in olds]
        own = (edit_one(kind, originals) or originals) + [d for d in own if kind.key_of(d) in olds]
        if kind.ordered:
            kept = [i for i, d in enumerate(own) if kind.key_of(d) in olds][:2]
            own[kept[0]], own[kept[1]] = own[kept[1]], own[kept[0]]
        mutated[kind.name] = own + copies(kind, "new")
    target = referenced_target(provider, docs)
    assert target, "the example has no object that others refer to"
    target_kind, gone, spare = target
    mutated = redirect(provider, mutated, target_kind, gone, spare)
    mutated[target_kind] = [d for d in mutated[target_kind] if provider.kind(target_kind).key_of(d) != gone]
    folder = write_state(tmp_path / "mutated", provider, mutated, prune={k.name for k in kinds} | {target_kind})
    plan = cli("plan", folder, "--emulator", "--out", "mixed.json")
    assert plan.code == 0, plan.text
    changes = json.loads((tmp_path / "mixed.json").read_text())["changes"]
    assert len(changes) >= TARGET
    assert {c["action"] for c in changes} >= {"create", "update", "delete"} | (
        {"reorder"} if any(k.ordered for k in kinds) else set())
    assert {c["block"] for c in changes} == {k.block for k in kinds}
    assert ("delete", target_kind, gone) in {(c["action"], c["kind"], c["key"]) for c in changes}
    applied = cli("apply", "mixed.json", "--emulator")
    assert applied.code == 0, applied.text

    started = time.perf_counter()
    rolled = cli("rollback", "--emulator", "--auto-approve")
    elapsed = time.perf_counter() - started
    assert rolled.code == 0, rolled.text
    with capsys.disabled():  # a figure for the issue notes, not a timed assertion
        print(f"\n{provider_name}: rollback of an apply of {len(changes)} changes took {elapsed:.2f}s")

    created = {k.name: [k.key_of(d) for d in copies(k, "new")] for k in kinds}
    after = minus_archived(provider, exported(cli, tmp_path, provider, "export-after"), created)
    assert not export_differences(after, before)
    ids_after = live_ids(provider, tmp_path)
    assert ids_after[target_kind][gone] != ids_before[target_kind][gone], "re-created with a new id"
    referrers = [(r, d) for r in provider.kinds for d in before[r.name]
                 if any(ref.target == target_kind for ref in r.references) and json.dumps(gone) in json.dumps(d)]
    assert referrers, "objects referred to the re-created one, and the identical export shows they still do"
    assert f"re-created with a new id (old id {ids_before[target_kind][gone]})" in rolled.out
