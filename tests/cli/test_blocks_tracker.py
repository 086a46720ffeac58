"""``blocks`` reports each block's state from the live account, and the next step."""

from __future__ import annotations

import json

from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "zendesk"


def statuses(cli) -> dict[int, str]:  # type: ignore[no-untyped-def]
    result = cli("blocks", EXAMPLE, "--emulator", "--json")
    assert result.code == 0, result.text
    return {b["block"]: b["status"] for b in json.loads(result.out)}


def test_blocks_follow_a_block_by_block_build(cli) -> None:
    assert statuses(cli)[2] == "not started"
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve", "--block", "1-4").code == 0
    after_four = statuses(cli)
    assert after_four[1] == after_four[2] == after_four[4] == "in sync"
    assert after_four[6] == "not started"
    assert after_four[9] == "nothing declared"
    text = cli("blocks", EXAMPLE, "--emulator").out
    assert "Next: " in text and "block 5 (routing and SLAs)" in text
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    assert set(statuses(cli).values()) <= {"in sync", "nothing declared"}
    assert "Every declared block is applied and in sync." in cli("blocks", EXAMPLE, "--emulator").out


def test_a_block_with_a_missing_object_is_partly_applied(cli, tmp_path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    state = tmp_path / "more"
    state.mkdir()
    for source in EXAMPLE.glob("*.yaml"):
        (state / source.name).write_text(source.read_text())
    (state / "2-groups.yaml").write_text((state / "2-groups.yaml").read_text() + "  - name: Onboarding\n")
    result = cli("blocks", state, "--emulator", "--json")
    block2 = next(b for b in json.loads(result.out) if b["block"] == 2)
    assert block2["status"] == "partly applied"
    groups = next(k for k in block2["kinds"] if k["kind"] == "groups")
    assert groups["missing"] == 1 and groups["in_sync"] == groups["declared"] - 1 and groups["differing"] == 0
