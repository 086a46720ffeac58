"""A parallel apply: which changes go together, that they really are sent at once, and that a
failure among them leaves an honest report and an account a fresh plan can finish."""

from __future__ import annotations

import threading
import time

import httpx
import yaml

from providers.common.faults import FaultOptions, FaultyEmulator
from providers.zendesk.emulator import ZendeskEmulator
from provisioner.apply import Persistence, apply_plan
from provisioner.apply_batches import batches
from provisioner.apply_report import named_objects
from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.plan.build import PlanRequest, build_plan
from tests.reliability.bulk_state import write_bulk
from tests.reliability.helpers import zendesk_adapter
from tests.reliability.test_bulk_under_faults import assert_converged

QUICK = Persistence(settle_seconds=0)


class InFlight:
    """A transport handler that counts how many writes are inside the emulator at once (each
    write lingers ``linger`` seconds, as on a network) and can refuse chosen creates."""

    def __init__(self, emulator, linger: float = 0.02, refuse: str | None = None) -> None:  # type: ignore[no-untyped-def]
        self.emulator, self.linger, self.refuse = emulator, linger, refuse
        self.now = self.most = 0
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return self.emulator(request)
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        try:
            time.sleep(self.linger)
            if self.refuse and self.refuse.encode() in request.content:
                return httpx.Response(422, json={"error": "RecordInvalid", "description": "Record validation errors",
                                                 "details": {"title": [{"description": "refused by the test"}]}})
            with self._lock:  # the emulator's store answers one request at a time, as a served one does
                return self.emulator(request)
        finally:
            with self._lock:
                self.now -= 1


def plan_for(folder, adapter):  # type: ignore[no-untyped-def]
    state, provider = load_desired(folder)
    plan = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
    assert not plan.errors
    return plan, provider


def write_yaml(folder, document):  # type: ignore[no-untyped-def]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "state.yaml").write_text(yaml.safe_dump({"provider": "zendesk", **document}, sort_keys=False))
    return folder


def test_batches_group_independent_writes_and_keep_everything_else_in_order(tmp_path):
    folder = write_yaml(tmp_path / "mixed", {
        "groups": [{"name": f"Team {i}"} for i in range(3)],
        "macros": [{"title": f"Macro {i}", "actions": [{"field": "group_id", "value": f"Team {i}"}]} for i in range(3)],
        "triggers": [{"title": f"Trigger {i}", "conditions": {"all": [{"field": "update_type", "operator": "is",
                                                                       "value": "Create"}]},
                      "actions": [{"field": "group_id", "value": "Team 0"}]} for i in range(2)],
        "help_center_categories": [{"name": "General", "locale": "en-us"}],
        "help_center_sections": [{"name": "Top", "category_id": "General", "locale": "en-us"},
                                 {"name": "Inner", "category_id": "General", "parent_section_id": "Top",
                                  "locale": "en-us"}],
    })
    adapter = zendesk_adapter(httpx.MockTransport(ZendeskEmulator()))
    plan, provider = plan_for(folder, adapter)
    pending = list(enumerate(plan.changes))
    groups = list(batches(pending, provider.kind, adapter, lambda c: named_objects(c, provider)))

    assert [i for batch in groups for i, _ in batch] == list(range(len(plan.changes)))  # plan order kept
    by_kind = {(batch[0][1].kind, len(batch)) for batch in groups}
    assert ("groups", 3) in by_kind and ("macros", 3) in by_kind  # plain creates go together
    for batch in groups:
        kinds = {c.kind for _, c in batch}
        if kinds & {"triggers", "help_center_sections"}:  # ordered, custom writes, self-referencing
            assert len(batch) == 1, batch
        touched = {(c.kind, c.key) for _, c in batch}
        for _, change in batch:
            assert not named_objects(change, provider) & touched, f"{change.key} names a change of its own batch"


def test_an_adapter_that_does_not_say_writes_one_at_a_time(tmp_path):
    folder = write_bulk(tmp_path / "bulk", 40)
    adapter = zendesk_adapter(httpx.MockTransport(ZendeskEmulator()))
    plan, provider = plan_for(folder, adapter)

    class Silent:  # no ``parallel_writes``: an adapter written before parallel apply existed
        pass

    groups = list(batches(list(enumerate(plan.changes)), provider.kind, Silent(), lambda c: set()))
    assert all(len(batch) == 1 for batch in groups)


def test_writes_are_sent_side_by_side_up_to_the_parallelism_and_converge(tmp_path):
    folder = write_bulk(tmp_path / "bulk", 120)
    for parallelism, expected_most in ((1, 1), (4, 4)):
        emulator = ZendeskEmulator()
        watcher = InFlight(emulator)
        adapter = zendesk_adapter(httpx.MockTransport(watcher))
        plan, provider = plan_for(folder, adapter)
        report = apply_plan(plan, provider, adapter, persistence=QUICK, parallelism=parallelism)
        assert report.ok, report.error
        assert [c.address for c in report.applied] == [c.address for c in plan.changes]  # reported in plan order
        assert watcher.most == expected_most
        assert_converged(folder, emulator)  # nothing lost, nothing twice, lists in their order


def test_a_failure_inside_a_batch_reports_what_landed_and_a_fresh_plan_finishes(tmp_path):
    folder = write_yaml(tmp_path / "macros", {
        "macros": [{"title": f"Macro {i:02d}", "actions": [{"field": "status", "value": "open"}]} for i in range(24)]})
    emulator = ZendeskEmulator()
    watcher = InFlight(emulator, refuse='"title":"Macro 05"')
    adapter = zendesk_adapter(httpx.MockTransport(watcher))
    plan, provider = plan_for(folder, adapter)
    events: list[tuple[str, str]] = []
    report = apply_plan(plan, provider, adapter, persistence=QUICK, parallelism=4,
                        observer=lambda event, change, detail: events.append((event, change.key)))

    assert report.failed is not None and report.failed.key == "Macro 05"
    assert "refused by the test" in report.error and not report.passing and not report.unclear
    applied = {c.key for c in report.applied}
    skipped = {c.key for c in report.skipped}
    assert applied and skipped  # some went alongside the failure, the rest were never begun
    assert applied | skipped | {"Macro 05"} == {f"Macro {i:02d}" for i in range(24)}
    assert not applied & skipped
    live = {m["title"] for m in adapter.read(provider.kind("macros"))}
    assert applied <= live and not skipped & live and "Macro 05" not in live  # the report is the account
    assert {key for event, key in events if event == "start"} == applied | {"Macro 05"}

    watcher.refuse = None
    plan, provider = plan_for(folder, adapter)
    assert {c.key for c in plan.changes} == skipped | {"Macro 05"}
    assert apply_plan(plan, provider, adapter, persistence=QUICK, parallelism=4).ok
    assert_converged(folder, emulator)


def test_a_parallel_apply_under_20_percent_faults_converges_without_duplicates(tmp_path):
    emulator = ZendeskEmulator()
    faulty = FaultyEmulator(emulator, FaultOptions(rate=0.2, seed=11, retry_after=0))
    adapter = zendesk_adapter(httpx.MockTransport(faulty), backoff_base=0.001)
    folder = write_bulk(tmp_path / "bulk", 300)
    plan, provider = plan_for(folder, adapter)
    report = apply_plan(plan, provider, adapter, persistence=QUICK, parallelism=6)
    assert report.ok, report.error
    assert faulty.faults["lost"] > 0 and faulty.faults["timeout"] > 0  # creates whose answer never came
    assert_converged(folder, emulator)
