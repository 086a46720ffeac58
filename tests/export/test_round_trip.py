"""Export then plan says "no changes", for every provider and every kind it has, on its
example account and on a seeded random account (2,000+ objects for Zendesk); a second export
of the unchanged account is byte-identical."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.provider import KNOWN_PROVIDERS
from provisioner.testing.random_account import Recipe, generate_account, templates_from
from tests.conftest import EXAMPLES
from tests.e2e_support import Account
from tests.export.support import ZENDESK_RECIPE_UNIQUE, adapter, available, files, save_account

RECIPES = {"zendesk": Recipe(unique=ZENDESK_RECIPE_UNIQUE)}


@pytest.mark.parametrize("name", KNOWN_PROVIDERS)
def test_export_of_the_example_account_plans_with_no_changes(cli, tmp_path: Path, name: str) -> None:
    provider = available(name)
    example = EXAMPLES / name
    assert example.is_dir(), f"the {name} provider has no example desired state at {example}"
    assert cli("apply", example, "--emulator", "--auto-approve").code == 0
    exported = cli("export", "out", "--provider", name, "--emulator")
    assert exported.code == 0, exported.text
    plan = cli("plan", "out", "--emulator", "--detailed-exitcode")
    assert plan.code == 0, plan.text
    assert plan.out.startswith("No changes."), plan.out

    # Every object of the example is in the export under its natural key, except the ones the
    # account itself owns (system objects: default group, system fields), unless others name them.
    wanted, _ = load_desired(example)
    got, _ = load_desired(tmp_path / "out")
    live = read_live(adapter(tmp_path, provider), provider.kinds)
    for kind in wanted.objects:
        system = {o.key for o in live.of(kind) if o.system}
        assert {o.key for o in wanted.of(kind)} - system <= {o.key for o in got.of(kind)}, kind
    first = files(tmp_path / "out")
    assert cli("export", "out", "--provider", name, "--emulator").code == 0
    assert files(tmp_path / "out") == first

    # Not vacuous: an object deleted in the account is one the exported YAML creates again.
    kind = next(k for k in reversed(provider.kinds) if got.of(k.name) and k.capabilities.delete
                and not any(k.name in other.targets for other in provider.kinds))
    victim = got.of(kind.name)[0]
    account = adapter(tmp_path, provider)
    live_id = next(o[kind.id_field] for o in account.read(kind) if kind.key_of(o) == victim.key)
    account.delete(kind, live_id)
    after = cli("plan", "out", "--emulator", "--detailed-exitcode")
    assert after.code == 2, after.text
    assert f"+ {kind.name} {victim.key!r}" in after.out


RANDOM = [("zendesk", 2000, 20240611), ("freshdesk", 300, 7), ("intercom", 300, 11)]


@pytest.mark.parametrize("name,total,seed", RANDOM, ids=[f"{n}-{t}" for n, t, _ in RANDOM])
def test_export_of_a_seeded_random_account_plans_with_no_changes(cli, tmp_path: Path, name: str, total: int,
                                                                 seed: int) -> None:
    provider = available(name)
    account = Account.fresh(name)
    account.converge(EXAMPLES / name)
    made = generate_account(provider, account.adapter(), templates_from(EXAMPLES / name), total=total, seed=seed,
                            recipe=RECIPES.get(name, Recipe()))
    assert made.total >= total * 0.9, made.stopped
    assert made.duplicates > 0
    save_account(account.emulator.dump(), tmp_path, name)

    exported = cli("export", "out", "--provider", name, "--emulator")
    assert exported.code == 0, exported.text
    count = int(re.search(r"Exported (\d+) objects", exported.out).group(1))
    assert count >= made.total
    pins = sum(text.count(b"\n    match_id: ") for text in files(tmp_path / "out").values())
    assert pins >= 2 * 1 and "share a" in exported.err  # duplicates are pinned, and said so
    plan = cli("plan", "out", "--emulator", "--detailed-exitcode")
    assert plan.code == 0, plan.text[:3000]
    assert plan.out.startswith("No changes."), plan.out[:3000]
    first = files(tmp_path / "out")
    assert cli("export", "out", "--provider", name, "--emulator").code == 0
    assert files(tmp_path / "out") == first
    if name == "zendesk":
        assert count >= 2000


def test_the_generator_is_reproducible_from_its_seed() -> None:
    dumps = []
    for _ in range(2):
        account = Account.fresh("zendesk")
        account.converge(EXAMPLES / "zendesk")
        generate_account(account.provider, account.adapter(), templates_from(EXAMPLES / "zendesk"), total=120,
                         seed=5, recipe=RECIPES["zendesk"])
        state = account.emulator.dump()
        dumps.append(repr({name: sorted((k, v.get("title") or v.get("name")) for k, v in col["items"].items())
                           for name, col in sorted(state["collections"].items())}))
    assert dumps[0] == dumps[1]
