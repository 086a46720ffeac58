"""``provisioner.yaml``: environments, variables, and the mistakes it refuses (one line each,
naming file and line, before any request)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, write_yaml

EXAMPLE = EXAMPLES / "zendesk"

PROJECT = """\
variables:
  escalation_group: Support Tier 2
  vip_priority: high
environments:
  sandbox:
    env:
      ZENDESK_SUBDOMAIN: acme-sandbox
      ZENDESK_OAUTH_TOKEN: ${env:SANDBOX_ZENDESK_TOKEN}
    variables:
      escalation_group: Support Tier 1
  production:
    env:
      ZENDESK_SUBDOMAIN: acme
      ZENDESK_OAUTH_TOKEN: ${env:PROD_ZENDESK_TOKEN}
"""

ROUTING = """\
provider: zendesk
groups:
  - name: Support Tier 1
  - name: Support Tier 2
triggers:
  - title: VIP customers
    conditions:
      all:
        - {field: update_type, operator: is, value: Create}
    actions:
      - {field: group_id, value: "${var.escalation_group}"}
      - {field: priority, value: "${var.vip_priority}"}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "config"
    write_yaml(folder, "provisioner.yaml", PROJECT)
    write_yaml(folder, "routing.yaml", ROUTING)
    return folder


def trigger_actions(plan: dict) -> list:
    return next(c["after"]["actions"] for c in plan["changes"] if c["kind"] == "triggers")


def test_variables_differ_per_environment(cli, project: Path) -> None:
    sandbox = cli("plan", project, "--emulator", "--env", "sandbox", "--json")
    production = cli("plan", project, "--env", "production", "--emulator", "--json")
    assert sandbox.code == 0 and production.code == 0, sandbox.text + production.text
    assert trigger_actions(json.loads(sandbox.out)) == [{"field": "group_id", "value": "Support Tier 1"},
                                                        {"field": "priority", "value": "high"}]
    assert trigger_actions(json.loads(production.out))[0] == {"field": "group_id", "value": "Support Tier 2"}
    assert json.loads(sandbox.out)["account"] == "sandbox.emulator.zendesk.invalid"
    assert json.loads(production.out)["account"] == "production.emulator.zendesk.invalid"


def test_each_environment_has_its_own_embedded_account(cli, project: Path, tmp_path: Path) -> None:
    assert cli("apply", project, "--emulator", "--env", "sandbox", "--auto-approve").code == 0
    assert (tmp_path / ".provisioner" / "emulator" / "sandbox" / "zendesk.json").is_file()
    assert cli("plan", project, "--emulator", "--env", "sandbox", "--detailed-exitcode").code == 0
    assert cli("plan", project, "--emulator", "--env", "production", "--detailed-exitcode").code == 2
    saved = cli("plan", project, "--emulator", "--env", "production", "--out", project / "plans" / "prod.json")
    assert saved.code == 0
    wrong = cli("apply", project / "plans" / "prod.json", "--emulator", "--env", "sandbox")
    assert wrong.code == 1 and "plan was made for account production.emulator.zendesk.invalid" in wrong.err


def test_an_undefined_variable_names_file_line_and_field(cli, project: Path) -> None:
    (project / "routing.yaml").write_text(ROUTING.replace("${var.vip_priority}", "${var.vip_prio}"))
    result = cli("validate", project, "--env", "production")
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.text
    assert "routing.yaml:12: triggers.actions[1].value: undefined variable 'vip_prio'" in lines[0]
    assert "escalation_group, vip_priority" in lines[0]


def test_a_mistyped_placeholder_is_refused(cli, project: Path) -> None:
    (project / "routing.yaml").write_text(ROUTING.replace("${var.vip_priority}", "${env.PRIORITY}"))
    result = cli("validate", project)
    assert result.code == 1 and "write ${var.NAME} for a variable or ${env:NAME}" in result.err


def test_validate_works_without_credentials_and_plan_names_the_missing_one(cli, project: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROD_ZENDESK_TOKEN", raising=False)
    assert cli("validate", project, "--env", "production").code == 0
    result = cli("plan", project, "--env", "production")
    assert result.code == 1
    assert "provisioner.yaml:14: environments.production.env.ZENDESK_OAUTH_TOKEN: ${env:PROD_ZENDESK_TOKEN} " \
           "is not set" in result.err


def test_a_literal_credential_is_refused_and_never_shown(cli, project: Path) -> None:
    (project / "provisioner.yaml").write_text(PROJECT.replace("${env:PROD_ZENDESK_TOKEN}", "tok-3x4mpl3-s3cr3t"))
    result = cli("plan", project, "--env", "sandbox", "--emulator")
    assert result.code == 1
    assert "provisioner.yaml:14: environments.production.env.ZENDESK_OAUTH_TOKEN: a credential must be written " \
           "${env:NAME}" in result.err
    assert "tok-3x4mpl3-s3cr3t" not in result.text


def test_unknown_environment_and_settings_are_named(cli, project: Path) -> None:
    result = cli("plan", project, "--env", "sandbx", "--emulator")
    assert result.code == 1 and "defines no such environment (defined: production, sandbox)" in result.err
    assert "did you mean 'sandbox'" in result.err
    (project / "provisioner.yaml").write_text(PROJECT.replace("    variables:\n      escalation_group: Support Tier 1",
                                                              "    variabels:\n      escalation_group: Support Tier 1"))
    result = cli("plan", project, "--env", "sandbox", "--emulator")
    assert result.code == 1 and "provisioner.yaml:9: environments.sandbox.variabels: unknown setting" in result.err


def test_env_needs_a_project_file_and_only_compare_takes_two(cli, tmp_path: Path) -> None:
    result = cli("plan", EXAMPLE, "--env", "sandbox", "--emulator")
    assert result.code == 1 and "--env sandbox: no provisioner.yaml" in result.err
    result = cli("plan", EXAMPLE, "--env", "sandbox", "--env", "production", "--emulator")
    assert result.code == 1 and "only 'compare' takes two" in result.err


def test_a_default_environment_applies_without_env(cli, project: Path) -> None:
    (project / "provisioner.yaml").write_text(PROJECT + "default_environment: sandbox\n")
    result = cli("plan", project, "--emulator", "--json")
    assert result.code == 0 and '"account": "sandbox.emulator.zendesk.invalid"' in result.out


def test_a_single_account_user_needs_no_project_file(cli) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    assert cli("plan", EXAMPLE, "--emulator", "--detailed-exitcode").code == 0
