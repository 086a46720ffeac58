"""Every drift kind on every provider's emulator: the example desired state applied, then
changed out of band with the provider's own client, and the report says exactly that."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from provisioner.apply import payload
from provisioner.provider import load_provider
from provisioner.references import KeyTable
from tests.conftest import EXAMPLES
from tests.drift.support import FIXTURE, hand_adapter, ignore_seeded


@dataclass(frozen=True)
class Scenario:
    provider: str
    modify: tuple[str, str, str]           # kind, key, field set to "changed by hand"
    delete: tuple[str, str]                # kind, key
    create: tuple[str, dict]               # kind, body of an object the YAML does not declare
    reorder: str | None = None             # an ordered kind with at least two declared objects
    source: Path | None = None             # the desired state (default: the provider's example)


SCENARIOS = [
    Scenario("zendesk", ("groups", "Billing", "description"), ("macros", "Escalate to Billing"),
             ("groups", {"name": "Made by hand"}), "triggers", FIXTURE),
    Scenario("freshdesk", ("groups", "Billing", "description"), ("ticket_creation_rules", "Route refunds to Billing"),
             ("groups", {"name": "Made by hand"}), "ticket_creation_rules"),
    Scenario("intercom", ("collections", "Billing", "description"), ("articles", "Install the desktop app"),
             ("tags", {"name": "made-by-hand"})),
]


@pytest.fixture(params=SCENARIOS, ids=[s.provider for s in SCENARIOS])
def scenario(request, cli, tmp_path: Path) -> tuple[Scenario, Path]:
    case: Scenario = request.param
    folder = tmp_path / "desired"
    shutil.copytree(case.source or EXAMPLES / case.provider, folder)
    applied = cli("apply", folder, "--emulator", "--auto-approve")
    assert applied.code == 0, applied.text
    ignore_seeded(cli, folder, "--emulator")
    clean = cli("drift", folder, "--emulator")
    assert clean.code == 0, clean.text
    return case, folder


def ids_by_key(cli, folder: Path) -> dict:
    return json.loads(cli("plan", folder, "--emulator", "--json").out)["id_map"]


def drift(cli, folder: Path) -> list[tuple]:
    result = cli("drift", folder, "--emulator", "--format", "json")
    assert result.code == 2, result.text
    return [(i["type"], i["kind"], i["key"], tuple(f["path"] for f in i["fields"])) for i in json.loads(result.out)["drift"]]


def test_modified(cli, scenario, tmp_path: Path) -> None:
    case, folder = scenario
    kind_name, key, field = case.modify
    provider, ids = load_provider(case.provider), ids_by_key(cli, folder)
    kind = provider.kind(kind_name)
    adapter = hand_adapter(tmp_path, case.provider)
    before = next(o for o in adapter.read(kind) if str(o[kind.id_field]) == str(ids[kind_name][key]))
    adapter.update(kind, ids[kind_name][key], payload(kind, {field: "changed by hand"}, KeyTable()), before)
    assert drift(cli, folder) == [("modified", kind_name, key, (field,))]


def test_missing(cli, scenario, tmp_path: Path) -> None:
    case, folder = scenario
    kind_name, key = case.delete
    kind = load_provider(case.provider).kind(kind_name)
    hand_adapter(tmp_path, case.provider).delete(kind, ids_by_key(cli, folder)[kind_name][key])
    assert drift(cli, folder) == [("missing", kind_name, key, ())]


def test_unmanaged(cli, scenario, tmp_path: Path) -> None:
    case, folder = scenario
    kind_name, body = case.create
    kind = load_provider(case.provider).kind(kind_name)
    hand_adapter(tmp_path, case.provider).create(kind, payload(kind, body, KeyTable()))
    assert drift(cli, folder) == [("unmanaged", kind_name, kind.key_of(body), ())]


def test_order_changed(cli, scenario, tmp_path: Path) -> None:
    case, folder = scenario
    if case.reorder is None:
        assert not any(k.ordered and k.capabilities.reorder for k in load_provider(case.provider).kinds)
        return  # the provider orders nothing, so order cannot drift
    kind = load_provider(case.provider).kind(case.reorder)
    adapter = hand_adapter(tmp_path, case.provider)
    ids = [obj[kind.id_field] for obj in adapter.read(kind)]
    adapter.reorder(kind, list(reversed(ids)))
    assert drift(cli, folder) == [("order_changed", case.reorder, "(order)", ())]
