"""Every Zendesk validator fires on the plan that would make Zendesk refuse (or silently ignore)
a change, before anything is written, and can be switched off by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from providers.zendesk.validators import VALIDATORS, default_group
from provisioner.desired.load import load_desired
from provisioner.errors import UserError
from provisioner.plan.build import PlanRequest
from provisioner.plan.model import Change
from provisioner.validators import ValidationContext
from tests.conftest import write_yaml
from tests.e2e_support import Account

CREATE = "{field: update_type, operator: is, value: Create}"


def plan_of(account: Account, tmp_path: Path, text: str, request: PlanRequest | None = None):  # type: ignore[no-untyped-def]
    return account.plan(write_yaml(tmp_path, "state.yaml", "provider: zendesk\n" + text), request)


def errors(plan, rule: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(d.kind, d.key, d.summary) for d in plan.diagnostics if d.rule == rule]


def writes_after(account: Account, plan) -> int:  # type: ignore[no-untyped-def]
    assert not plan.applyable
    return len(account.writes())


def test_default_group_is_never_deleted(tmp_path: Path) -> None:
    account = Account.fresh("zendesk")
    plan = plan_of(account, tmp_path, "groups:\n  - name: Billing\n")
    state, provider = load_desired(tmp_path / "state.yaml")
    from provisioner.live import read_live

    live = read_live(account.adapter(), provider.kinds)
    support = next(o for o in live.of("groups") if o.system)
    # The engine never plans this itself (system objects are skipped); the rule guards any plan that does.
    change = Change(action="delete", kind="groups", key=support.key, block=2, id=support.id)
    found = default_group.check(ValidationContext(provider, state, live, plan.changes + [change]))
    assert [(d.rule, d.key) for d in found] == [("default_group", "Support")]
    assert default_group.check(ValidationContext(provider, state, live, plan.changes)) == []


def test_a_private_group_cannot_be_made_public(tmp_path: Path) -> None:
    account = Account.fresh("zendesk")
    account.converge(write_yaml(tmp_path, "state.yaml", "provider: zendesk\ngroups:\n  - {name: Audit, is_public: false}\n"))
    plan = plan_of(account, tmp_path, "groups:\n  - {name: Audit, is_public: true}\n")
    assert errors(plan, "group_visibility") == [("groups", "Audit", "a private group cannot be made public again")]


def test_a_role_agents_hold_cannot_be_deleted(tmp_path: Path) -> None:
    account = Account.fresh("zendesk")
    roles = {r["name"]: r["id"] for r in account.raw.get("/api/v2/custom_roles").json()["custom_roles"]}
    account.raw.post("/api/v2/users", json={"user": {"name": "Ann", "email": "ann@example.com", "role": "agent",
                                                     "custom_role_id": roles["Staff"]}})
    plan = plan_of(account, tmp_path, "custom_roles:\n  prune: true\n  items:\n    - name: Advisor\n")
    assert errors(plan, "custom_role_in_use") == [("custom_roles", "Staff", "1 agent(s) still hold this role: ann@example.com")]
    assert sorted(c.key for c in plan.changes if c.action == "delete") == ["Staff", "Team Leader"]


def test_a_tag_used_by_two_fields_is_refused(tmp_path: Path) -> None:
    account = Account.fresh("zendesk")
    account.converge(write_yaml(tmp_path, "state.yaml", (
        "provider: zendesk\nuser_fields:\n  - {key: plan, title: Plan, type: dropdown, "
        "custom_field_options: [{name: Free, value: free}]}\n")))
    plan = plan_of(account, tmp_path, (
        "ticket_fields:\n  - {title: Size, type: tagger, custom_field_options: [{name: S, value: small}]}\n"
        "  - {title: Fits, type: checkbox, tag: small}\n"
        "user_fields:\n  - {key: tier, title: Tier, type: dropdown, custom_field_options: "
        "[{name: Free, value: free}, {name: Paid, value: paid}, {name: Paid again, value: paid}]}\n"))
    found = errors(plan, "unique_tags")
    assert ("ticket_fields", "Size", "tag 'small' is also used by another of the ticket_fields ('Size', 'Fits')") in found
    assert ("ticket_fields", "Fits", "tag 'small' is also used by another of the ticket_fields ('Size', 'Fits')") in found
    # Against a live field the YAML leaves alone, and inside one field.
    assert ("user_fields", "tier", "tag 'free' is also used by another of the user_fields ('tier', 'plan')") in found
    assert ("user_fields", "tier", "tag 'paid' is used by two options of this field") in found


def test_more_than_2000_options_is_refused(tmp_path: Path) -> None:
    options = "".join(f"      - {{name: Item {n}, value: item_{n}}}\n" for n in range(2001))
    plan = plan_of(Account.fresh("zendesk"), tmp_path,
                   f"ticket_fields:\n  - title: Product\n    type: tagger\n    custom_field_options:\n{options}")
    assert errors(plan, "option_limit") == [("ticket_fields", "Product", "2001 options; a field holds at most 2000")]


def test_a_category_that_holds_triggers_cannot_be_deleted(tmp_path: Path) -> None:
    plan = plan_of(Account.fresh("zendesk"), tmp_path,
                   "trigger_categories:\n  prune: true\n  items:\n    - name: Routing\n")
    found = errors(plan, "trigger_category_in_use")
    assert [(k, key) for k, key, _ in found] == [("trigger_categories", "Notifications")]
    assert found[0][2].startswith("cannot delete a category that still holds 6 trigger(s)")


def test_triggers_are_listed_category_by_category(tmp_path: Path) -> None:
    def trigger(title: str, category: str) -> str:
        return (f"  - title: {title}\n    category_id: {category}\n    conditions: {{all: [{CREATE}]}}\n"
                "    actions: [{field: priority, value: high}]\n")

    categories = "trigger_categories:\n  - name: Routing\n  - name: Escalations\n"
    split = plan_of(Account.fresh("zendesk"), tmp_path, categories + "triggers:\n" + trigger("A", "Routing")
                    + trigger("B", "Escalations") + trigger("C", "Routing"))
    assert errors(split, "trigger_category_order") == [
        ("triggers", "Routing", "the triggers of category 'Routing' are not listed together")]
    backwards = plan_of(Account.fresh("zendesk"), tmp_path, categories + "triggers:\n" + trigger("B", "Escalations")
                        + trigger("A", "Routing"))
    assert [s for _, _, s in errors(backwards, "trigger_category_order")] == [
        "triggers are listed by category as Escalations › Routing, but the categories fire as Routing › Escalations"]


def test_an_automation_without_a_time_condition_is_refused(tmp_path: Path) -> None:
    plan = plan_of(Account.fresh("zendesk"), tmp_path, (
        "automations:\n  - title: Close solved\n    conditions: {all: [{field: status, operator: is, value: solved}]}\n"
        "    actions: [{field: status, value: closed}]\n"
        "  - title: Close solved later\n    conditions: {all: [{field: status, operator: is, value: solved}, "
        "{field: hours_since_solved, operator: greater_than, value: '96'}]}\n"
        "    actions: [{field: status, value: closed}]\n"))
    assert [(k, key) for k, key, _ in errors(plan, "automation_time_condition")] == [("automations", "Close solved")]


def test_a_view_with_more_than_ten_columns_is_refused(tmp_path: Path) -> None:
    columns = "[status, subject, requester, assignee, group, priority, type, created, updated, brand, organization]"
    plan = plan_of(Account.fresh("zendesk"), tmp_path, (
        "views:\n  - title: Everything\n    conditions: {all: [{field: status, operator: less_than, value: solved}]}\n"
        f"    execution: {{columns: {columns}}}\n"))
    assert errors(plan, "view_columns") == [("views", "Everything", "11 columns; a view shows at most 10")]


def test_a_placeholder_naming_no_dynamic_content_is_refused(tmp_path: Path) -> None:
    plan = plan_of(Account.fresh("zendesk"), tmp_path, (
        "dynamic_content_items:\n  - {name: Greeting, default_locale: en-US, variants: [{locale: en-US, content: Hi}]}\n"
        "macros:\n  - title: Reply\n    actions: [{field: comment_value, value: '{{dc.greeting}} {{dc.sign_off}}'}]\n"))
    assert errors(plan, "dynamic_content_placeholders") == [
        ("macros", "Reply", "names dynamic content that does not exist: {{dc.sign_off}}")]


def test_a_webhook_rules_still_call_cannot_be_deleted(tmp_path: Path) -> None:
    account = Account.fresh("zendesk")
    hook = "webhooks:\n  - {name: Pager, endpoint: 'https://events.example.com/page'}\n"
    account.converge(write_yaml(tmp_path, "state.yaml", "provider: zendesk\n" + hook))
    pager = account.plan(tmp_path / "state.yaml").id_map["webhooks"]["Pager"]
    account.raw.post("/api/v2/triggers", json={"trigger": {
        "title": "Made in the UI", "conditions": {"all": [{"field": "priority", "operator": "is", "value": "urgent"}]},
        "actions": [{"field": "notification_webhook", "value": [pager, "{}"]}]}})
    plan = plan_of(account, tmp_path, "webhooks:\n  prune: true\n  items: []\n")
    assert errors(plan, "webhook_in_use") == [
        ("webhooks", "Pager", "cannot delete a webhook that rules still call: trigger 'Made in the UI'")]
    before = writes_after(account, plan)
    with pytest.raises(UserError, match="cannot delete a webhook that rules still call"):
        account.apply(plan)
    assert len(account.writes()) == before  # nothing was sent


def test_a_rule_notifying_a_dead_url_target_is_a_warning(tmp_path: Path) -> None:
    account = Account.fresh("zendesk")
    # An account from before 2024-10-28 still holds a URL target (they can no longer be created).
    account.emulator.store["targets"].put({"id": 360002300001, "title": "Old CRM", "type": "url_target_v2",
                                            "active": True, "target_url": "https://crm.example.com/hook"})
    plan = plan_of(account, tmp_path, (
        "targets:\n  - title: Old CRM\n"  # read-only: declared so that rules may name it
        "triggers:\n  - title: Tell the CRM\n    conditions: {all: [" + CREATE + "]}\n"
        "    actions: [{field: notification_target, value: [Old CRM, 'ticket {{ticket.id}}']}]\n"))
    found = [d for d in plan.diagnostics if d.rule == "deprecated_targets"]
    assert [(d.severity, d.key) for d in found] == [("warning", "Tell the CRM")]
    assert plan.applyable  # a warning: the rule is valid, it just does nothing any more


def test_a_validator_can_be_switched_off_by_name(tmp_path: Path) -> None:
    columns = "[status, subject, requester, assignee, group, priority, type, created, updated, brand, organization]"
    text = ("views:\n  - title: Everything\n    conditions: {all: [{field: status, operator: less_than, value: solved}]}\n"
            f"    execution: {{columns: {columns}}}\n")
    plan = plan_of(Account.fresh("zendesk"), tmp_path, text, PlanRequest(disabled_validators=frozenset({"view_columns"})))
    assert errors(plan, "view_columns") == []
    assert set(VALIDATORS) >= {"default_group", "unique_tags", "option_limit", "trigger_category_in_use",
                               "automation_time_condition", "view_columns"}
