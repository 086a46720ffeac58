"""Rolling back several applies at once, undoing a rollback, and rolling back applies that
failed half way or were killed: only what was written is undone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provisioner.apply import apply_plan
from provisioner.connect import open_adapter
from provisioner.history.recorder import ApplyRecorder
from provisioner.history.store import HistoryStore
from provisioner.plan.store import load_plan
from provisioner.provider import load_provider
from tests.conftest import EXAMPLES, write_yaml
from tests.rollback.support import example_docs, export, write_state

EXAMPLE = EXAMPLES / "zendesk"
ZENDESK = load_provider("zendesk")


def ids(cli) -> list[str]:
    """Apply ids, newest first."""
    return [r["id"] for r in json.loads(cli("history", "--json").out)]


def groups_yaml(*groups: str) -> str:
    return "provider: zendesk\ngroups:\n" + "".join(f"  - {g}\n" for g in groups)


def test_rolling_back_to_an_earlier_point_undoes_every_later_apply(cli, tmp_path: Path) -> None:
    fresh = export(ZENDESK, tmp_path)
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    after_example = export(ZENDESK, tmp_path)
    second = write_yaml(tmp_path / "two", "g.yaml", groups_yaml("{name: Escalations, description: Urgent}",
                                                                 "{name: Billing, description: Money}"))
    assert cli("apply", second, "--emulator", "--auto-approve").code == 0
    third = write_yaml(tmp_path / "three", "g.yaml", groups_yaml("{name: Escalations, description: Very urgent}"))
    assert cli("apply", third, "--emulator", "--auto-approve").code == 0
    after_third = export(ZENDESK, tmp_path)
    newest_first = ids(cli)
    assert len(newest_first) == 3

    undo_two = cli("rollback", newest_first[1], "--emulator", "--auto-approve")
    assert undo_two.code == 0, undo_two.text
    assert f"Rolling back 2 applies, {newest_first[1]} to {newest_first[0]}" in undo_two.out
    assert export(ZENDESK, tmp_path) == after_example

    redo = cli("rollback", "--emulator", "--auto-approve")  # undo the rollback itself
    assert redo.code == 0, redo.text
    assert export(ZENDESK, tmp_path) == after_third

    everything = cli("rollback", newest_first[2], "--emulator", "--auto-approve")
    assert everything.code == 0, everything.text
    assert export(ZENDESK, tmp_path) == fresh
    assert cli("rollback", newest_first[2], "--emulator", "--auto-approve").out.count("Nothing to roll back") == 1


def test_an_apply_that_failed_half_way_is_undone_only_where_it_wrote(cli, tmp_path: Path) -> None:
    docs = example_docs(ZENDESK)
    spare = {"name": "Spare", "description": "nobody uses it"}
    assert cli("apply", write_state(tmp_path / "base", ZENDESK, {**docs, "groups": [*docs["groups"], spare]}),
               "--emulator", "--auto-approve").code == 0
    before = export(ZENDESK, tmp_path)
    # Zendesk refuses to delete a webhook a trigger still notifies (the plan-time check that says
    # so is switched off): the apply stops there, and the delete after it is never sent.
    groups = [{**g, "description": "Refunds"} if g["name"] == "Billing" else g for g in docs["groups"]]
    hooks = [h for h in docs["webhooks"] if h["name"] != "On-call pager"]
    failing = write_state(tmp_path / "failing", ZENDESK, {"groups": [*groups, {"name": "Escalations"}], "webhooks": hooks},
                          prune={"groups", "webhooks"})
    result = cli("apply", failing, "--emulator", "--auto-approve", "--disable-validator", "webhook_in_use")
    assert result.code == 1 and "Apply stopped" in result.out, result.text
    record = json.loads(cli("history", "--json").out)[0]
    assert record["outcome"] == "failed"
    statuses = {(c["action"], c["key"]): c["status"] for c in record["changes"]}
    assert statuses == {("update", "Billing"): "done", ("create", "Escalations"): "done",
                        ("delete", "On-call pager"): "failed", ("delete", "Spare"): "not attempted"}

    rolled = cli("rollback", "--emulator", "--auto-approve")
    assert rolled.code == 0, rolled.text
    assert "Plan: 0 to create, 1 to update, 1 to delete" in rolled.out
    assert "'Spare'" not in rolled.out and "'On-call pager'" not in rolled.out
    assert export(ZENDESK, tmp_path) == before


def test_a_killed_apply_is_rolled_back_from_its_unfinished_record(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    before = export(ZENDESK, tmp_path)
    edited = tmp_path / "edited"
    edited.mkdir()
    for source in EXAMPLE.glob("*.yaml"):
        (edited / source.name).write_text(source.read_text().replace("Escalations and VIP", "Escalations, VIP")
                                          .replace("Route bug reports", "Route all bug reports"))
    assert cli("plan", edited, "--emulator", "--out", "plan.json", "--allow-delete").code == 0
    plan = load_plan(tmp_path / "plan.json")
    assert len(plan.changes) >= 4

    class Killed(BaseException):
        """The process dies: no cleanup runs."""

    def die_after_two(event: str, change, detail) -> None:  # type: ignore[no-untyped-def]
        if event == "done" and sum(c.status == "done" for c in recorder.record.changes) == 2:
            raise Killed

    adapter = open_adapter(ZENDESK, emulator=True, env={}, workdir=tmp_path)
    recorder = ApplyRecorder(plan, ZENDESK, adapter, HistoryStore(tmp_path / ".provisioner" / "history"))
    recorder.take_before(*recorder.watch.read(adapter))
    with pytest.raises(Killed):
        apply_plan(plan, ZENDESK, adapter, observer=recorder.observe(die_after_two))
    record = json.loads(cli("history", "--json").out)[0]
    assert record["outcome"] == "in progress"
    assert "unfinished (running, or killed)" in cli("history").out

    rolled = cli("rollback", "--emulator", "--auto-approve")
    assert rolled.code == 0, rolled.text
    assert f"apply {record['id']} stopped before its result was recorded" in rolled.out
    assert export(ZENDESK, tmp_path) == before


def test_unknown_apply_id_and_empty_history_are_one_line_errors(cli) -> None:
    empty = cli("rollback", "--emulator")
    assert empty.code == 1 and "nothing to roll back" in empty.err
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    unknown = cli("rollback", "19990101", "--emulator")
    assert unknown.code == 1
    assert "no apply '19990101'" in unknown.err and "provisioner history" in unknown.err
    assert len(unknown.err.strip().splitlines()) == 1


def test_rollback_refuses_another_account(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    path = next((tmp_path / ".provisioner" / "history").glob("*/record.json"))
    record = json.loads(path.read_text())
    record["account"] = "acme.zendesk.com"
    path.write_text(json.dumps(record))
    result = cli("rollback", "--emulator", "--auto-approve")
    assert result.code == 1
    assert "was made on acme.zendesk.com, but this command is connected to emulator.zendesk.invalid" in result.err


def test_rollback_without_review_needs_auto_approve(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    after = export(ZENDESK, tmp_path)
    result = cli("rollback", "--emulator")
    assert result.code == 1 and "--auto-approve" in result.err
    assert export(ZENDESK, tmp_path) == after
