"""For every kind: export, apply a change that creates, updates and deletes (and reorders where
the kind is ordered), roll back, export again: the two exports are identical.

Exports are ``provisioner export`` of the emulated account, loaded back. The change copies an
object of the provider's example under new natural keys: the copies are what is created and
deleted, so nothing else has to change with them, and it starts from the export, so pruning the
kind deletes nothing but the copy. Where a copy is not a new object (a membership is known by
its group) or the provider refuses one (a Freshdesk section's choices belong to one section),
the example's own object is edited, deleted and created again in three apply-and-rollback
cycles; a kind the API can only update gets the edit cycle. Where the API cannot delete
(``delete_means``: archive), undoing a create archives the object, so it may stay in the export.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

import pytest

from provisioner.kind import Kind
from provisioner.provider import Provider, load_provider
from tests.rollback.support import (Docs, copyable, edit_one, edited, example_docs, export_differences, exported, kind_cases,
                                    minus_archived, references_in, renamed, sample_objects, swap_first_two,
                                    write_state)


def latest_record(workdir: Path) -> dict:
    records = [json.loads(p.read_text()) for p in (workdir / ".provisioner" / "history").glob("*/record.json")]
    return max(records, key=lambda r: r["started_at"])


def done_actions(workdir: Path, kind: Kind) -> set[str]:
    return {c["action"] for c in latest_record(workdir)["changes"] if c["status"] == "done" and c["kind"] == kind.name}


def undo_cycle(cli, workdir: Path, provider: Provider, kind: Kind, label: str,  # type: ignore[no-untyped-def]
               mutate: Callable[[Docs], Docs], expected: set[str], *, created: list[str] = (),  # type: ignore[assignment]
               prune: set[str] | None = None, unless_refused: Callable[[Docs], Docs] | None = None) -> None:
    """Export, apply ``mutate(export)``, roll back, export again: identical.

    ``unless_refused`` is the change to make instead when a plan-time check refuses the first
    (trigger categories cannot move without their triggers); it makes no reorder."""
    before = exported(cli, workdir, provider, f"{label}-before")
    change = write_state(workdir / f"{label}-change", provider, mutate(before), prune=prune or {kind.name})
    if unless_refused is not None and cli("plan", change, "--emulator").code == 1:
        change = write_state(workdir / f"{label}-change-2", provider, unless_refused(before), prune=prune or {kind.name})
        expected = expected - {"reorder"}
    applied = cli("apply", change, "--emulator", "--auto-approve")
    assert applied.code == 0, applied.text
    assert expected <= done_actions(workdir, kind), applied.out
    rolled = cli("rollback", "--emulator", "--auto-approve")
    assert rolled.code == 0, rolled.text
    assert "Apply complete" in rolled.out
    after = minus_archived(provider, exported(cli, workdir, provider, f"{label}-after"), {kind.name: list(created)})
    assert not export_differences(after, before)


@pytest.mark.parametrize(("provider_name", "kind_name"), kind_cases())
def test_rollback_restores_an_identical_export(cli, tmp_path: Path, provider_name: str, kind_name: str) -> None:
    provider = load_provider(provider_name)
    kind = provider.kind(kind_name)
    docs = example_docs(provider)
    docs[kind.name] = docs.get(kind.name) or sample_objects(provider, kind)[:1]
    if kind.capabilities.create and not kind.capabilities.delete:
        start(cli, tmp_path, provider, docs)
        undoing_a_create_is_refused(cli, tmp_path, provider, kind, docs)
        if edit_one(kind, docs[kind.name]):
            edit_cycle(cli, tmp_path, provider, kind)
    elif not (kind.capabilities.create and kind.capabilities.delete):
        start(cli, tmp_path, provider, docs)
        edit_cycle(cli, tmp_path, provider, kind)
    elif not copyable(kind) or not copy_accepted(cli, tmp_path, provider, kind, docs):
        three_cycles(cli, tmp_path, provider, kind, docs)
    else:
        mine = docs[kind.name]
        doomed, created = renamed(kind, mine[-1], "to delete"), renamed(kind, mine[-1], "new")

        def mutate(before: Docs, *, swap: bool = True) -> Docs:
            own = [d for d in before[kind.name] if kind.key_of(d) != kind.key_of(doomed)]
            own = (edit_one(kind, own) or own) + [created]
            return {**before, kind.name: swap_first_two(own) if kind.ordered and swap else own}

        expected = {"create", "delete"} | ({"update"} if edit_one(kind, mine) else set())
        if kind.ordered and len(mine) >= 2:
            expected.add("reorder")
        undo_cycle(cli, tmp_path, provider, kind, "copies", mutate, expected, created=[kind.key_of(created)],
                   unless_refused=lambda before: mutate(before, swap=False))


def start(cli, workdir: Path, provider: Provider, docs: Docs) -> None:  # type: ignore[no-untyped-def]
    result = cli("apply", write_state(workdir / "example", provider, docs), "--emulator", "--auto-approve")
    assert result.code == 0, result.text


def copy_accepted(cli, workdir: Path, provider: Provider, kind: Kind, docs: Docs) -> bool:  # type: ignore[no-untyped-def]
    """Apply the example plus a copy to delete later; False (and a fresh account) when the copy
    is refused by a plan-time check or by the API."""
    doomed = renamed(kind, docs[kind.name][-1], "to delete")
    result = cli("apply", write_state(workdir / "baseline", provider, {**docs, kind.name: [*docs[kind.name], doomed]}),
                 "--emulator", "--auto-approve")
    # The copy or its original may be the one refused: creates of one kind go side by side, so
    # when they clash (a brand's subdomain) either may lose the race.
    keys = [kind.key_of(doc) for doc in [*docs[kind.name], doomed]]
    if result.code and any(f"{kind.name}[{key!r}]" in result.out or f"{kind.name} {key!r} (create)" in result.err
                           for key in keys):
        shutil.rmtree(workdir / ".provisioner", ignore_errors=True)
        return False
    assert result.code == 0, result.text
    return True


def undoing_a_create_is_refused(cli, workdir: Path, provider: Provider, kind: Kind,  # type: ignore[no-untyped-def]
                                docs: Docs) -> None:
    """The API can create but not delete (nor archive): rollback says it cannot undo the create,
    with the reason the kind declares, and writes nothing."""
    created = renamed(kind, docs[kind.name][-1], "new")
    before = exported(cli, workdir, provider, "refused-before")
    applied = cli("apply", write_state(workdir / "refused-change", provider, {**before, kind.name: [*before[kind.name], created]}),
                  "--emulator", "--auto-approve")
    assert applied.code == 0, applied.text
    after_apply = exported(cli, workdir, provider, "refused-applied")
    refused = cli("rollback", "--emulator", "--auto-approve")
    assert refused.code == 1
    assert f"error cannot_delete {kind.name}[{kind.key_of(created)!r}]" in refused.out
    assert kind.capabilities.why_not.get("delete", "") in refused.out
    assert not export_differences(exported(cli, workdir, provider, "refused-after"), after_apply)
    cli("apply", write_state(workdir / "refused-back", provider, after_apply), "--emulator", "--auto-approve")


def edit_cycle(cli, workdir: Path, provider: Provider, kind: Kind) -> None:  # type: ignore[no-untyped-def]
    def mutate(before: Docs) -> Docs:
        return {**before, kind.name: edit_one(kind, before[kind.name])}

    undo_cycle(cli, workdir, provider, kind, "edit", mutate, {"update"})


def three_cycles(cli, workdir: Path, provider: Provider, kind: Kind, docs: Docs) -> None:  # type: ignore[no-untyped-def]
    """Edit, delete and create the example's own last object of the kind, rolling back each."""
    start(cli, workdir, provider, docs)
    target = docs[kind.name][-1]
    key = kind.key_of(target)
    users = {(r[0], r[1]) for r in references_in(provider, docs) if (r[2], r[3]) == (kind.name, key)}
    gone = users | {(kind.name, key)}
    prune = {kind.name} | {name for name, _ in users}

    def without(before: Docs) -> Docs:
        return {name: [d for d in objs if (name, provider.kind(name).key_of(d)) not in gone] for name, objs in before.items()}

    def with_edit(before: Docs) -> Docs:
        return {**before, kind.name: [edited(kind, d) if kind.key_of(d) == key else d for d in before[kind.name]]}

    def with_target(before: Docs) -> Docs:
        back = {name: [*objs, *[d for d in docs.get(name) or [] if (name, provider.kind(name).key_of(d)) in gone]]
                for name, objs in before.items()}
        return back

    if edited(kind, target) is not None:
        undo_cycle(cli, workdir, provider, kind, "edit", with_edit, {"update"})
    undo_cycle(cli, workdir, provider, kind, "delete", without, {"delete"}, prune=prune)
    result = cli("apply", write_state(workdir / "without", provider, without(docs), prune=prune), "--emulator",
                 "--auto-approve")
    assert result.code == 0, result.text
    undo_cycle(cli, workdir, provider, kind, "create", with_target, {"create"}, created=[key], prune=prune)
