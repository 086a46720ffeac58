"""What a recorded apply reads (issue 10): one read before the first write serves both the stale
check and the rollback history's before-state, and one read after it the after-state. Counted
from the emulator's request log, never timed."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from providers.zendesk.emulator import ZendeskEmulator
from provisioner.apply import Persistence
from provisioner.desired.load import load_desired
from provisioner.errors import StalePlanError
from provisioner.history.recorder import recording
from provisioner.history.store import HistoryStore
from provisioner.journal.run import apply_journaled
from provisioner.live import read_live
from provisioner.plan.build import PlanRequest, build_plan
from tests.conftest import write_yaml
from tests.reliability.helpers import zendesk_adapter

GROUPS = "provider: zendesk\ngroups:\n{groups}"


def groups_yaml(tmp_path: Path, name: str, descriptions: dict[str, str]) -> Path:
    lines = "".join(f"  - name: {group}\n    description: {text}\n" for group, text in descriptions.items())
    return write_yaml(tmp_path / name, "groups.yaml", GROUPS.format(groups=lines))


def planned(folder: Path, adapter):  # type: ignore[no-untyped-def]
    state, provider = load_desired(folder)
    plan = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
    assert plan.applyable
    return plan, provider


@pytest.fixture
def account(tmp_path: Path):  # type: ignore[no-untyped-def]
    """An emulated account holding two groups, and its adapter."""
    emulator = ZendeskEmulator()
    adapter = zendesk_adapter(httpx.MockTransport(emulator))
    plan, provider = planned(groups_yaml(tmp_path, "start", {"Billing": "Invoices", "Sales": "Leads"}), adapter)
    apply_journaled(plan, provider, adapter, tmp_path, persistence=Persistence(settle_seconds=0))
    return emulator, adapter


def group_reads(emulator: ZendeskEmulator) -> tuple[int, int]:
    """(list reads of groups before the first write, after it)."""
    log = emulator.request_log
    first_write = next(i for i, entry in enumerate(log) if entry.method != "GET")
    reads = [i for i, entry in enumerate(log) if entry.method == "GET" and entry.path == "/api/v2/groups"]
    return sum(i < first_write for i in reads), sum(i > first_write for i in reads)


def test_a_recorded_apply_reads_the_changed_kind_once_before_and_once_after(tmp_path: Path, account) -> None:  # type: ignore[no-untyped-def]
    emulator, adapter = account
    plan, provider = planned(groups_yaml(tmp_path, "edit", {"Billing": "Refunds", "Sales": "Leads"}), adapter)
    assert [(c.action, c.key) for c in plan.changes] == [("update", "Billing")]
    emulator.request_log.clear()
    store = HistoryStore(tmp_path / "history")
    with recording(plan, provider, adapter, store) as recorder:
        report = apply_journaled(plan, provider, adapter, tmp_path, observer=recorder.observe(None), before=recorder)
    assert report.ok
    assert group_reads(emulator) == (1, 1)  # was (2, 1): the stale check read the groups again
    before = {o.key: o.doc["description"] for o in store.snapshot(recorder.apply_id).before.objects}
    assert before == {"Billing": "Invoices"}  # the shared read still gives rollback the before-state


def test_the_shared_read_still_refuses_a_stale_plan_and_records_nothing(tmp_path: Path, account) -> None:  # type: ignore[no-untyped-def]
    emulator, adapter = account
    plan, provider = planned(groups_yaml(tmp_path, "edit", {"Billing": "Refunds", "Sales": "Leads"}), adapter)
    (billing,) = read_live(adapter, [provider.kind("groups")]).matching("groups", "Billing")
    with httpx.Client(transport=httpx.MockTransport(emulator), base_url="https://emulator.zendesk.invalid",
                      headers={"Authorization": "Bearer test-token"}) as someone_else:
        edited = someone_else.put(f"/api/v2/groups/{billing.id}", json={"group": {"description": "Edited by hand"}})
    assert edited.status_code == 200
    writes = sum(entry.method != "GET" for entry in emulator.request_log)
    store = HistoryStore(tmp_path / "history")
    with pytest.raises(StalePlanError, match="groups 'Billing'.*changed since the plan was made"):
        with recording(plan, provider, adapter, store) as recorder:
            apply_journaled(plan, provider, adapter, tmp_path, observer=recorder.observe(None), before=recorder)
    assert store.records() == []
    assert sum(entry.method != "GET" for entry in emulator.request_log) == writes  # nothing sent
    (after,) = read_live(adapter, [provider.kind("groups")]).matching("groups", "Billing")
    assert after.doc["description"] == "Edited by hand"
