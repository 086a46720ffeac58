"""What a user sees: a failure that stops apply, an interrupted apply resumed, the lock, faults."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from provisioner import connect
from provisioner.journal.journal import journals
from provisioner.journal.lock import AccountLock
from tests.conftest import emulator_state, write_yaml

ACCOUNT = "emulator.zendesk.invalid"

SMALL = """\
provider: zendesk
groups:
  - {name: Billing}
  - {name: Technical}
  - {name: Partners}
ticket_fields:
  - {title: Category, type: tagger, custom_field_options: [{name: Bug, value: cat_bug}, {name: Other, value: cat_other}]}
  - {title: Order Number, type: text}
ticket_forms:
  - {name: General, ticket_field_ids: [Subject, Description, Category]}
macros:
  - title: To billing
    actions: [{field: group_id, value: Billing}]
  - title: To partners
    actions: [{field: group_id, value: Partners}]
"""

BROKEN = """\
provider: zendesk
groups:
  - {name: Billing}
ticket_fields:
  - {title: Broken, type: tagger, custom_field_options: []}
  - {title: Fine, type: text}
ticket_forms:
  - {name: Uses broken, ticket_field_ids: [Subject, Broken]}
macros:
  - title: Unrelated
    actions: [{field: group_id, value: Billing}]
"""


def names(tmp_path: Path, collection: str, field: str = "name") -> set[str]:
    items = emulator_state(tmp_path, "zendesk")["collections"][collection]["items"].values()
    return {item[field] for item in items}


def test_a_change_that_fails_for_good_stops_apply_and_says_what_was_skipped(cli, tmp_path):
    folder = write_yaml(tmp_path / "yaml", "broken.yaml", BROKEN).parent
    result = cli("apply", folder, "--emulator", "--auto-approve")
    assert result.code == 1
    assert "Apply stopped: 1 change(s) applied, 1 failed, 3 skipped." in result.out
    assert re.search(r"ticket_fields 'Broken' \(create\): POST /api/v2/ticket_fields answered 422: .*at least one option", result.err)
    assert "skipped (needs the failed ticket_fields 'Broken'): create ticket_forms 'Uses broken'" in result.out
    assert "skipped (not attempted): create ticket_fields 'Fine'" in result.out
    assert "skipped (not attempted): create macros 'Unrelated'" in result.out
    assert "Fix the cause and run 'plan' again" in result.out
    assert "Billing" in names(tmp_path, "groups") and "Fine" not in names(tmp_path, "ticket_fields", "title")
    events = [json.loads(line) for line in journals(tmp_path)[0].events_path.read_text().splitlines()]
    assert events[-1]["event"] == "end" and events[-1]["status"] == "stopped"
    assert [e["event"] for e in events if e.get("index") == 1] == ["start", "failed"]


class InterruptAfter:
    """Wraps the embedded emulator: Ctrl-C arrives right after the n-th write was processed."""

    def __init__(self, inner, writes: int) -> None:
        self.inner, self.left = inner, writes

    def __call__(self, request: httpx.Request) -> httpx.Response:
        response = self.inner(request)
        if request.method in connect.WRITE_METHODS:
            self.left -= 1
            if self.left == 0:
                raise KeyboardInterrupt
        return response

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def test_an_interrupted_apply_is_resumed_and_its_plan_is_not_run_twice(cli, tmp_path, monkeypatch):
    small = write_yaml(tmp_path / "yaml", "small.yaml", SMALL).parent
    assert cli("plan", small, "--emulator", "--out", "plan.json").code == 0
    real_load = connect.load_emulator
    monkeypatch.setattr(connect, "load_emulator", lambda *a, **k: InterruptAfter(real_load(*a, **k), 4))
    interrupted = cli("apply", "plan.json", "--emulator")
    assert interrupted.code == 130
    monkeypatch.setattr(connect, "load_emulator", real_load)
    assert "Category" in names(tmp_path, "ticket_fields", "title")  # the 4th write landed, unconfirmed

    again = cli("apply", "plan.json", "--emulator")
    assert again.code == 1 and "finish it with 'provisioner apply --resume'" in again.err

    resumed = cli("apply", "--resume", "--emulator")
    assert resumed.code == 0, resumed.text
    assert "(3 confirmed, 1 to check in the account)" in resumed.out
    assert "✓ ticket_fields 'Category': it had landed; not sending it again" in resumed.out
    assert "Apply complete: 5 change(s) applied (3 more before the interruption)." in resumed.out
    assert cli("plan", small, "--emulator", "--detailed-exitcode").code == 0
    assert sorted(names(tmp_path, "ticket_fields", "title")).count("Category") == 1
    assert cli("apply", "--resume", "--emulator").code == 1  # nothing left to resume


def test_resume_with_nothing_interrupted_says_so(cli):
    result = cli("apply", "--resume", "--emulator")
    assert result.code == 1 and "no interrupted apply to resume" in result.err
    result = cli("apply", "--emulator")
    assert result.code == 1 and "apply needs a plan file or a YAML path" in result.err


def test_a_second_apply_on_the_account_is_refused_and_writes_nothing(cli, tmp_path):
    small = write_yaml(tmp_path / "yaml", "small.yaml", SMALL).parent
    assert cli("plan", small, "--emulator", "--out", "plan.json").code == 0
    saved = connect.emulator_state_path(tmp_path, "zendesk")
    before = saved.read_text() if saved.exists() else None  # the account as planning left it
    with AccountLock(tmp_path, "zendesk", ACCOUNT, "provisioner apply other.json"):
        result = cli("apply", "plan.json", "--emulator")
    assert result.code == 1
    assert f"another apply is running against {ACCOUNT}" in result.err and "provisioner apply other.json" in result.err
    assert (saved.read_text() if saved.exists() else None) == before


def test_faults_in_the_embedded_emulator_are_survived(cli, tmp_path, monkeypatch):
    small = write_yaml(tmp_path / "yaml", "small.yaml", SMALL).parent
    monkeypatch.setenv("PROVISIONER_EMULATOR_FAULTS", "rate=0.3,seed=2,kinds=lost,429,retry_after=0")
    result = cli("apply", small, "--emulator", "--auto-approve")
    assert result.code == 0, result.text
    assert "no clear answer" in result.out and "it had landed; not sending it again" in result.out
    monkeypatch.delenv("PROVISIONER_EMULATOR_FAULTS")
    assert cli("plan", small, "--emulator", "--detailed-exitcode").code == 0
    assert sorted(names(tmp_path, "groups")) == ["Billing", "Partners", "Support", "Technical"]


def test_a_bad_fault_setting_is_one_line(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PROVISIONER_EMULATOR_FAULTS", "rate=0.2,kinds=429,explode")
    result = cli("plan", write_yaml(tmp_path, "small.yaml", SMALL), "--emulator")
    assert result.code == 1
    assert result.err.strip() == ("Error: PROVISIONER_EMULATOR_FAULTS: unknown fault kind 'explode'; known: "
                                  "429, 500, 503, reset, timeout, error200, lost")


@pytest.fixture
def served_with_faults(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-c", "from provisioner.cli.main import run; run()", "emulator", "serve",
         "--provider", "zendesk", "--port", "0", "--fault-rate", "1", "--fault-kinds", "503",
         "--retry-after", "9", "--latency-ms", "1", "--seed", "4"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={"NO_COLOR": "1", "PATH": ""})
    try:
        first = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert url, first
        yield url.group(0), process.stdout.readline() + process.stdout.readline()
    finally:
        process.kill()
        process.communicate()


def test_emulator_serve_takes_the_fault_flags(served_with_faults):
    url, announced = served_with_faults
    assert "Injecting: latency 1 ms, 100% faults of kinds 503 (seed 4)" in announced
    answer = httpx.get(f"{url}/api/v2/groups", headers={"Authorization": "Bearer t"})
    assert answer.status_code == 503 and answer.headers["retry-after"] == "9"
