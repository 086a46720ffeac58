"""Every Freshdesk kind converges, shows an out-of-band edit as exactly that change, and notices
an out-of-band deletion (re-creating what can be re-created, saying so where it cannot)."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from tests.e2e_support import Account
from tests.providers.freshdesk.conftest import EXAMPLE


def live_id(account: Account, kind: str, key: str) -> Any:
    return account.plan(EXAMPLE).id_map[kind][key]


def edit_section(account: Account, obj_id: str) -> tuple[str, str, dict]:
    parent, section = obj_id.split("/")
    field = account.raw.get(f"/api/v2/admin/ticket_fields/{parent}").json()
    question = next(c["id"] for c in field["choices"] if c["value"] == "Question")
    return "PUT", f"/api/v2/admin/ticket_fields/{parent}/sections/{section}", {"choice_ids": [question]}


def edit_agent(account: Account, obj_id: Any) -> tuple[str, str, dict]:
    frontline = live_id(account, "groups", "Frontline")
    return "PUT", f"/api/v2/agents/{obj_id}", {"group_ids": [frontline]}


def edit_rule(account: Account, obj_id: Any) -> tuple[str, str, dict]:
    technical = live_id(account, "groups", "Technical")
    return "PUT", f"/api/v2/automations/1/rules/{obj_id}", {"actions": [{"field_name": "group_id", "value": technical}]}


def edit_sla(account: Account, obj_id: Any) -> tuple[str, str, dict]:
    """An SLA policy update must carry ``applicable_to``: the live one is sent back."""
    escalations = live_id(account, "groups", "Escalations")
    return "PUT", f"/api/v2/sla_policies/{obj_id}", {"description": "edited", "applicable_to": {"group_ids": [escalations]}}


def put(path: str, body: dict) -> Callable[[Account, Any], tuple[str, str, dict]]:
    return lambda account, obj_id: ("PUT", path.format(id=obj_id), body)


# (kind, natural key, out-of-band request, the one field the next plan must show)
EDITS = [
    ("groups", "Billing", put("/api/v2/groups/{id}", {"description": "changed in the UI"}), "description"),
    ("mailboxes", "billing@example.com", put("/api/v2/email/mailboxes/{id}", {"name": "Money desk"}), "name"),
    ("ticket_fields", "Order number", put("/api/v2/admin/ticket_fields/{id}", {"customers_can_edit": False}),
     "customers_can_edit"),
    ("ticket_field_sections", "Refund details", edit_section, "choices"),
    ("ticket_forms", "Billing request", put("/api/v2/ticket-forms/{id}", {"description": "edited"}), "description"),
    ("contact_fields", "Plan tier", put("/api/v2/contact_fields/{id}", {"displayed_for_customers": False}),
     "displayed_for_customers"),
    ("company_fields", "Contract renewal", put("/api/v2/company_fields/{id}", {"required_for_agents": True}),
     "required_for_agents"),
    ("skills", "Mobile experts", lambda a, i: ("PATCH", f"/api/v2/admin/skills/{i}", {"match_type": "any"}), "match_type"),
    ("agents", "alex.agent@example.com", edit_agent, "group_ids"),
    ("sla_policies", "Enterprise customers", edit_sla, "description"),
    ("ticket_creation_rules", "Route refunds to Billing", edit_rule, "actions"),
    ("ticket_update_rules", "Reopen when the customer replies", put("/api/v2/automations/4/rules/{id}", {"active": False}),
     "active"),
    ("time_trigger_rules", "Close resolved tickets after two days",
     put("/api/v2/automations/3/rules/{id}", {"active": False}), "active"),
    ("canned_responses", "Refund issued", put("/api/v2/canned_responses/{id}", {"content_html": "<p>Changed</p>"}),
     "content_html"),
    ("solution_categories", "Getting started", put("/api/v2/solutions/categories/{id}", {"description": "edited"}),
     "description"),
    ("solution_folders", "Invoices", put("/api/v2/solutions/folders/{id}", {"visibility": 3}), "visibility"),
    ("solution_articles", "Download an invoice", put("/api/v2/solutions/articles/{id}", {"status": 1}), "status"),
]


@pytest.mark.parametrize("kind,key,edit,field", EDITS, ids=[e[0] for e in EDITS])
def test_out_of_band_edit_shows_as_exactly_that_change(account: Account, kind, key, edit, field) -> None:
    method, path, body = edit(account, live_id(account, kind, key))
    answer = account.raw.request(method, path, json=body)
    assert answer.status_code == 200, answer.text
    plan = account.plan(EXAMPLE)
    assert [(c.action, c.kind, c.key, c.fields) for c in plan.changes] == [("update", kind, key, [field])]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


def test_every_kind_is_covered_by_the_example_and_the_edits(account: Account) -> None:
    plan = account.plan(EXAMPLE)
    edited = {e[0] for e in EDITS}
    read_only = {"business_hours", "roles"}
    renamed_only = {"canned_response_folders"}  # a name is all a folder has (see the rename test)
    assert set(plan.id_map) >= set(account.provider.kind_names)
    assert edited | read_only | renamed_only == set(account.provider.kind_names)


DELETABLE = [
    ("groups", "Technical", "/api/v2/groups/{id}"),
    ("mailboxes", "billing@example.com", "/api/v2/email/mailboxes/{id}"),
    ("ticket_fields", "Order number", "/api/v2/admin/ticket_fields/{id}"),
    ("ticket_field_sections", "Refund details", "/api/v2/admin/ticket_fields/{id}"),
    ("ticket_forms", "Technical problem", "/api/v2/ticket-forms/{id}"),
    ("contact_fields", "Plan tier", "/api/v2/contact_fields/{id}"),
    ("company_fields", "Contract renewal", "/api/v2/company_fields/{id}"),
    ("skills", "Mobile experts", "/api/v2/admin/skills/{id}"),
    ("ticket_creation_rules", "Route mobile bugs to Technical", "/api/v2/automations/1/rules/{id}"),
    ("ticket_update_rules", "Reopen when the customer replies", "/api/v2/automations/4/rules/{id}"),
    ("time_trigger_rules", "Close resolved tickets after two days", "/api/v2/automations/3/rules/{id}"),
    ("solution_categories", "Getting started", "/api/v2/solutions/categories/{id}"),
    ("solution_folders", "Mobile apps", "/api/v2/solutions/folders/{id}"),
    ("solution_articles", "Download an invoice", "/api/v2/solutions/articles/{id}"),
]


@pytest.mark.parametrize("kind,key,path", DELETABLE, ids=[d[0] for d in DELETABLE])
def test_out_of_band_delete_is_planned_as_a_create_and_converges(account: Account, kind, key, path) -> None:
    obj_id = str(live_id(account, kind, key)).replace("/", "/sections/")
    assert account.raw.delete(path.format(id=obj_id)).status_code == 204
    plan = account.plan(EXAMPLE)
    assert ("create", kind, key) in [(c.action, c.kind, c.key) for c in plan.changes]
    assert plan.applyable, [d.summary for d in plan.errors]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


@pytest.mark.parametrize("kind,key,collection", [
    ("canned_responses", "Invoice copy", "canned_responses"),
    ("canned_response_folders", "Technical replies", "canned_response_folders"),
])
def test_deletion_in_the_admin_ui_of_what_the_api_cannot_delete_is_recreated(account: Account, kind, key, collection) -> None:
    """The API has no delete for these; an admin can still delete one in the UI."""
    obj_id = live_id(account, kind, key)
    assert account.emulator.store[collection].remove(obj_id) is not None
    if kind == "canned_response_folders":  # the UI takes the folder's responses with it
        for response in account.emulator.store["canned_responses"].values():
            if response["folder_id"] == obj_id:
                account.emulator.store["canned_responses"].remove(response["id"])
    plan = account.plan(EXAMPLE)
    assert ("create", kind, key) in [(c.action, c.kind, c.key) for c in plan.changes]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


def test_renamed_folder_shows_as_a_create_and_the_old_name_as_unmanaged(account: Account) -> None:
    obj_id = live_id(account, "canned_response_folders", "Technical replies")
    assert account.raw.put(f"/api/v2/canned_response_folders/{obj_id}", json={"name": "Tech"}).status_code == 200
    plan = account.plan(EXAMPLE)
    assert ("create", "canned_response_folders", "Technical replies") in [(c.action, c.kind, c.key) for c in plan.changes]
    assert ("canned_response_folders", "Tech") in {(u.kind, u.key) for u in plan.unmanaged}


def test_agent_removed_from_the_account_is_a_plan_time_error_not_an_apply_failure(account: Account) -> None:
    obj_id = live_id(account, "agents", "alex.agent@example.com")
    assert account.raw.delete(f"/api/v2/agents/{obj_id}").status_code == 204
    plan = account.plan(EXAMPLE)
    errors = [(d.rule, d.kind, d.key) for d in plan.errors]
    assert ("cannot_create", "agents", "alex.agent@example.com") in errors
    assert not plan.applyable


def test_sla_policy_switched_off_in_the_ui_is_switched_back_on(account: Account) -> None:
    obj_id = live_id(account, "sla_policies", "Billing")
    billing = live_id(account, "groups", "Billing")
    answer = account.raw.put(f"/api/v2/sla_policies/{obj_id}",
                             json={"active": False, "applicable_to": {"group_ids": [billing], "ticket_types": ["Refund"]}})
    assert answer.status_code == 200, answer.text
    plan = account.plan(EXAMPLE)
    assert [(c.action, c.key, c.fields) for c in plan.changes] == [("update", "Billing", ["active"])]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


def test_read_only_business_hours_drift_is_reported_and_blocks_apply(account: Account) -> None:
    for calendar in account.emulator.store["business_hours"].values():
        calendar["time_zone"] = "London"  # an admin changed it in the UI; the API cannot
    plan = account.plan(EXAMPLE)
    assert plan.changes == []
    assert [(d.rule, d.kind, d.key) for d in plan.errors] == [("cannot_update", "business_hours", "Default")]
    assert "time_zone" in plan.errors[0].summary
