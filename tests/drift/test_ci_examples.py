"""docs/ci.md stays working: its YAML parses, every provisioner command in it is one the CLI
accepts, and the local try-out runs as written against the emulator."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any, Iterator

import yaml

from provisioner.cli.main import build_parser
from tests.conftest import ROOT
from tests.drift.support import FIXTURE

DOC = (ROOT / "docs" / "ci.md").read_text()
BLOCK = re.compile(r"```(yaml|sh)\n(.*?)```", re.DOTALL)
COMMAND = re.compile(r"^\s*provisioner\s+([a-z]+\b[^|;&\n]*)", re.MULTILINE)


def blocks(kind: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(DOC) if lang == kind]


def scripts(node: Any) -> Iterator[str]:
    """The shell of a workflow or pipeline: GitHub ``run:`` steps and GitLab ``script:`` lines."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                yield value
            elif key == "script" and isinstance(value, list):
                yield from (line for line in value if isinstance(line, str))
            else:
                yield from scripts(value)
    elif isinstance(node, list):
        for value in node:
            yield from scripts(value)


def commands(text: str) -> list[list[str]]:
    joined = re.sub(r"\\\n\s*", " ", text)
    found = []
    for match in COMMAND.finditer(joined):
        line = re.sub(r'"?\$\{?(\w+)\}?"?', r"\1", match.group(1))
        found.append(shlex.split(line, comments=True))
    return found


def test_every_yaml_example_parses() -> None:
    assert len(blocks("yaml")) >= 6
    for body in blocks("yaml"):
        assert yaml.safe_load(body) is not None


def test_every_provisioner_command_in_the_examples_is_accepted_by_the_cli() -> None:
    found = [cmd for body in blocks("yaml") for text in scripts(yaml.safe_load(body)) for cmd in commands(text)]
    found += [cmd for body in blocks("sh") for cmd in commands(body)]
    verbs = {cmd[0] for cmd in found}
    assert {"plan", "apply", "drift", "audit"} <= verbs, verbs
    assert len(found) >= 10, found
    parser = build_parser()
    for cmd in found:
        parser.parse_args(cmd)  # raises on an unknown command or option


def test_the_local_try_out_runs_as_written(cli, tmp_path: Path) -> None:
    (tmp_path / "desired_state").mkdir()  # the commands as written, on the tests' stable desired state
    (tmp_path / "desired_state" / "zendesk").symlink_to(FIXTURE)
    lines = [line for line in blocks("sh")[-1].splitlines() if line.startswith("provisioner ")]
    assert len(lines) == 2
    assert cli(*shlex.split(lines[0])[1:]).code == 0
    result = cli(*shlex.split(lines[1])[1:])
    assert result.code == 2  # the new account's standard rules are unmanaged until ignored or adopted
    assert (tmp_path / "reports" / "drift.md").read_text().startswith("## Drift: zendesk")
