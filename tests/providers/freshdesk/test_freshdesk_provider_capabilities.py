"""What the Freshdesk API cannot do is said at plan time: no apply-time surprises."""

from __future__ import annotations

from pathlib import Path

import pytest

from provisioner.errors import InputError
from provisioner.plan.build import PlanRequest
from tests.e2e_support import Account
from tests.providers.freshdesk.conftest import EXAMPLE, variant

PRUNE = PlanRequest(allow_delete=True)


def test_pruning_canned_responses_is_a_warning_that_they_stay(account: Account) -> None:
    folder = account.plan(EXAMPLE).id_map["canned_response_folders"]["Billing replies"]
    made = account.raw.post("/api/v2/canned_responses", json={
        "title": "Made by hand", "content_html": "<p>x</p>", "folder_id": folder, "visibility": 0})
    assert made.status_code == 201
    account.raw.post("/api/v2/canned_response_folders", json={"name": "Old folder"})
    plan = account.plan(EXAMPLE, PRUNE)
    assert plan.changes == []
    warnings = {(d.rule, d.kind): d for d in plan.diagnostics if d.severity == "warning"}
    assert "'Made by hand'" in warnings[("cannot_delete", "canned_responses")].summary
    assert "'Old folder'" in warnings[("cannot_delete", "canned_response_folders")].summary
    assert "Admin → Canned Responses" in warnings[("cannot_delete", "canned_responses")].detail
    assert plan.applyable


def test_pruning_an_sla_policy_deactivates_it_and_then_leaves_it_alone(account: Account) -> None:
    billing = account.plan(EXAMPLE).id_map["groups"]["Billing"]
    target = {"respond_within": 3600, "resolve_within": 7200, "business_hours": True, "escalation_enabled": False}
    made = account.raw.post("/api/v2/sla_policies", json={
        "name": "Made by hand", "applicable_to": {"group_ids": [billing]},
        "sla_target": {p: target for p in ("priority_1", "priority_2", "priority_3", "priority_4")}})
    assert made.status_code == 201, made.text
    plan = account.plan(EXAMPLE, PRUNE)
    assert [(c.action, c.kind, c.key, c.note) for c in plan.changes] == [
        ("delete", "sla_policies", "Made by hand", "deactivate")]
    account.apply(plan)
    live = {p["name"]: p for p in account.raw.get("/api/v2/sla_policies").json()}
    assert live["Made by hand"]["active"] is False
    assert account.plan(EXAMPLE, PRUNE).changes == []


def test_objects_the_yaml_does_not_name_are_listed_and_kept_without_opt_in(account: Account) -> None:
    account.raw.post("/api/v2/groups", json={"name": "Made by hand"})
    plan = account.plan(EXAMPLE)
    assert plan.changes == []
    assert ("groups", "Made by hand") in {(u.kind, u.key) for u in plan.unmanaged}
    assert [(c.action, c.key) for c in account.plan(EXAMPLE, PRUNE).changes] == [("delete", "Made by hand")]


def test_system_objects_are_never_unmanaged_nor_pruned(account: Account) -> None:
    plan = account.plan(EXAMPLE, PRUNE)
    assert plan.changes == [] and plan.unmanaged == []


def test_changing_a_field_type_is_refused_unless_replace_is_allowed(account: Account, tmp_path: Path) -> None:
    edited = variant(tmp_path / "state", {"4-taxonomy.yaml": [("  - label: Refund amount\n    type: custom_decimal",
                                                               "  - label: Refund amount\n    type: custom_number")]})
    plan = account.plan(edited)
    assert [(d.rule, d.key) for d in plan.errors] == [("immutable_field", "Refund amount")]
    replace = account.plan(edited, PlanRequest(allow_replace=frozenset({"ticket_fields"})))
    assert [(c.action, c.key) for c in replace.changes][:1] == [("replace", "Refund amount")]


def test_an_undeclared_role_or_calendar_cannot_be_created(account: Account, tmp_path: Path) -> None:
    edited = variant(tmp_path / "state", extra="roles:\n  - name: Billing lead\n")
    plan = account.plan(edited)
    assert [(d.rule, d.kind, d.key) for d in plan.errors] == [("cannot_create", "roles", "Billing lead")]
    assert "Admin → Roles" in plan.errors[0].detail


def test_agent_and_group_naming_each_other_is_not_a_cycle() -> None:
    """Billing escalates to Sam and Sam works in Billing: agents already exist, so no loop."""
    from provisioner.desired.load import load_desired

    state, _ = load_desired(EXAMPLE)
    assert state.find("groups", "Billing").doc["escalate_to"] == "sam.supervisor@example.com"
    assert "Billing" in state.find("agents", "sam.supervisor@example.com").doc["group_ids"]


def test_folders_inside_each_other_are_still_a_cycle(tmp_path: Path) -> None:
    from provisioner.desired.load import load_desired

    folder = variant(tmp_path / "state", extra=(
        "solution_folders:\n  - name: Left\n    parent_folder_id: Right\n"
        "  - name: Right\n    parent_folder_id: Left\n"))
    with pytest.raises(InputError, match="cyclic reference"):
        load_desired(folder)


def test_agent_groups_in_another_order_are_not_drift(account: Account, tmp_path: Path) -> None:
    edited = variant(tmp_path / "state", {"5-routing.yaml": [("group_ids: [Billing, Escalations]",
                                                              "group_ids: [Escalations, Billing]")]})
    assert account.plan(edited).changes == []
