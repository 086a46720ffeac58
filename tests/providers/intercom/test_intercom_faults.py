"""Under injected faults (lost answers, 5xx, dropped connections) the Intercom example still
converges in one apply, and nothing is created twice: compound writes (a ticket type and its
attributes, a schedule and its exceptions) settle themselves."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest

from providers.common.faults import FaultOptions, FaultyEmulator
from providers.intercom.client import connect
from providers.intercom.emulator import IntercomEmulator
from provisioner.apply import Persistence, apply_plan
from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.plan.build import PlanRequest, build_plan
from tests.conftest import EXAMPLES

ENV = {"INTERCOM_URL": "https://api.intercom.io", "INTERCOM_ACCESS_TOKEN": "tok"}


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_the_example_converges_in_one_apply_under_faults_without_duplicates(seed: int) -> None:
    emulator = IntercomEmulator()
    faulty = FaultyEmulator(emulator, FaultOptions(rate=0.15, kinds=("lost", "500", "reset", "error200"), seed=seed))
    adapter = connect(ENV, httpx.MockTransport(faulty), sleep=lambda seconds: None)
    adapter.http.backoff_base = 0.0
    state, provider = load_desired(EXAMPLES / "intercom")
    plan = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
    report = apply_plan(plan, provider, adapter, persistence=Persistence(settle_seconds=0))
    assert report.ok, report.error
    assert sum(faulty.faults.values()) > 0
    clean = connect(ENV, httpx.MockTransport(emulator))
    assert build_plan(state, provider, read_live(clean, provider.kinds), PlanRequest()).changes == []
    store = emulator.store
    for kind in ("tags", "data_attributes", "conversation_attributes", "ticket_types", "collections", "articles",
                 "news_items", "office_hours_schedules"):
        names = Counter(o.get("name") or o.get("title") for o in store[kind].values())
        assert max(names.values()) == 1, (kind, names)
    attributes = Counter((a["ticket_type_id"], a["name"]) for a in store["ticket_type_attributes"].values())
    exceptions = Counter((e["office_hours_schedule_id"], e["exception_date"]) for e in store["office_hours_exceptions"].values())
    assert max(attributes.values()) == 1 and max(exceptions.values()) == 1
