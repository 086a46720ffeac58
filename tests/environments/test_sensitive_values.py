"""``${env:NAME}`` values are sensitive: plans keep the reference, output shows ``(sensitive)``,
the diff compares the resolved value and apply resolves it where it runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provisioner.provider import load_provider
from tests.conftest import write_yaml
from tests.export.support import adapter

ZENDESK = load_provider("zendesk")
FIRST, SECOND = "hook-s3cr3t-0001", "hook-s3cr3t-0002"
MACRO = """\
provider: zendesk
macros:
  - title: Hand over to the on-call bridge
    actions:
      - {field: comment_mode_is_public, value: "false"}
      - {field: comment_value, value: "Bridge token ${env:BRIDGE_TOKEN}; literal $${env:BRIDGE_TOKEN} stays text"}
"""


def everything_written(tmp_path: Path) -> str:
    """Every file the tool wrote under the working folder except the emulated account itself."""
    texts = []
    for path in tmp_path.rglob("*"):
        if path.is_file() and "emulator" not in path.parts:
            texts.append(path.read_text(errors="replace"))
    return "\n".join(texts)


def live_comment(tmp_path: Path) -> str:
    macro = next(m for m in adapter(tmp_path, ZENDESK).read(ZENDESK.kind("macros"))
                 if m["title"] == "Hand over to the on-call bridge")
    return next(a["value"] for a in macro["actions"] if a["field"] == "comment_value")


def test_plans_keep_the_reference_and_apply_resolves_it(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_yaml(tmp_path / "state", "macros.yaml", MACRO)
    monkeypatch.setenv("BRIDGE_TOKEN", FIRST)
    created = cli("plan", "state", "--emulator", "--out", "plans/create.json")
    assert created.code == 0, created.text
    assert "${env:BRIDGE_TOKEN}" in (tmp_path / "plans" / "create.json").read_text()
    assert cli("apply", "plans/create.json", "--emulator").code == 0
    assert live_comment(tmp_path) == f"Bridge token {FIRST}; literal ${{env:BRIDGE_TOKEN}} stays text"
    assert cli("plan", "state", "--emulator", "--detailed-exitcode").code == 0  # compared resolved

    monkeypatch.setenv("BRIDGE_TOKEN", SECOND)  # rotated: the plan shows a change, never a value
    rotated = cli("plan", "state", "--emulator", "--out", "plans/rotate.json", "--detailed-exitcode")
    assert rotated.code == 2, rotated.text
    assert 'actions[1].value: "(sensitive)" → "Bridge token (sensitive); literal $${env:BRIDGE_TOKEN} stays text"' \
        in rotated.out
    saved = json.loads((tmp_path / "plans" / "rotate.json").read_text())
    change = saved["changes"][0]
    assert change["after"]["actions"][1]["value"].startswith("Bridge token ${env:BRIDGE_TOKEN}")
    assert change["before"]["actions"][1]["value"] == "(sensitive)"
    assert cli("apply", "plans/rotate.json", "--emulator").code == 0
    assert live_comment(tmp_path).startswith(f"Bridge token {SECOND};")
    written = everything_written(tmp_path) + rotated.text + created.text
    assert FIRST not in written and SECOND not in written


def test_an_unset_variable_stops_plan_and_apply_before_any_write(cli, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    write_yaml(tmp_path / "state", "macros.yaml", MACRO)
    monkeypatch.delenv("BRIDGE_TOKEN", raising=False)
    result = cli("plan", "state", "--emulator")
    assert result.code == 1
    assert "macros.yaml:6: macros.actions[1].value: ${env:BRIDGE_TOKEN} is not set in the environment" in result.err
    assert cli("validate", "state").code == 0  # validating needs no secrets

    monkeypatch.setenv("BRIDGE_TOKEN", FIRST)
    assert cli("plan", "state", "--emulator", "--out", "plan.json").code == 0
    monkeypatch.delenv("BRIDGE_TOKEN")
    refused = cli("apply", "plan.json", "--emulator")
    assert refused.code == 1
    assert "the plan uses ${env:BRIDGE_TOKEN}, which is not set in this environment" in refused.err
    titles = [m["title"] for m in adapter(tmp_path, ZENDESK).read(ZENDESK.kind("macros"))]
    assert "Hand over to the on-call bridge" not in titles
