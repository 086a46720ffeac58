"""Every manageable Intercom kind converges, and out-of-band changes show as exactly that drift."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import EXAMPLES
from tests.e2e_support import Account

EXAMPLE = EXAMPLES / "intercom"
MANAGEABLE = ("office_hours_schedules", "tags", "data_attributes", "conversation_attributes", "ticket_types",
              "collections", "articles", "news_items")


@pytest.fixture
def account() -> Account:
    acct = Account.fresh("intercom")
    after = acct.converge(EXAMPLE)
    assert after.changes == [] and after.diagnostics == []
    return acct


def ids(account: Account) -> dict[str, dict[str, Any]]:
    return account.plan(EXAMPLE).id_map


def test_the_example_declares_every_manageable_kind_and_all_of_them_are_created() -> None:
    account = Account.fresh("intercom")
    plan = account.plan(EXAMPLE)
    created = {c.kind for c in plan.changes if c.action == "create"}
    assert created == set(MANAGEABLE)
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []
    # A second apply of the same YAML writes nothing.
    writes = len(account.writes())
    account.apply(account.plan(EXAMPLE))
    assert len(account.writes()) == writes


def test_nested_objects_land_where_the_yaml_puts_them(account: Account) -> None:
    found = ids(account)
    bug = account.raw.get(f"/ticket_types/{found['ticket_types']['Bug report']}").json()
    attributes = {a["name"]: a for a in bug["ticket_type_attributes"]["data"] if not a["default"]}
    assert set(attributes) == {"Severity", "Steps to reproduce", "Screenshots"}
    assert [o["label"] for o in attributes["Severity"]["input_options"]["list_options"]] == ["Low", "Medium", "High", "Critical"]
    assert attributes["Severity"]["required_to_create"] is True
    support = found["office_hours_schedules"]["Support hours"]
    exceptions = account.raw.get(f"/office_hours_schedules/{support}/office_hours_exceptions").json()["data"]
    assert [(e["exception_date"], e["exception_type"]) for e in exceptions] == [("2026-12-24", "custom_hours"),
                                                                                  ("2026-12-25", "closed")]
    section = account.raw.get(f"/help_center/collections/{found['collections']['Installing the app']}").json()
    assert section["parent_id"] == str(found["collections"]["Getting started"])
    article = account.raw.get(f"/articles/{found['articles']['Install the desktop app']}").json()
    assert article["parent_ids"] == [int(found["collections"]["Installing the app"])]
    assert article["author_id"] == int(found["admins"]["ada@example.com"])
    assert article["translated_content"]["fr"]["title"] == "Installer l'application"
    attribute = account.raw.get(f"/conversations/attributes/{found['conversation_attributes']['Escalated']}").json()
    assert attribute["visible_to_team_ids"] == [str(found["teams"]["Support"]), str(found["teams"]["Billing"])]


# (kind, key, method, path under the API, out-of-band body, the one field the plan must show)
EDITS = [
    ("office_hours_schedules", "Support hours", "PUT", "/office_hours_schedules/{id}", {"time_zone_name": "Europe/Paris"}, "time_zone_name"),
    ("data_attributes", "seats", "PUT", "/data_attributes/{id}", {"description": "edited in the UI"}, "description"),
    ("data_attributes", "plan_tier", "PUT", "/data_attributes/{id}", {"options": [{"value": "Starter"}, {"value": "Pro"}]}, "options"),
    ("conversation_attributes", "Order number", "PUT", "/conversations/attributes/{id}", {"description": "edited"}, "description"),
    ("conversation_attributes", "Escalated", "PUT", "/conversations/attributes/{id}", {"visible_to_team_ids": []}, "visible_to_team_ids"),
    ("ticket_types", "Refund request", "PUT", "/ticket_types/{id}", {"category": "Tracker"}, "category"),
    ("collections", "Billing", "PUT", "/help_center/collections/{id}", {"description": "edited"}, "description"),
    ("articles", "Request a refund", "PUT", "/articles/{id}", {"state": "published"}, "state"),
    ("articles", "Install the desktop app", "PUT", "/articles/{id}", {"body": "Rewritten by hand"}, "body"),
    ("news_items", "Price update for 2027", "PUT", "/news/news_items/{id}", {"deliver_silently": False}, "deliver_silently"),
    ("news_items", "Dark mode is here", "PUT", "/news/news_items/{id}", {"labels": ["Product"]}, "labels"),
]


@pytest.mark.parametrize("kind,key,method,path,body,field", EDITS, ids=[f"{e[0]}-{e[5]}" for e in EDITS])
def test_out_of_band_edit_shows_as_exactly_that_change(account: Account, kind, key, method, path, body, field) -> None:
    obj_id = ids(account)[kind][key]
    answer = account.raw.request(method, path.format(id=obj_id), json=body)
    assert answer.status_code == 200, answer.text
    plan = account.plan(EXAMPLE)
    assert [(c.action, c.kind, c.key, c.fields) for c in plan.changes] == [("update", kind, key, [field])]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


def test_article_moved_to_another_collection_in_the_ui_shows_as_its_parent(account: Account) -> None:
    found = ids(account)
    account.raw.put(f"/articles/{found['articles']['Request a refund']}", json={"parent_id": None})
    plan = account.plan(EXAMPLE)
    [change] = plan.changes
    assert (change.kind, change.fields, change.before["parent_id"], change.after["parent_id"]) == (
        "articles", ["parent_id"], None, "Billing")
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


def test_edited_ticket_type_attribute_shows_on_its_type(account: Account) -> None:
    found = ids(account)
    type_id = found["ticket_types"]["Bug report"]
    bug = account.raw.get(f"/ticket_types/{type_id}").json()
    severity = next(a for a in bug["ticket_type_attributes"]["data"] if a["name"] == "Severity")
    account.raw.put(f"/ticket_types/{type_id}/attributes/{severity['id']}", json={"required_to_create": False})
    plan = account.plan(EXAMPLE)
    assert [(c.kind, c.key, c.fields) for c in plan.changes] == [("ticket_types", "Bug report", ["attributes"])]
    account.emulator.request_log.clear()
    account.apply(plan)
    assert [(r.method, r.path) for r in account.writes()] == [("PUT", f"/ticket_types/{type_id}/attributes/{severity['id']}")]
    assert account.plan(EXAMPLE).changes == []


def test_exception_removed_in_the_ui_is_put_back(account: Account) -> None:
    schedule = ids(account)["office_hours_schedules"]["Support hours"]
    path = f"/office_hours_schedules/{schedule}/office_hours_exceptions"
    closed = next(e for e in account.raw.get(path).json()["data"] if e["exception_type"] == "closed")
    assert account.raw.delete(f"{path}/{closed['id']}").status_code == 200
    plan = account.plan(EXAMPLE)
    assert [(c.kind, c.key, c.fields) for c in plan.changes] == [("office_hours_schedules", "Support hours", ["exceptions"])]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


# (kind, key, method, path) of an out-of-band removal, and what the plan then does about it
REMOVALS = [
    ("office_hours_schedules", "Billing hours", "DELETE", "/office_hours_schedules/{id}", "create"),
    ("tags", "churn-risk", "DELETE", "/tags/{id}", "create"),
    ("conversation_attributes", "Order number", "DELETE", "/conversations/attributes/{id}", "create"),
    ("collections", "Billing", "DELETE", "/help_center/collections/{id}", "create"),
    ("articles", "Change your plan", "DELETE", "/articles/{id}", "create"),
    ("news_items", "Dark mode is here", "DELETE", "/news/news_items/{id}", "create"),
]


@pytest.mark.parametrize("kind,key,method,path,action", REMOVALS, ids=[r[0] for r in REMOVALS])
def test_out_of_band_deletion_is_created_again(account: Account, kind, key, method, path, action) -> None:
    obj_id = ids(account)[kind][key]
    assert account.raw.request(method, path.format(id=obj_id)).status_code == 200
    plan = account.plan(EXAMPLE)
    assert (action, kind, key) in [(c.action, c.kind, c.key) for c in plan.changes]
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []


@pytest.mark.parametrize("kind,key,path", [("data_attributes", "seats", "/data_attributes/{id}"),
                                           ("ticket_types", "Bug report", "/ticket_types/{id}")])
def test_out_of_band_archive_shows_as_a_restore(account: Account, kind, key, path) -> None:
    obj_id = ids(account)[kind][key]
    assert account.raw.put(path.format(id=obj_id), json={"archived": True}).status_code == 200
    plan = account.plan(EXAMPLE)
    [change] = plan.changes
    assert (change.action, change.kind, change.key, change.fields) == ("update", kind, key, ["archived"])
    assert (change.before["archived"], change.after["archived"]) == (True, False)
    account.apply(plan)
    assert account.plan(EXAMPLE).changes == []
    assert plan.id_map[kind][key] == obj_id  # restored, not re-created


def test_team_membership_changed_in_the_ui_is_drift_the_api_cannot_apply(account: Account) -> None:
    found = ids(account)
    account.emulator.store["teams"].get(found["teams"]["Support"])["admin_ids"].remove(int(found["admins"]["grace@example.com"]))
    plan = account.plan(EXAMPLE)
    assert plan.changes == []
    [error] = plan.errors
    assert (error.rule, error.kind, error.key) == ("cannot_update", "teams", "Support")
    assert "admin_ids" in error.summary and "Intercom UI" in error.detail


def test_a_teammate_missing_from_the_workspace_is_a_plan_error_before_any_write(tmp_path) -> None:
    account = Account.fresh("intercom")
    path = tmp_path / "state.yaml"
    path.write_text("provider: intercom\narticles:\n  - title: Hello\n    author_id: nobody@example.com\n"
                    "news_items:\n  - title: News\n    sender_id: ADA@example.com\n")
    plan = account.plan(path)
    [error] = plan.errors
    assert (error.rule, error.kind, error.key) == ("missing_user", "articles", "Hello")
    news = next(c for c in plan.changes if c.kind == "news_items")
    assert news.after["sender_id"] == "ada@example.com"  # emails match whatever their case
    assert account.writes() == []
