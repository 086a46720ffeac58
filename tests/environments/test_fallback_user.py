"""People are named by email and checked against the target account at plan time: a person
missing there is a ``missing_user`` error before any request, or, with ``fallback_user`` in
``provisioner.yaml``, the fallback with a warning. The mechanism applies to any reference whose
target kind is keyed by email; this test declares one (views restricted to a user) on top of
the Zendesk provider, against the Zendesk emulator's real users endpoint."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from provisioner.kind import READ_ONLY, Kind
from provisioner.provider import load_provider
from provisioner.references import Ref
from tests.conftest import write_yaml
from tests.export.support import adapter

ZENDESK = load_provider("zendesk")
PEOPLE = Kind(name="test_people", block=2, natural_key="email", path="/api/v2/users", list_key="users",
              capabilities=READ_ONLY, is_system=lambda raw: True)
VIEWS = dataclasses.replace(ZENDESK.kind("views"), references=ZENDESK.kind("views").references + (
    Ref("restriction.id", "test_people", when=("type", ("User",))),))
VARIANT = dataclasses.replace(ZENDESK, kinds=(PEOPLE,) + tuple(VIEWS if k.name == "views" else k
                                                                for k in ZENDESK.kinds))


def view(email: str) -> str:
    return ("provider: zendesk\nviews:\n  - title: Owner's queue\n"
            f"    restriction: {{type: User, id: {email}}}\n"
            "    conditions:\n      all:\n        - {field: status, operator: less_than, value: solved}\n")


@pytest.fixture(autouse=True)
def people_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("provisioner.desired.load.load_provider", lambda name: VARIANT)
    monkeypatch.setattr("provisioner.cli.commands_apply.load_provider", lambda name: VARIANT)


def restricted_to(tmp_path: Path) -> int:
    found = next(v for v in adapter(tmp_path, VARIANT).read(VIEWS) if v["title"] == "Owner's queue")
    return found["restriction"]["id"]


def test_a_missing_person_is_a_plan_error_before_any_request(cli, tmp_path: Path) -> None:
    write_yaml(tmp_path / "state", "views.yaml", view("jane@example.com"))
    assert cli("validate", "state").code == 0  # people are not declared in the YAML
    result = cli("plan", "state", "--emulator")
    assert result.code == 1
    assert ("error missing_user views[\"Owner's queue\"]: restriction.id names test_people 'jane@example.com', "
            "who is not in the account emulator.zendesk.invalid") in result.out
    assert "set fallback_user in provisioner.yaml" in result.out and "views.yaml:4" in result.out
    assert cli("apply", "state", "--emulator", "--auto-approve").code == 1
    assert not [v for v in adapter(tmp_path, VARIANT).read(VIEWS) if v["title"] == "Owner's queue"]


def test_the_fallback_stands_in_with_a_warning_and_converges(cli, tmp_path: Path) -> None:
    write_yaml(tmp_path / "state", "views.yaml", view("jane@example.com"))
    write_yaml(tmp_path / "state", "provisioner.yaml", "fallback_user: Owner@Example.com\n")
    plan = cli("plan", "state", "--emulator")
    assert plan.code == 0, plan.text
    assert "warning missing_user" in plan.out and "using the fallback 'owner@example.com'" in plan.out
    assert cli("apply", "state", "--emulator", "--auto-approve").code == 0
    owner = next(u for u in adapter(tmp_path, VARIANT).read(PEOPLE) if u["email"] == "owner@example.com")
    assert restricted_to(tmp_path) == owner["id"]
    again = cli("plan", "state", "--emulator", "--detailed-exitcode")
    assert again.code == 0 and "warning missing_user" in again.out


def test_emails_match_whatever_their_case(cli, tmp_path: Path) -> None:
    write_yaml(tmp_path / "state", "views.yaml", view("OWNER@example.COM"))
    assert cli("apply", "state", "--emulator", "--auto-approve").code == 0
    again = cli("plan", "state", "--emulator", "--detailed-exitcode")
    assert again.code == 0, again.text
    assert "missing_user" not in again.out


def test_a_missing_fallback_is_an_error_too(cli, tmp_path: Path) -> None:
    write_yaml(tmp_path / "state", "views.yaml", view("jane@example.com"))
    write_yaml(tmp_path / "state", "provisioner.yaml", "fallback_user: nobody@example.com\n")
    result = cli("plan", "state", "--emulator")
    assert result.code == 1 and "the fallback_user 'nobody@example.com' is not in the account either" in result.out


def test_zendesk_group_memberships_name_agents_the_same_way(cli, tmp_path: Path) -> None:
    members = ("provider: zendesk\ngroups:\n  - name: Night shift\n"
               "group_memberships:\n  - group: Night shift\n    agents: [jane@example.com]\n")
    write_yaml(tmp_path / "state", "members.yaml", members)
    result = cli("plan", "state", "--emulator")
    assert result.code == 1
    assert "missing_user group_memberships['Night shift']: agents[0] names agents 'jane@example.com'" in \
        " ".join(result.out.split())
    write_yaml(tmp_path / "state", "provisioner.yaml", "fallback_user: owner@example.com\n")
    assert cli("apply", "state", "--emulator", "--auto-approve").code == 0
    again = cli("plan", "state", "--emulator", "--detailed-exitcode")
    assert again.code == 0 and "using the fallback 'owner@example.com'" in " ".join(again.out.split())
