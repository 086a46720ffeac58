"""Kill ``apply`` after its k-th write, for every k of a 30-change apply, then finish.

The account is a Zendesk emulator served by this test process, so it survives the kill; the
apply runs as a separate CLI process and is killed (SIGKILL) by the server right after it
processed the k-th write and before the answer goes out. Then either ``apply --resume`` or a
fresh ``apply`` of the YAML must converge: a new plan has no changes (nothing lost) and no
natural key is held by two objects (nothing created twice).

The apply runs as users run it, several independent writes at once: writes the dead process
had already sent may still land after the kill (up to ``DEFAULT_PARALLELISM - 1`` of them),
which is the hardest case for resuming. A few runs with ``--parallelism 1`` pin the exact
sequential behaviour.
"""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from provisioner.apply import apply_plan
from provisioner.apply_batches import DEFAULT_PARALLELISM
from provisioner.cli.main import main
from provisioner.plan.build import PlanRequest
from provisioner.plan.store import save_plan
from provisioner.workflow import plan_path
from tests.reliability.served_account import ServedAccount

STATES = Path(__file__).parent / "crash_state"
BASELINE, TARGET = STATES / "baseline", STATES / "target"
CHANGES = 30


@pytest.fixture(scope="module")
def account(tmp_path_factory):
    """The served account at the baseline, and the saved 30-change plan against it."""
    served = ServedAccount()
    work = tmp_path_factory.mktemp("crash-setup")
    baseline = plan_path(BASELINE, served.target(work), PlanRequest())
    assert apply_plan(baseline.plan, baseline.provider, baseline.adapter).ok
    baseline.adapter.close()
    served.baseline = served.emulator.dump()
    planned = plan_path(TARGET, served.target(work), PlanRequest())
    planned.adapter.close()
    assert len(planned.plan.changes) == CHANGES and not planned.plan.errors
    assert {c.action for c in planned.plan.changes} == {"create", "update", "delete", "reorder"}
    served.plan_file = work / "plan.json"
    save_plan(planned.plan, served.plan_file)
    yield served
    served.close()


def converged(account: ServedAccount) -> None:
    changes, duplicates = account.check(TARGET)
    assert changes == [], "a change was lost"
    assert duplicates == {}, "an object was created twice"


def test_a_clean_apply_makes_one_write_per_change(account, tmp_path):
    account.reset()
    shutil.copy(account.plan_file, tmp_path / "plan.json")
    process = account.run_cli(tmp_path, "apply", "plan.json")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, out + err
    assert account.writes == CHANGES
    converged(account)


@pytest.mark.parametrize("finish", ["resume", "fresh plan and apply"])
@pytest.mark.parametrize("k", range(1, CHANGES + 1))
def test_killed_after_write_k_then_finished(account, k, finish, tmp_path, monkeypatch, capsys):
    kill_and_finish(account, k, finish, tmp_path, monkeypatch, capsys, parallelism=DEFAULT_PARALLELISM)


@pytest.mark.parametrize("finish", ["resume", "fresh plan and apply"])
@pytest.mark.parametrize("k", [1, 9, 17, 30])
def test_a_sequential_apply_killed_after_write_k_then_finished(account, k, finish, tmp_path, monkeypatch, capsys):
    kill_and_finish(account, k, finish, tmp_path, monkeypatch, capsys, parallelism=1)


def kill_and_finish(account, k, finish, tmp_path, monkeypatch, capsys, *, parallelism: int) -> None:
    account.reset(kill_at=k)
    shutil.copy(account.plan_file, tmp_path / "plan.json")
    process = account.run_cli(tmp_path, "apply", "plan.json", "--parallelism", str(parallelism))
    out, err = process.communicate(timeout=120)
    assert account.killed and process.returncode == -signal.SIGKILL, out + err
    # Writes already sent when the process died may still land (never more than were in flight).
    assert k <= account.writes <= k + parallelism - 1

    for name, value in account.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)
    if finish == "resume":
        code = main(["apply", "--resume"])
    else:
        code = main(["apply", str(TARGET), "--auto-approve"])
    output = capsys.readouterr()
    assert code == 0, output.out + output.err
    if "No changes" not in output.out:  # the killed apply's lock is recognised as stale
        assert "stale lock" in output.out and "no longer exists" in output.out
    converged(account)
