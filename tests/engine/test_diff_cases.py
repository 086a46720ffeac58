"""Pure diff cases as fixture files: ``desired``, ``live`` and the ``expected`` changes.

Each file in ``diff_cases/`` is one case; the kind under test is a small declared kind with an
immutable ``type``, an ordered list and ``active`` defaulting to true, which is what the real
kinds are made of. On a mismatch pytest prints both sides.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from provisioner.desired.state import DesiredObject
from provisioner.errors import Location
from provisioner.kind import Capabilities, Kind
from provisioner.live import LiveObject
from provisioner.plan.diff import DiffOptions, diff_kind

CASES = sorted((Path(__file__).parent / "diff_cases").glob("*.yaml"))
KIND = Kind(name="things", block=4, natural_key="title", path="/things", immutable=frozenset({"type"}),
            ordered=True, defaults={"active": True}, capabilities=Capabilities(reorder=True))


def load_case(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_diff_case(path: Path) -> None:
    case = load_case(path)
    desired = [DesiredObject("things", d["title"], d, Location(path.name, i + 1)) for i, d in enumerate(case.get("desired", []))]
    live = [LiveObject("things", o["title"], o.pop("id"), o, f"fp{i}", o.pop("system", False))
            for i, o in enumerate(case.get("live", []))]
    options = DiffOptions(**case.get("options", {}))
    result = diff_kind(KIND, desired, live, options)
    got = [{"action": c.action, "key": c.key, **({"fields": c.fields} if c.fields else {}),
            **({"order": c.order} if c.order else {})} for c in result.changes]
    assert got == case.get("expected", []), f"changes for {path.name}"
    assert sorted(d.rule for d in result.diagnostics) == sorted(case.get("diagnostics", []))
    assert sorted(u.key for u in result.unmanaged) == sorted(case.get("unmanaged", []))
