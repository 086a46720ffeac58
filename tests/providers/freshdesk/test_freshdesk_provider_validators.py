"""Each Freshdesk validator finds, before any write, what the API would refuse or ignore."""

from __future__ import annotations

from pathlib import Path

from provisioner.plan.build import PlanRequest
from tests.e2e_support import Account
from tests.providers.freshdesk.conftest import EXAMPLE, variant


def findings(account: Account, folder: Path, rule: str) -> list[tuple[str, str, str]]:
    plan = account.plan(folder)
    return [(d.severity, d.key, d.summary) for d in plan.diagnostics if d.rule == rule]


def test_the_example_passes_every_validator(account: Account) -> None:
    assert account.plan(EXAMPLE).diagnostics == []


def test_a_rule_naming_a_field_label_that_does_not_exist_is_an_error(account: Account, tmp_path: Path) -> None:
    folder = variant(tmp_path / "s", {"5-routing.yaml": [
        ("{field_name: Request type, operator: in, value: [Refund]}", "{field_name: Request kind, operator: in, value: [Refund]}"),
        ("{resource_type: contact, field_name: Plan tier,", "{resource_type: contact, field_name: cf_plan_tier,")]})
    found = findings(account, folder, "custom_field_labels")
    assert ("error", "Route refunds to Billing", "field_name 'Request kind' names no ticket field label") in found
    assert any(f[0] == "warning" and f[1] == "Enterprise plans to Escalations" and "generated" in f[2] for f in found)
    assert len(found) == 2


def test_a_contact_field_label_is_looked_up_among_contact_fields(account: Account, tmp_path: Path) -> None:
    folder = variant(tmp_path / "s", {"5-routing.yaml": [
        ("{resource_type: contact, field_name: Plan tier,", "{resource_type: company, field_name: Plan tier,")]})
    assert [f[2] for f in findings(account, folder, "custom_field_labels")] == [
        "field_name 'Plan tier' names no company field label"]


def test_the_default_form_fields_cannot_be_set(account: Account, tmp_path: Path) -> None:
    folder = variant(tmp_path / "s", extra="ticket_forms:\n  - title: Default Ticket Form\n    fields: [Subject]\n")
    assert [f[:2] for f in findings(account, folder, "default_form")] == [("error", "Default Ticket Form")]


def test_a_new_sla_policy_needs_all_priorities_and_a_condition(account: Account, tmp_path: Path) -> None:
    folder = variant(tmp_path / "s", extra=(
        "sla_policies:\n  - name: Half done\n    sla_target:\n"
        "      priority_4: {respond_within: 60, resolve_within: 600, business_hours: false, escalation_enabled: false}\n"))
    summaries = [f[2] for f in findings(account, folder, "sla_policy_targets")]
    assert summaries == ["sla_target needs every priority; missing priority_1, priority_2, priority_3",
                         "applicable_to needs at least one condition (groups, ticket types, sources, ...)"]


def test_section_choices_must_belong_to_the_dropdown_and_open_one_section(account: Account, tmp_path: Path) -> None:
    folder = variant(tmp_path / "s", extra=(
        "ticket_field_sections:\n  - label: Refund extras\n    ticket_field: Request type\n    choices: [Refund, Refunds]\n"
        "  - label: Order extras\n    ticket_field: Order number\n    choices: [x]\n"))
    summaries = sorted(f[2] for f in findings(account, folder, "section_choices"))
    assert summaries == ["'Order number' is a custom_text; sections hang off dropdowns",
                         "'Refund' already opens section 'Refund details'",
                         "'Refunds' is not a choice of 'Request type'"]


def test_built_in_fields_change_only_their_flags(account: Account, tmp_path: Path) -> None:
    folder = variant(tmp_path / "s", extra=(
        "ticket_fields:\n  - label: Status\n    type: default_status\n    description: Where the ticket stands\n"
        "    archived: true\n  - label: Type\n    type: default_ticket_type\n    choices: [Question, Incident]\n"))
    found = findings(account, folder, "built_in_fields")
    assert [(f[1], f[2]) for f in found] == [
        ("Status", "'Status' is a built-in field; the API cannot change its archived")]


def test_a_subfolder_listed_before_its_new_parent_is_still_created_after_it(fresh: Account, tmp_path: Path) -> None:
    folder = variant(tmp_path / "s", {"8-help-center.yaml": [
        ("  - name: Installation\n    category_id: Getting started\n    visibility: all_users\n"
         "  - name: Mobile apps\n    parent_folder_id: Installation\n",
         "  - name: Mobile apps\n    parent_folder_id: Installation\n"
         "  - name: Installation\n    category_id: Getting started\n    visibility: all_users\n")]})
    assert fresh.converge(folder).changes == []


def test_a_validator_can_be_switched_off(account: Account, tmp_path: Path) -> None:
    folder = variant(tmp_path / "s", extra="ticket_forms:\n  - title: Default Ticket Form\n    fields: [Subject]\n")
    plan = account.plan(folder, PlanRequest(disabled_validators=frozenset({"default_form"})))
    assert not [d for d in plan.diagnostics if d.rule == "default_form"]
