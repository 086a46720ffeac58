"""1,000 changes against the emulator: under a 20% mix of faults, and at a 700/minute limit.

Under faults, every kind of fault is injected (429, 500, 503, resets, timeouts, errors inside
a 200, and writes that land while their answer is lost); the apply still finishes, a fault-free
plan afterwards is empty (nothing lost) and no natural key is held twice (nothing duplicated).
At the limit, the emulator enforces 700 requests a minute and the paced client receives no
429; emulator and client share a clock that moves only when the client waits, so the test
takes no real minutes and its outcome does not depend on machine load.
"""

from __future__ import annotations

import time
from collections import Counter

import httpx
import pytest

from providers.common.faults import FAULT_KINDS, FaultOptions, FaultyEmulator
from providers.zendesk.emulator import ZendeskEmulator
from provisioner.apply import Persistence, apply_plan
from provisioner.apply_batches import DEFAULT_PARALLELISM
from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.plan.build import PlanRequest, build_plan
from tests.reliability.bulk_state import write_bulk
from tests.reliability.helpers import FakeTime, zendesk_adapter

QUICK = Persistence(settle_seconds=0)


def plan_and_apply(folder, adapter, parallelism: int = 1):  # type: ignore[no-untyped-def]
    state, provider = load_desired(folder)
    plan = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
    assert not plan.errors
    return plan, apply_plan(plan, provider, adapter, persistence=QUICK, parallelism=parallelism)


def assert_converged(folder, emulator: ZendeskEmulator) -> None:
    state, provider = load_desired(folder)
    adapter = zendesk_adapter(httpx.MockTransport(emulator))
    live = read_live(adapter, provider.kinds)
    assert [c.address for c in build_plan(state, provider, live, PlanRequest()).changes] == []
    for kind, objects in live.objects.items():
        twice = [key for key, n in Counter(o.key for o in objects).items() if n > 1]
        assert twice == [], f"{kind} created twice: {twice[:5]}"


def test_1000_changes_under_20_percent_faults_converge_without_duplicates(tmp_path):
    emulator = ZendeskEmulator()
    faulty = FaultyEmulator(emulator, FaultOptions(rate=0.2, seed=7, retry_after=0))
    adapter = zendesk_adapter(httpx.MockTransport(faulty), backoff_base=0.001)

    first = write_bulk(tmp_path / "v1", 1000)
    plan, report = plan_and_apply(first, adapter)
    assert len(plan.changes) == 1000
    assert report.ok, report.error
    assert set(faulty.faults) == set(FAULT_KINDS) and faulty.faults["lost"] >= 10
    assert adapter.http.stats.retries > 100
    assert_converged(first, emulator)

    second = write_bulk(tmp_path / "v2", 1000, revision=2)  # updates and deletes, still under faults
    plan, report = plan_and_apply(second, adapter)
    assert {c.action for c in plan.changes} == {"update", "delete"} and len(plan.changes) > 150
    assert report.ok, report.error
    assert_converged(second, emulator)


class Lingering:
    """Holds each write a few real milliseconds before the emulator counts it, as a network
    does, so that parallel writes really are in flight together when the answers come back."""

    def __init__(self, emulator: ZendeskEmulator) -> None:
        self.emulator = emulator

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method != "GET":
            time.sleep(0.003)
        return self.emulator(request)


@pytest.mark.parametrize("parallelism", [1, DEFAULT_PARALLELISM])
def test_1000_changes_at_700_per_minute_receive_no_429(tmp_path, parallelism):
    """Also with the CLI's default parallelism: several writers share one pacer, and none may
    send on a budget another has already spent."""
    fake = FakeTime()  # one clock for the emulator's window and the client; it moves only on waits
    emulator = ZendeskEmulator(rpm=700, clock=fake.clock)
    adapter = zendesk_adapter(httpx.MockTransport(Lingering(emulator)), clock=fake.clock, sleep=fake.sleep,
                              max_total_seconds=10_000)
    folder = write_bulk(tmp_path / "v1", 1000)
    plan, report = plan_and_apply(folder, adapter, parallelism)
    assert report.ok and len(report.applied) == 1000
    statuses = Counter(entry.status for entry in emulator.request_log)
    assert statuses[429] == 0 and adapter.http.stats.rate_limited == 0
    assert sum(statuses.values()) > 1000 and adapter.http.pacer.stats.waits > 0
    assert fake.now - 1000 >= 60  # it needed more than a minute's budget, and waited for it
    assert_converged(folder, emulator)
