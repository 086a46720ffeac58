"""``history`` lists applies newest first with counts and outcome; records live in a private,
configurable folder and never hold a secret."""

from __future__ import annotations

import json
import re
import shutil
import stat
from pathlib import Path

import pytest

from provisioner import secrets
from provisioner.provider import load_provider
from tests.conftest import EXAMPLES, write_yaml
from tests.rollback.support import export

EXAMPLE = EXAMPLES / "zendesk"
ZENDESK = load_provider("zendesk")
GROUP = "provider: zendesk\ngroups:\n  - name: Billing\n    description: {description}\n"


def test_history_lists_applies_newest_first_with_counts_and_outcome(cli, tmp_path: Path) -> None:
    assert cli("history").out.startswith("No applies recorded")
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    edited = write_yaml(tmp_path / "edited", "groups.yaml", GROUP.format(description="Refunds only"))
    assert cli("apply", edited, "--emulator", "--auto-approve").code == 0
    listing = cli("history")
    assert listing.code == 0
    rows = [line for line in listing.out.splitlines() if line.startswith("20")]
    assert len(rows) == 2
    records = json.loads(cli("history", "--json").out)
    creates = sum(1 for c in records[1]["changes"] if c["action"] == "create" and c["status"] == "done")
    assert creates >= 20
    columns = [re.split(r"\s{2,}", row) for row in rows]  # id, started, account, done, outcome
    assert columns[0][3:] == ["~1", "complete"]
    assert columns[1][3].startswith(f"+{creates}") and columns[1][4] == "complete"
    newest, older = rows[0].split()[0], rows[1].split()[0]
    detail = cli("history", unique_prefix(newest, older))
    assert "~ groups 'Billing'" in detail.out and ": done" in detail.out
    assert [r["id"] for r in records] == [newest, older]
    assert records[0]["plan_checksum"] and records[0]["account"] == "emulator.zendesk.invalid"


def unique_prefix(wanted: str, other: str) -> str:
    """The shortest prefix of ``wanted`` that ``other`` does not share (both applies may start in
    one second, so the time part alone can name both)."""
    shared = next((i for i, (a, b) in enumerate(zip(wanted, other)) if a != b), len(wanted) - 1)
    return wanted[: shared + 1]


def test_a_prefix_naming_two_applies_is_refused_with_both_ids(cli, tmp_path: Path) -> None:
    folder = tmp_path / ".provisioner" / "history"
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    (first,) = [p.name for p in folder.iterdir()]
    twin = first[:-1] + ("0" if first[-1] != "0" else "1")
    shutil.copytree(folder / first, folder / twin)
    record = json.loads((folder / twin / "record.json").read_text())
    (folder / twin / "record.json").write_text(json.dumps({**record, "id": twin}))
    result = cli("history", first[:-1])
    assert result.code != 0 and "Traceback" not in result.err
    assert first in result.err and twin in result.err and "give more of the id" in result.err
    assert "~" not in result.out and "+" not in result.out


def test_history_files_are_private(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    folder = tmp_path / ".provisioner" / "history"
    files = list(folder.rglob("*.json"))
    assert {f.name for f in files} == {"record.json", "snapshot.json"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for path in [folder, *{f.parent for f in files}]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700


def test_history_folder_from_flag_or_environment(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve", "--history-dir", "ci-artifacts/history").code == 0
    assert list((tmp_path / "ci-artifacts" / "history").glob("*/record.json"))
    assert not (tmp_path / ".provisioner" / "history").exists()
    monkeypatch.setenv("PROVISIONER_HISTORY_DIR", str(tmp_path / "from-env"))
    edited = write_yaml(tmp_path / "edited", "groups.yaml", GROUP.format(description="Refunds only"))
    assert cli("apply", edited, "--emulator", "--auto-approve").code == 0
    assert len(list((tmp_path / "from-env").glob("*/record.json"))) == 1
    assert "~1" in cli("history").out
    assert "  +" in cli("history", "--history-dir", "ci-artifacts/history").out


def test_history_never_holds_a_secret(cli, tmp_path: Path) -> None:
    secret = "s3cr3t-refund-token-0042"
    secrets.register([secret])
    try:
        edited = write_yaml(tmp_path / "edited", "groups.yaml", GROUP.format(description=f"token {secret}"))
        assert cli("apply", edited, "--emulator", "--auto-approve").code == 0
        texts = [p.read_text() for p in (tmp_path / ".provisioner" / "history").rglob("*.json")]
        assert texts and all(secret not in t for t in texts)
        assert any(secrets.MASK in t for t in texts)
    finally:
        secrets._secrets.discard(secret)


def test_a_stale_plan_leaves_no_record(cli, tmp_path: Path) -> None:
    assert cli("plan", EXAMPLE, "--emulator", "--out", "plan.json").code == 0
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    stale = cli("apply", "plan.json", "--emulator")
    assert stale.code == 1 and "stale" in stale.err
    assert len(list((tmp_path / ".provisioner" / "history").glob("*/record.json"))) == 1


def test_a_corrupt_record_is_named(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    record = next((tmp_path / ".provisioner" / "history").glob("*/record.json"))
    record.write_text("{not json")
    result = cli("history")
    assert result.code == 1
    assert str(record.name) in result.err and "Traceback" not in result.text


def test_a_secret_from_the_environment_is_neither_kept_nor_written_back(cli, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "hook-token-7f3a9c21"
    monkeypatch.setenv("BILLING_NOTE", secret)
    try:
        with_env = write_yaml(tmp_path / "one", "groups.yaml", GROUP.format(description="${env:BILLING_NOTE}"))
        assert cli("apply", with_env, "--emulator", "--auto-approve").code == 0
        pruned = write_yaml(tmp_path / "two", "groups.yaml", "provider: zendesk\ngroups:\n  prune: true\n  items: []\n")
        assert cli("apply", pruned, "--emulator", "--auto-approve").code == 0
        saved = cli("rollback", "--emulator", "--out", "undo.json")
        assert saved.code == 0, saved.text
        assert "+ groups 'Billing'" in saved.out
        assert "description: held a secret value, which the history does not keep; not restored" in saved.out
        applied = cli("apply", "undo.json", "--emulator")
        assert applied.code == 0, applied.text
        written = [p.read_text() for p in (tmp_path / ".provisioner" / "history").rglob("*.json")]
        assert all(secret not in text for text in written + [(tmp_path / "undo.json").read_text(), saved.text])
        billing = export(ZENDESK, tmp_path)["objects"]["groups"]["Billing"]
        assert billing["description"] == ""  # not "(sensitive)": a masked value is never sent
    finally:
        secrets._secrets.discard(secret)
