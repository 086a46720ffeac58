"""The libyaml fast path of YAML loading gives exactly what the pure parser gives: the same
values, the same line for every field and the same one-line errors; what it cannot promise
that for, it leaves to the pure parser."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

import provisioner.desired.yaml_fast as yaml_fast
from provisioner.desired.yaml_lines import parse
from provisioner.errors import InputError
from tests.conftest import ROOT

SOURCES = sorted(p for folder in ("desired_state", "tests/badinput/cases") for p in (ROOT / folder).rglob("*.y*ml"))
PIECES = [" ", ":", "-", "[", "]", "{", "}", "'", '"', "\n", "#", "&a ", "*a", "!!str ", "!!int ", "|", ">",
          "\x85", "? ", ",", "\\", "\r", "\ufeff", "---", "&b [", "!x", "é", "- ", "<<: *a", ": ", "~", "yes",
          "2024-01-01", "0x1F", "1e3", ".inf", "\t"]


LIBYAML = getattr(yaml, "CSafeLoader", None)


def outcome(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> tuple:
    monkeypatch.setattr(yaml_fast, "_CLoader", LIBYAML if fast else None)
    try:
        return ("ok",) + parse(text, "f.yaml")
    except InputError as exc:
        return ("error", str(exc))


def test_every_yaml_file_of_the_repository_loads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(SOURCES) > 50
    fast_path = 0
    for path in SOURCES:
        text = path.read_text(errors="replace")
        assert outcome(text, True, monkeypatch) == outcome(text, False, monkeypatch), path
        monkeypatch.setattr(yaml_fast, "_CLoader", LIBYAML)
        fast_path += yaml_fast.parse_fast(text, "f.yaml", yaml.constructor.SafeConstructor().construct_object) is not None
    assert fast_path > len(SOURCES) / 2  # not vacuous: most files really take the fast path


def test_mutated_yaml_loads_the_same_or_fails_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(20240611)
    texts = [p.read_text(errors="replace")[:4000] for p in SOURCES]
    for _ in range(400):
        text = rng.choice(texts)
        for _ in range(rng.randint(1, 4)):
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(PIECES) + text[at:] if rng.random() < 0.6 else text[:at] + text[at + 3:]
        assert outcome(text, True, monkeypatch) == outcome(text, False, monkeypatch), repr(text)


def test_absurd_nesting_never_reaches_libyaml_composition(monkeypatch: pytest.MonkeyPatch) -> None:
    deep = "provider: zendesk\ngroups: " + "[" * 20000 + "]" * 20000 + "\n"
    result = outcome(deep, True, monkeypatch)  # libyaml would recurse in C and crash the process
    assert result[0] == "error" and "levels deep" in result[1]
