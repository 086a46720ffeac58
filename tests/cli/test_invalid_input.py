"""Invalid YAML of each sort: one line naming file:line and field, exit 1, no request made."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_yaml

CASES = {
    "unknown_kind": ("provider: zendesk\ngroupz:\n  - name: A\n", ":2:", "unknown kind", "did you mean 'groups'"),
    "unknown_field": ("provider: zendesk\ngroups:\n  - name: A\n    descripton: x\n", ":4:", "unknown field",
                      "did you mean 'description'"),
    "wrong_type": ("provider: zendesk\ngroups:\n  - name: A\n    is_public: maybe\n", ":4:", "groups.is_public", "boolean"),
    "missing_key": ("provider: zendesk\ngroups:\n  - description: no name\n", ":3:", "groups.name", "missing"),
    "duplicate_key": ("provider: zendesk\ngroups:\n  - name: A\n  - name: A\n", ":4:", "duplicate name 'A'", "also at"),
    "dangling_ref": ("provider: zendesk\ntriggers:\n  - title: T\n    actions:\n      - {field: group_id, value: Nope}\n",
                     ":5:", "triggers.actions[0].value", "no groups named 'Nope'"),
    "yaml_syntax": ("provider: zendesk\ngroups:\n  - name: [unclosed\n", ":", "invalid YAML", ""),
    "tabs": ("provider: zendesk\ngroups:\n\t- name: A\n", ":3:", "tab", ""),
    "duplicate_mapping_key": ("provider: zendesk\ngroups:\n  - name: A\n    name: B\n", ":4:", "duplicate key", ""),
    "no_provider": ("groups:\n  - name: A\n", ":1:", "provider", "missing"),
    "unknown_provider": ("provider: zenddesk\n", ":1:", "unknown provider", ""),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_invalid_yaml_is_one_line_with_location(cli, tmp_path: Path, case: str) -> None:
    text, location, must, also = CASES[case]
    path = write_yaml(tmp_path / "state", "bad.yaml", text)
    result = cli("plan", path, "--emulator")
    assert result.code == 1
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.text
    assert f"bad.yaml{location}" in lines[0]
    assert must in lines[0] and also in lines[0]
    # No request was made: the emulator was never even started.
    assert not (tmp_path / ".provisioner" / "emulator" / "zendesk.json").exists()
