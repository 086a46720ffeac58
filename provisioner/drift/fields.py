"""Field-by-field differences between a declared object and its live counterpart.

The plan says *which* top-level fields differ (``Change.fields``, by the diff's own ``matches``
rule); this module says *where* inside them, by the same rule: only what the YAML sets is
compared, so server defaults inside a condition never show. Lists of equal length are compared
item by item; lists of different lengths are aligned first (longest run of matching items), so
one rule added in the UI shows as one ``added`` item, not as every later item "changed".
"""

from __future__ import annotations

from typing import Any

from provisioner.drift.model import FieldDrift
from provisioner.kind import Doc, Kind
from provisioner.plan.diff import matches

ABSENT: Any = object()


def field_drifts(kind: Kind, desired: Doc, live: Doc, fields: list[str]) -> list[FieldDrift]:
    """Every difference under the top-level ``fields`` (the plan's list for this object)."""
    wanted = {**kind.defaults, **desired}
    found: list[FieldDrift] = []
    for name in fields:
        here = compare(name, wanted.get(name, ABSENT), live.get(name, ABSENT))
        found += here or [FieldDrift(path=name, change="changed", desired=wanted.get(name), live=live.get(name))]
    return found


def compare(path: str, desired: Any, live: Any) -> list[FieldDrift]:
    if desired is ABSENT:
        return []
    if live is ABSENT:
        return [FieldDrift(path=path, change="removed", desired=desired)]
    if isinstance(desired, dict) and isinstance(live, dict):
        out: list[FieldDrift] = []
        for name, value in desired.items():
            out += compare(f"{path}.{name}", value, live.get(name, ABSENT))
        return out
    if isinstance(desired, list) and isinstance(live, list):
        return _compare_lists(path, desired, live)
    if matches(desired, live):
        return []
    return [FieldDrift(path=path, change="changed", desired=desired, live=live)]


def _compare_lists(path: str, desired: list[Any], live: list[Any]) -> list[FieldDrift]:
    if len(desired) == len(live):
        out: list[FieldDrift] = []
        for index, (want, have) in enumerate(zip(desired, live)):
            out += compare(f"{path}[{index}]", want, have)
        return out
    pairs = _align(desired, live)
    kept_desired = {d for d, _ in pairs}
    kept_live = {v for _, v in pairs}
    out = [FieldDrift(path=f"{path}[{i}]", change="removed", desired=item)
           for i, item in enumerate(desired) if i not in kept_desired]
    out += [FieldDrift(path=f"{path}[{i}]", change="added", live=item)
            for i, item in enumerate(live) if i not in kept_live]
    return out


def _align(desired: list[Any], live: list[Any]) -> list[tuple[int, int]]:
    """Index pairs of the longest common subsequence, items equal by ``matches`` (lists are short)."""
    rows, cols = len(desired), len(live)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            table[i][j] = (table[i + 1][j + 1] + 1 if matches(desired[i], live[j])
                           else max(table[i + 1][j], table[i][j + 1]))
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < rows and j < cols:
        if matches(desired[i], live[j]):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs
