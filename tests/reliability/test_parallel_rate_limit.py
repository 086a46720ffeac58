"""Every provider's example, planned and applied at the CLI's default parallelism against an
account whose per-minute limit is far below what the run needs: no 429 reaches the client, and a
plan afterwards is empty.

The limits are small on purpose: the pacer's reserve (a tenth of the limit) is then smaller than
the number of requests in flight (eight reading threads, four writers), so only counting what is
in flight against the server's figure keeps the client under the limit. Each request lingers a
few real milliseconds so that they really are in flight together. Emulator and client share a
clock that runs 30 times faster than real time (``WarpedTime``: threads waiting side by side
wake side by side), so a run of several rate windows takes seconds, not minutes.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any, Callable

import httpx
import pytest

from providers.freshdesk.client import connect as freshdesk_connect
from providers.intercom.client import connect as intercom_connect
from provisioner.apply import Persistence, apply_plan
from provisioner.apply_batches import DEFAULT_PARALLELISM
from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.plan.build import PlanRequest, build_plan
from provisioner.provider import Adapter, Provider
from tests.conftest import EXAMPLES
from tests.reliability.helpers import WarpedTime, zendesk_adapter

LIMITS = {"zendesk": 30, "freshdesk": 20, "intercom": 18}  # requests a minute (Intercom: 3 per 10 s)


class Lingering:
    """Holds every request a couple of real milliseconds, as a network does."""

    def __init__(self, emulator: Callable[[httpx.Request], httpx.Response]) -> None:
        self.emulator = emulator

    def __call__(self, request: httpx.Request) -> httpx.Response:
        time.sleep(0.002)
        return self.emulator(request)


def paced_adapter(provider: Provider, transport: httpx.MockTransport, fake: WarpedTime) -> Adapter:
    """The provider's real client, waiting on ``fake`` instead of the wall clock."""
    if provider.name == "zendesk":
        return zendesk_adapter(transport, clock=fake.clock, sleep=fake.sleep, max_total_seconds=10_000)
    if provider.name == "intercom":
        return intercom_connect(provider.emulator_env, transport, sleep=fake.sleep, clock=fake.clock,
                                wall_clock=fake.clock)
    adapter = freshdesk_connect(provider.emulator_env, transport)
    adapter.http.clock = adapter.http.pacer.clock = fake.clock
    adapter.http.sleep = adapter.http.pacer.sleep = fake.sleep
    return adapter


def plan_of(provider_name: str, adapter: Adapter) -> tuple[Any, Provider]:
    state, provider = load_desired(EXAMPLES / provider_name)
    plan = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
    assert plan.applyable, plan.errors
    return plan, provider


@pytest.mark.parametrize("provider_name", sorted(LIMITS))
def test_a_parallel_apply_at_a_low_limit_receives_no_429_and_converges(provider_name: str) -> None:
    fake = WarpedTime(speed=30)
    state, provider = load_desired(EXAMPLES / provider_name)
    emulator = provider.make_emulator(None, rpm=LIMITS[provider_name], clock=fake.clock)
    adapter = paced_adapter(provider, httpx.MockTransport(Lingering(emulator)), fake)
    started = fake.clock()

    plan, provider = plan_of(provider_name, adapter)
    assert len(plan.changes) >= 10
    report = apply_plan(plan, provider, adapter, persistence=Persistence(settle_seconds=0),
                        parallelism=DEFAULT_PARALLELISM)
    assert report.ok, report.error

    statuses = Counter(entry.status for entry in emulator.request_log)
    assert statuses[429] == 0, statuses
    assert adapter.http.stats.rate_limited == 0
    requests = sum(statuses.values())
    minutes_needed = requests / LIMITS[provider_name]
    assert minutes_needed > 2  # the run really was held back by the limit, more than once
    assert (fake.clock() - started) / 60 >= minutes_needed - 1.5
    again, _ = plan_of(provider_name, adapter)
    assert again.changes == []
