"""For every kind: export, apply a change that creates, updates and deletes (and reorders where
the kind is ordered), roll back, export again: the two exports are identical."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provisioner.provider import load_provider
from tests.rollback.support import (edited, example_docs, export, kind_cases, sample_objects, swap_first_two,
                                    with_key, write_state)


def latest_record(workdir: Path) -> dict:
    records = [json.loads(p.read_text()) for p in (workdir / ".provisioner" / "history").glob("*/record.json")]
    return max(records, key=lambda r: r["started_at"])


@pytest.mark.parametrize(("provider_name", "kind_name"), kind_cases())
def test_rollback_restores_an_identical_export(cli, tmp_path: Path, provider_name: str, kind_name: str) -> None:
    provider = load_provider(provider_name)
    kind = provider.kind(kind_name)
    base_docs = example_docs(provider)
    mine = base_docs.get(kind.name) or sample_objects(provider, kind)[:1]
    template = mine[-1]
    doomed = with_key(kind, template, f"{kind.key_of(template)} (to delete)")
    baseline = write_state(tmp_path / "baseline", provider, {**base_docs, kind.name: [*mine, doomed]})
    first = cli("apply", baseline, "--emulator", "--auto-approve")
    assert first.code == 0, first.text
    before = export(provider, tmp_path)

    changed = [edited(kind, mine[0]), *mine[1:], with_key(kind, template, f"{kind.key_of(template)} (new)")]
    if kind.ordered:
        changed = swap_first_two(changed)
    mutated = write_state(tmp_path / "mutated", provider, {**base_docs, kind.name: changed}, prune={kind.name})
    applied = cli("apply", mutated, "--emulator", "--auto-approve")
    assert applied.code == 0, applied.text
    record = latest_record(tmp_path)
    done = {(c["action"], c["kind"]) for c in record["changes"] if c["status"] == "done"}
    assert {("create", kind.name), ("update", kind.name), ("delete", kind.name)} <= done
    if kind.ordered and len(changed) > 2:
        assert ("reorder", kind.name) in done
    assert export(provider, tmp_path) != before

    rolled = cli("rollback", "--emulator", "--auto-approve")
    assert rolled.code == 0, rolled.text
    assert "Apply complete" in rolled.out
    assert export(provider, tmp_path) == before
