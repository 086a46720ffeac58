"""The journal is durable and readable after a crash; the account lock admits one apply."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from provisioner import __version__
from provisioner.errors import UserError
from provisioner.journal.journal import Journal, journals, unfinished
from provisioner.journal.lock import AccountLock
from provisioner.plan.model import Change, Plan


def a_plan(changes: int = 3) -> Plan:
    return Plan(tool_version=__version__, provider="zendesk", account="acme.zendesk.com", desired_digest="d",
                changes=[Change(action="create", kind="groups", key=f"G{i}", block=2, after={"name": f"G{i}"})
                         for i in range(changes)]).sealed()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_journal_tells_confirmed_from_in_flight_changes(tmp_path):
    plan = a_plan()
    journal = Journal.create(tmp_path, plan)
    journal.started(0, plan.changes[0])
    journal.done(0, plan.changes[0], 101)
    journal.started(1, plan.changes[1])  # killed here: sent, never confirmed
    summary = Journal(journal.folder).summary()
    assert summary.prior.done == {0: 101} and summary.prior.in_doubt == {1}
    assert summary.status is None and not summary.finished
    assert Journal(journal.folder).plan() == plan
    assert unfinished(tmp_path) and unfinished(tmp_path)[0].folder == journal.folder


def test_a_torn_last_line_is_ignored_and_a_damaged_middle_is_refused(tmp_path):
    plan = a_plan()
    journal = Journal.create(tmp_path, plan)
    journal.started(0, plan.changes[0])
    journal.close()
    with open(journal.events_path, "a") as handle:
        handle.write('{"at":"x","event":"do')  # the process died mid-write
    assert Journal(journal.folder).summary().prior.in_doubt == {0}
    with open(journal.events_path, "a") as handle:
        handle.write('\n{"event":"end","status":"complete"}\n')
    with pytest.raises(UserError, match=r"events.jsonl:3: damaged journal record"):
        Journal(journal.folder).summary()


def test_a_tampered_plan_copy_is_refused(tmp_path):
    journal = Journal.create(tmp_path, a_plan())
    journal.plan_path.write_text(journal.plan_path.read_text().replace('"G1"', '"G9"'))
    with pytest.raises(UserError, match="checksum"):
        journal.plan()


def test_ended_journals_are_finished_and_files_are_private(tmp_path):
    journal = Journal.create(tmp_path, a_plan())
    journal.end("complete")
    assert unfinished(tmp_path) == [] and len(journals(tmp_path)) == 1
    assert mode(journal.events_path) == 0o600 and mode(journal.plan_path) == 0o600
    for folder in (journal.folder, journal.folder.parent, tmp_path / ".provisioner" / "journal", tmp_path / ".provisioner"):
        assert mode(folder) == 0o700, folder


def test_secrets_never_reach_the_journal(tmp_path):
    from provisioner import secrets

    secrets.register(["sk-journal-secret-998877"])
    plan = a_plan()
    journal = Journal.create(tmp_path, plan)
    journal.failed(0, plan.changes[0], "401: token sk-journal-secret-998877 refused", False)
    assert "sk-journal-secret-998877" not in journal.events_path.read_text()


def test_a_second_apply_on_the_same_account_is_refused_while_the_first_runs(tmp_path):
    with AccountLock(tmp_path, "zendesk", "acme.zendesk.com", "provisioner apply plan.json") as first:
        assert first.note is None
        with pytest.raises(UserError, match=rf"another apply is running against acme.zendesk.com \(pid {os.getpid()} .*provisioner apply plan.json"):
            AccountLock(tmp_path, "zendesk", "acme.zendesk.com").acquire()
        with AccountLock(tmp_path, "zendesk", "other.zendesk.com"):
            pass  # another account is another lock
        assert mode(first.path) == 0o600 and mode(first.path.parent) == 0o700
    with AccountLock(tmp_path, "zendesk", "acme.zendesk.com") as again:
        assert again.note is None  # released cleanly: nothing stale


def test_a_lock_left_by_a_dead_process_is_explained_and_taken_over(tmp_path):
    code = ("import sys, os; from pathlib import Path; from provisioner.journal.lock import AccountLock; "
            "lock = AccountLock(Path(sys.argv[1]), 'zendesk', 'acme.zendesk.com', 'provisioner apply p.json'); "
            "lock.acquire(); os._exit(0)")  # dies holding the lock, without releasing it
    child = subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True)
    assert child.returncode == 0
    with AccountLock(tmp_path, "zendesk", "acme.zendesk.com") as lock:
        assert lock.note is not None
        assert "stale lock" in lock.note and "no longer exists" in lock.note and "provisioner apply p.json" in lock.note
