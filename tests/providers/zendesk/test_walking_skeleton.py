"""Every skeleton kind converges, shows out-of-band drift exactly, and survives deletion."""

from __future__ import annotations

from pathlib import Path

import pytest

from provisioner.apply import apply_plan
from provisioner.errors import StalePlanError
from tests.conftest import EXAMPLES
from tests.e2e_support import Account

EXAMPLE = EXAMPLES / "zendesk"


@pytest.fixture
def account() -> Account:
    acct = Account.fresh("zendesk")
    after = acct.converge(EXAMPLE)
    assert after.changes == [] and after.diagnostics == []
    return acct


def live_id(account: Account, kind: str, key: str):  # type: ignore[no-untyped-def]
    plan = account.plan(EXAMPLE)
    return plan.id_map[kind][key]


# (kind, natural key, path under /api/v2, envelope, out-of-band edit, field the plan must show)
EDITS = [
    ("groups", "Billing", "groups", "group", {"description": "changed in the UI"}, "description"),
    ("ticket_fields", "Order Number", "ticket_fields", "ticket_field", {"description": "edited"}, "description"),
    ("ticket_forms", "Billing request", "ticket_forms", "ticket_form", {"display_name": "Money"}, "display_name"),
    ("triggers", "Route bug reports", "triggers", "trigger", {"active": False}, "active"),
    ("automations", "Close pending tickets after 7 days without a reply", "automations", "automation",
     {"actions": [{"field": "status", "value": "closed"}]}, "actions"),
    ("macros", "Escalate to Tier 2", "macros", "macro", {"actions": [{"field": "status", "value": "open"}]}, "actions"),
    ("views", "Billing queue", "views", "view", {"active": False}, "active"),
    ("sla_policies", "Standard support", "slas/policies", "sla_policy", {"description": "edited"}, "description"),
]


@pytest.mark.parametrize("kind,key,path,envelope,edit,field", EDITS, ids=[e[0] for e in EDITS])
def test_out_of_band_edit_shows_as_exactly_that_change(account: Account, kind, key, path, envelope, edit, field) -> None:
    obj_id = live_id(account, kind, key)
    answer = account.raw.put(f"/api/v2/{path}/{obj_id}", json={envelope: edit})
    assert answer.status_code == 200, answer.text
    plan = account.plan(EXAMPLE)
    assert [(c.action, c.kind, c.key, c.fields) for c in plan.changes] == [("update", kind, key, [field])]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


DELETABLE = [e for e in EDITS if e[0] != "groups"] + [("groups", "Billing", "groups", "group", None, None)]


@pytest.mark.parametrize("kind,key,path,envelope,edit,field", DELETABLE, ids=[e[0] for e in DELETABLE])
def test_out_of_band_delete_is_recreated(account: Account, kind, key, path, envelope, edit, field) -> None:
    obj_id = live_id(account, kind, key)
    assert account.raw.delete(f"/api/v2/{path}/{obj_id}").status_code in {200, 204}
    plan = account.plan(EXAMPLE)
    creates = [(c.action, c.kind, c.key) for c in plan.changes if c.action != "reorder"]
    assert ("create", kind, key) in creates
    # Objects that named the deleted one are rewritten to its new id after re-creation.
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


def test_stale_saved_plan_is_refused_and_names_the_object(account: Account, tmp_path: Path) -> None:
    edited = tmp_path / "state"
    edited.mkdir()
    for source in EXAMPLE.glob("*.yaml"):
        (edited / source.name).write_text(source.read_text().replace("Invoices, refunds", "Refunds, invoices"))
    plan = account.plan(edited)
    assert [c.key for c in plan.changes] == ["Billing"]
    obj_id = plan.changes[0].id
    account.raw.put(f"/api/v2/groups/{obj_id}", json={"group": {"description": "someone else"}})
    writes_before = len(account.writes())
    with pytest.raises(StalePlanError, match="groups 'Billing'"):
        apply_plan(plan, account.provider, account.adapter())
    assert len(account.writes()) == writes_before


def test_create_is_refused_when_the_object_appeared_since_planning(tmp_path: Path) -> None:
    account = Account.fresh("zendesk")
    plan = account.plan(EXAMPLE)
    account.raw.post("/api/v2/groups", json={"group": {"name": "Technical"}})
    with pytest.raises(StalePlanError, match="groups 'Technical' was created"):
        apply_plan(plan, account.provider, account.adapter())


def test_reorder_of_triggers_is_one_change_applied_through_the_category_batch_job(account: Account, tmp_path: Path) -> None:
    """The example has several trigger categories, where Zendesk refuses /triggers/reorder."""
    edited = tmp_path / "state"
    edited.mkdir()
    for source in EXAMPLE.glob("*.yaml"):
        (edited / source.name).write_text(source.read_text())
    routing = (edited / "5-routing.yaml").read_text()
    first = routing.index("  - title: Route billing tickets")
    second = routing.index("  - title: Route bug reports")
    third = routing.index("  - title: VIP customers to Tier 2")
    swapped = routing[:first] + routing[second:third] + routing[first:second] + routing[third:]
    (edited / "5-routing.yaml").write_text(swapped)
    plan = account.plan(edited)
    assert [(c.action, c.kind) for c in plan.changes] == [("reorder", "triggers")]
    assert plan.changes[0].order[:3] == ["Route bug reports", "Route billing tickets", "VIP customers to Tier 2"]
    account.emulator.request_log.clear()
    account.apply(plan)
    assert [(r.method, r.path) for r in account.writes()] == [("POST", "/api/v2/trigger_categories/jobs")]
    assert account.plan(edited).changes == []


def test_unmanaged_objects_are_listed_and_never_deleted_without_opt_in(account: Account) -> None:
    account.raw.post("/api/v2/groups", json={"group": {"name": "Made by hand"}})
    plan = account.plan(EXAMPLE)
    assert plan.changes == []
    assert ("groups", "Made by hand") in {(u.kind, u.key) for u in plan.unmanaged}


def test_references_resolve_to_live_ids_in_requests(account: Account) -> None:
    plan = account.plan(EXAMPLE)
    billing = plan.id_map["groups"]["Billing"]
    trigger_id = plan.id_map["triggers"]["Route billing tickets"]
    body = account.raw.get(f"/api/v2/triggers/{trigger_id}").json()["trigger"]
    assert {"field": "group_id", "value": str(billing)} in body["actions"]
    field_id = plan.id_map["ticket_fields"]["Ticket Category"]
    assert any(c["field"] == f"custom_fields_{field_id}" for c in body["conditions"]["any"])
