"""One desired state, two accounts whose ids differ entirely: both plan cleanly, both converge to
the same configuration by natural key, and ``compare`` shows how two accounts differ."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.provider import load_provider
from provisioner.testing.random_account import Recipe, generate_account, templates_from
from tests.conftest import EXAMPLES, write_yaml
from tests.export.support import ZENDESK_RECIPE_UNIQUE, adapter

ZENDESK = load_provider("zendesk")
PROJECT = """\
environments:
  sandbox:
    env: {ZENDESK_SUBDOMAIN: acme-sandbox, ZENDESK_OAUTH_TOKEN: "${env:SANDBOX_TOKEN}"}
  production:
    env: {ZENDESK_SUBDOMAIN: acme, ZENDESK_OAUTH_TOKEN: "${env:PRODUCTION_TOKEN}"}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder: provisioner.yaml next to a copy of the Zendesk example."""
    root = tmp_path / "project"
    shutil.copytree(EXAMPLES / "zendesk", root / "zendesk")
    write_yaml(root, "provisioner.yaml", PROJECT)
    return root


def burn_ids(workdir: Path, environment: str) -> None:
    """Create and delete many more objects of every kind than the example has (5 at most), so
    that the ids the example gets here and in a fresh account cannot overlap."""
    account = adapter(workdir, ZENDESK, environment)
    before = {k.name: {o["id"] for o in account.read(k)} for k in ZENDESK.kinds}
    generate_account(ZENDESK, account, templates_from(EXAMPLES / "zendesk"), seed=3, counts={"*": 15},
                     recipe=Recipe(unique=ZENDESK_RECIPE_UNIQUE))  # more per kind than the example has
    for kind in reversed(ZENDESK.kinds):
        for obj in account.read(kind):
            if obj["id"] not in before[kind.name]:
                account.delete(kind, obj["id"])


def reversed_copy(source: Path, target: Path) -> Path:
    """The same desired state with every list in the opposite order (a different build order)."""
    for path in source.glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        flipped = {k: list(reversed(v)) if isinstance(v, list) else v for k, v in data.items()}
        write_yaml(target, path.name, yaml.safe_dump(flipped, sort_keys=False, allow_unicode=True))
    return target


def managed_ids(cli, desired: Path, environment: str) -> dict:  # type: ignore[no-untyped-def]
    result = cli("plan", desired, "--emulator", "--env", environment, "--json")
    assert result.code == 0, result.text
    return json.loads(result.out)["id_map"]


def test_one_yaml_converges_two_differently_built_accounts(cli, tmp_path: Path, project: Path) -> None:
    desired = project / "zendesk"
    assert cli("apply", desired, "--emulator", "--env", "sandbox", "--auto-approve").code == 0

    burn_ids(tmp_path, "production")
    flipped = reversed_copy(desired, project / "flipped")
    assert cli("apply", flipped, "--emulator", "--env", "production", "--auto-approve").code == 0
    adopt = cli("plan", desired, "--emulator", "--env", "production", "--json")
    assert adopt.code == 0, adopt.text
    assert {c["action"] for c in json.loads(adopt.out)["changes"]} == {"reorder"}  # nothing created twice
    assert cli("apply", desired, "--emulator", "--env", "production", "--auto-approve").code == 0

    for environment in ("sandbox", "production"):
        assert cli("plan", desired, "--emulator", "--env", environment, "--detailed-exitcode").code == 0
    sandbox, production = managed_ids(cli, desired, "sandbox"), managed_ids(cli, desired, "production")
    state, _ = load_desired(desired)
    seeded = read_live(adapter(tmp_path, ZENDESK, "sandbox"), ZENDESK.kinds)
    for kind, objects in state.objects.items():  # every object the YAML created has other ids
        if ZENDESK.kind(kind).singleton:
            continue
        made = [o.key for o in objects if not any(s.system for s in seeded.matching(kind, o.key))]
        assert all(sandbox[kind][key] != production[kind][key] for key in made), (kind, [(k, sandbox[kind][k]) for k in made if sandbox[kind][k] == production[kind][k]])

    same = cli("compare", "--env", "sandbox", "--env", "production", desired, "--emulator", "--detailed-exitcode")
    assert same.code == 0, same.text
    assert "No differences" in same.out
    exports = {}
    for environment in ("sandbox", "production"):  # each account as YAML: same by natural key
        folder = project / "exports" / environment
        assert cli("export", folder, "--provider", "zendesk", "--emulator", "--env", environment).code == 0
        exports[environment], _ = load_desired(folder)
    for kind, objects in state.objects.items():
        for obj in objects:
            docs = [exports[e].find(kind, obj.key).doc for e in ("sandbox", "production")]
            assert docs[0] == docs[1], (kind, obj.key)


def test_compare_shows_what_a_promotion_would_change(cli, tmp_path: Path, project: Path) -> None:
    desired = project / "zendesk"
    for environment in ("sandbox", "production"):
        assert cli("apply", desired, "--emulator", "--env", environment, "--auto-approve").code == 0
    sandbox = adapter(tmp_path, ZENDESK, "sandbox")
    sandbox.create(ZENDESK.kind("groups"), {"name": "Escalations"})
    billing = next(g for g in sandbox.read(ZENDESK.kind("groups")) if g["name"] == "Billing")
    sandbox.update(ZENDESK.kind("groups"), billing["id"], {"description": "Refunds only"}, {})
    automations = ZENDESK.kind("automations")
    sandbox.reorder(automations, list(reversed([a["id"] for a in sandbox.read(automations)])))
    adapter(tmp_path, ZENDESK, "production").create(ZENDESK.kind("groups"), {"name": "Legacy team"})
    shutil.copy(project / "provisioner.yaml", tmp_path / "provisioner.yaml")  # found from the working folder

    result = cli("compare", "--env", "sandbox", "--env", "production", "--emulator", "--provider", "zendesk",
                 "--detailed-exitcode")
    assert result.code == 2, result.text
    out = result.out
    assert "Comparing sandbox (sandbox.emulator.zendesk.invalid) with production" in out
    assert "+ 'Escalations' only in sandbox: a promotion creates it" in out
    assert "- 'Legacy team' only in production" in out
    assert "~ 'Billing'" in out and 'description: "Invoices, refunds and plan changes" → "Refunds only"' in out
    assert "↕ order in sandbox: Close pending tickets after 7 days without a reply ›" in out
    assert "360000" not in out  # natural keys only, never ids
    as_json = cli("compare", "--env", "sandbox", "--env", "production", "--provider", "zendesk", "--emulator", "--json")
    data = json.loads(as_json.out)
    groups = next(k for k in data["kinds"] if k["kind"] == "groups")
    assert groups["only_source"] == ["Escalations"] and groups["only_target"] == ["Legacy team"]
    assert [d["key"] for d in groups["differ"]] == ["Billing"]

    # With a desired state, only what it manages: its objects, and their order among themselves.
    scoped = cli("compare", "--env", "sandbox", "--env", "production", desired, "--emulator")
    assert "~ 'Billing'" in scoped.out and "Escalations" not in scoped.out and "Legacy team" not in scoped.out
    assert "automations" not in scoped.out  # the YAML manages one automation: its order cannot differ


def test_compare_needs_two_environments(cli, project: Path) -> None:
    result = cli("compare", "--env", "sandbox", project / "zendesk", "--emulator")
    assert result.code == 1 and "compare needs two different environments" in result.err
