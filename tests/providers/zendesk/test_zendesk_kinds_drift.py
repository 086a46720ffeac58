"""Every Zendesk kind beyond the skeleton converges, shows an out-of-band edit as exactly that
change, and is created again after an out-of-band delete (changes made through raw HTTP on the
emulator, as an admin in the UI would)."""

from __future__ import annotations

import copy
from typing import Any, Callable

import httpx
import pytest

from tests.conftest import EXAMPLES
from tests.e2e_support import Account

EXAMPLE = EXAMPLES / "zendesk"
HC = "/api/v2/help_center"
Edit = Callable[[httpx.Client, dict[str, dict[str, Any]]], httpx.Response]


@pytest.fixture(scope="module")
def converged_state() -> dict:
    """The example applied once; each test starts from a copy of that account."""
    account = Account.fresh("zendesk")
    after = account.converge(EXAMPLE)
    assert after.changes == [] and [d.summary for d in after.diagnostics] == []
    return account.emulator.dump()


@pytest.fixture
def account(converged_state: dict) -> Account:
    acct = Account.fresh("zendesk")
    acct.emulator = acct.provider.make_emulator(copy.deepcopy(converged_state))
    return acct


def ids(account: Account) -> dict[str, dict[str, Any]]:
    return account.plan(EXAMPLE).id_map


def _membership_of_new_agent(raw: httpx.Client, i: dict) -> httpx.Response:
    agent = raw.post("/api/v2/users", json={"user": {"name": "Temp Agent", "email": "temp@example.com",
                                                     "role": "agent"}}).json()["user"]
    return raw.post("/api/v2/group_memberships", json={"group_membership": {
        "user_id": agent["id"], "group_id": i["groups"]["Billing"]}})


def _drop_form_status(raw: httpx.Client, i: dict) -> httpx.Response:
    form = i["ticket_forms"]["Billing request"]
    links = raw.get(f"/api/v2/ticket_forms/{form}/ticket_form_statuses").json()["ticket_form_statuses"]
    return raw.put(f"/api/v2/ticket_forms/{form}/ticket_form_statuses",
                   json={"ticket_form_status": [{"id": links[0]["id"], "_destroy": "1"}]})


def _edit_variant(raw: httpx.Client, i: dict) -> httpx.Response:
    item = i["dynamic_content_items"]["Refund policy"]
    variant = raw.get(f"/api/v2/dynamic_content/items/{item}/variants").json()["variants"][0]
    return raw.put(f"/api/v2/dynamic_content/items/{item}/variants/{variant['id']}",
                   json={"variant": {"content": "Edited in the UI"}})


def _delete_holiday(raw: httpx.Client, i: dict) -> httpx.Response:
    schedule = i["schedules"]["Support hours"]
    holiday = raw.get(f"/api/v2/business_hours/schedules/{schedule}/holidays").json()["holidays"][0]
    return raw.delete(f"/api/v2/business_hours/schedules/{schedule}/holidays/{holiday['id']}")


# (kind, key, out-of-band edit, field the plan must show as the one change)
EDITS: list[tuple[str, str, Edit, str]] = [
    ("brands", "Example Enterprise", lambda raw, i: raw.put(
        f"/api/v2/brands/{i['brands']['Example Enterprise']}", json={"brand": {"signature_template": "edited"}}),
     "signature_template"),
    ("schedules", "Support hours", lambda raw, i: raw.put(
        f"/api/v2/business_hours/schedules/{i['schedules']['Support hours']}/workweek",
        json={"workweek": {"intervals": [{"start_time": 1980, "end_time": 2460}]}}), "workweek"),
    ("schedules", "Support hours", _delete_holiday, "holidays"),
    ("account_settings", "account_settings", lambda raw, i: raw.put(
        "/api/v2/account/settings", json={"settings": {"tickets": {"agent_collision": False}}}), "tickets"),
    ("custom_roles", "Billing specialist", lambda raw, i: raw.put(
        f"/api/v2/custom_roles/{i['custom_roles']['Billing specialist']}",
        json={"custom_role": {"configuration": {"macro_access": "full"}}}), "configuration"),
    ("group_memberships", "Billing", _membership_of_new_agent, "agents"),
    ("recipient_addresses", "billing@example.zendesk.com", lambda raw, i: raw.put(
        f"/api/v2/recipient_addresses/{i['recipient_addresses']['billing@example.zendesk.com']}",
        json={"recipient_address": {"name": "Edited"}}), "name"),
    ("user_fields", "plan", lambda raw, i: raw.put(
        f"/api/v2/user_fields/{i['user_fields']['plan']}", json={"user_field": {"title": "Subscription"}}), "title"),
    ("organization_fields", "account_tier", lambda raw, i: raw.put(
        f"/api/v2/organization_fields/{i['organization_fields']['account_tier']}",
        json={"organization_field": {"custom_field_options": [{"name": "Standard", "value": "org_tier_standard"}]}}),
     "custom_field_options"),
    ("custom_statuses", "Waiting on billing provider", lambda raw, i: raw.put(
        f"/api/v2/custom_statuses/{i['custom_statuses']['Waiting on billing provider']}",
        json={"custom_status": {"active": False}}), "active"),
    ("ticket_form_statuses", "Billing request", _drop_form_status, "custom_statuses"),
    ("triggers", "Enterprise tickets follow the sun", lambda raw, i: raw.put(
        f"/api/v2/triggers/{i['triggers']['Enterprise tickets follow the sun']}",
        json={"trigger": {"category_id": i["trigger_categories"]["Escalations"]}}), "category_id"),
    ("routing_attributes", "Language", lambda raw, i: raw.post(
        f"/api/v2/routing/attributes/{i['routing_attributes']['Language']}/values",
        json={"attribute_value": {"name": "French"}}), "values"),
    ("group_sla_policies", "Tier 1 hands off within the hour", lambda raw, i: raw.put(
        f"/api/v2/group_slas/policies/{i['group_sla_policies']['Tier 1 hands off within the hour']}",
        json={"group_sla_policy": {"description": "edited"}}), "description"),
    ("dynamic_content_items", "Refund policy", _edit_variant, "variants"),
    ("webhooks", "On-call pager", lambda raw, i: raw.patch(
        f"/api/v2/webhooks/{i['webhooks']['On-call pager']}", json={"webhook": {"status": "inactive"}}), "status"),
    ("app_installations", "Slack", lambda raw, i: raw.put(
        f"/api/v2/apps/installations/{i['app_installations']['Slack']}", json={"enabled": False}), "enabled"),
    ("help_center_categories", "Billing", lambda raw, i: raw.put(
        f"{HC}/categories/{i['help_center_categories']['Billing']}/translations/es",
        json={"translation": {"title": "Pagos"}}), "translations"),
    ("help_center_sections", "Getting started", lambda raw, i: raw.put(
        f"{HC}/sections/{i['help_center_sections']['Getting started']}", json={"section": {"position": 7}}),
     "position"),
    ("help_center_articles", "Download your invoices", lambda raw, i: raw.put(
        f"{HC}/articles/{i['help_center_articles']['Download your invoices']}/translations/en-us",
        json={"translation": {"body": "<p>Edited in Guide.</p>"}}), "body"),
]


@pytest.mark.parametrize("kind,key,edit,field", EDITS, ids=[f"{e[0]}-{e[3]}" for e in EDITS])
def test_out_of_band_edit_shows_as_exactly_that_change(account: Account, kind: str, key: str, edit: Edit,
                                                       field: str) -> None:
    answer = edit(account.raw, ids(account))
    assert answer.status_code < 300, answer.text
    plan = account.plan(EXAMPLE)
    assert [(c.action, c.kind, c.key, c.fields) for c in plan.changes] == [("update", kind, key, [field])]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


def test_a_trigger_category_moved_in_the_ui_is_reordered_with_its_triggers(account: Account) -> None:
    routing = ids(account)["trigger_categories"]["Routing"]
    assert account.raw.patch(f"/api/v2/trigger_categories/{routing}",
                             json={"trigger_category": {"position": 99}}).status_code == 200
    plan = account.plan(EXAMPLE)
    # The categories fire in another order, and so do the triggers in them: two reorder lines.
    assert [(c.action, c.kind) for c in plan.changes] == [("reorder", "trigger_categories"), ("reorder", "triggers")]
    account.emulator.request_log.clear()
    account.apply(plan)
    assert {(r.method, r.path) for r in account.writes()} == {("POST", "/api/v2/trigger_categories/jobs")}
    assert account.plan(EXAMPLE).changes == []


# (kind, key, path of the object under /api/v2 given the id map)
DELETES: list[tuple[str, str, Callable[[dict], str]]] = [
    ("brands", "Example Enterprise", lambda i: f"brands/{i['brands']['Example Enterprise']}"),
    ("schedules", "Support hours", lambda i: f"business_hours/schedules/{i['schedules']['Support hours']}"),
    ("custom_roles", "Tier 2 engineer", lambda i: f"custom_roles/{i['custom_roles']['Tier 2 engineer']}"),
    ("recipient_addresses", "enterprise@example.zendesk.com",
     lambda i: f"recipient_addresses/{i['recipient_addresses']['enterprise@example.zendesk.com']}"),
    ("user_fields", "plan", lambda i: f"user_fields/{i['user_fields']['plan']}"),
    ("organization_fields", "csm_email", lambda i: f"organization_fields/{i['organization_fields']['csm_email']}"),
    ("custom_statuses", "Escalated to engineering",
     lambda i: f"custom_statuses/{i['custom_statuses']['Escalated to engineering']}"),
    ("routing_attributes", "Product", lambda i: f"routing/attributes/{i['routing_attributes']['Product']}"),
    ("group_sla_policies", "Tier 1 hands off within the hour",
     lambda i: f"group_slas/policies/{i['group_sla_policies']['Tier 1 hands off within the hour']}"),
    ("dynamic_content_items", "Signature", lambda i: f"dynamic_content/items/{i['dynamic_content_items']['Signature']}"),
    ("webhooks", "Ticket audit stream", lambda i: f"webhooks/{i['webhooks']['Ticket audit stream']}"),
    ("app_installations", "Jira", lambda i: f"apps/installations/{i['app_installations']['Jira']}"),
    ("help_center_categories", "Billing", lambda i: f"help_center/categories/{i['help_center_categories']['Billing']}"),
    ("help_center_sections", "Mobile app", lambda i: f"help_center/sections/{i['help_center_sections']['Mobile app']}"),
    ("help_center_articles", "How refunds work",
     lambda i: f"help_center/articles/{i['help_center_articles']['How refunds work']}"),
]


@pytest.mark.parametrize("kind,key,path", DELETES, ids=[d[0] for d in DELETES])
def test_out_of_band_delete_is_recreated(account: Account, kind: str, key: str, path: Callable[[dict], str]) -> None:
    answer = account.raw.delete(f"/api/v2/{path(ids(account))}")
    assert answer.status_code in {200, 204}, answer.text
    plan = account.plan(EXAMPLE)
    assert ("create", kind, key) in [(c.action, c.kind, c.key) for c in plan.changes]
    assert plan.applyable, [d.summary for d in plan.errors]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


def test_memberships_and_form_statuses_removed_in_the_ui_are_added_back(account: Account) -> None:
    i = ids(account)
    for membership in account.raw.get(f"/api/v2/groups/{i['groups']['Billing']}/memberships").json()["group_memberships"]:
        assert account.raw.delete(f"/api/v2/group_memberships/{membership['id']}").status_code == 204
    form = i["ticket_forms"]["Billing request"]
    links = account.raw.get(f"/api/v2/ticket_forms/{form}/ticket_form_statuses").json()["ticket_form_statuses"]
    account.raw.request("DELETE", f"/api/v2/ticket_forms/{form}/ticket_form_statuses",
                        json={"id": [link["id"] for link in links]})
    plan = account.plan(EXAMPLE)
    assert [(c.action, c.kind, c.key) for c in plan.changes] == [
        ("create", "group_memberships", "Billing"), ("create", "ticket_form_statuses", "Billing request")]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []
