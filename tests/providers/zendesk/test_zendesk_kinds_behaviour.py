"""What the Zendesk kinds do beyond plain CRUD: credentials from the environment that never
leak, immutable fields, people checked at plan time, the calls a schedule change makes, order
through the right endpoint, and creates ordered before the changes that need them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, emulator_state, write_yaml
from tests.e2e_support import Account

EXAMPLE = EXAMPLES / "zendesk"
TOKEN, JIRA_TOKEN = "pd-token-7Hq2-secret", "jira-token-Zr81-secret"

INTEGRATIONS = """provider: zendesk
webhooks:
  - name: Pager
    endpoint: https://events.example.com/page
    authentication:
      type: bearer_token
      data: {token: "${env:PAGER_TOKEN}"}
      add_position: header
app_installations:
  - name: Jira
    app_id: 69217
    settings: {jira_url: "https://acme.atlassian.net"}
    secure_settings: {api_token: "${env:JIRA_TOKEN}"}
"""


def _digest(data: dict) -> str:
    return "sha256:" + hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _files_under(folder: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in folder.rglob("*") if p.is_file())


def test_credentials_come_from_the_environment_are_sent_once_and_never_written_or_shown(
        cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER_TOKEN", TOKEN)
    monkeypatch.setenv("JIRA_TOKEN", JIRA_TOKEN)
    write_yaml(tmp_path / "state", "7.yaml", INTEGRATIONS)
    planned = cli("plan", "state", "--emulator", "--out", "plans/p.json")
    assert planned.code == 0, planned.text
    applied = cli("apply", "plans/p.json", "--emulator")
    assert applied.code == 0, applied.text
    again = cli("plan", "state", "--emulator", "--detailed-exitcode")
    assert again.code == 0 and again.out.startswith("No changes."), again.text  # credentials are not drift

    # Sent: the account holds the digest of exactly those credentials...
    state = emulator_state(tmp_path, "zendesk")["collections"]
    hook = next(iter(state["webhooks"]["items"].values()))
    assert hook["authentication"]["data_digest"] == _digest({"token": TOKEN})
    app = next(iter(state["app_installations"]["items"].values()))
    assert app["settings"]["api_token"] == _digest(JIRA_TOKEN) and app["secure_settings"] == ["api_token"]
    # ...and never written or shown by the tool: not in output, plans, journals, history, state.
    everything = planned.text + applied.text + again.text + _files_under(tmp_path / "plans") + \
        _files_under(tmp_path / ".provisioner")
    assert TOKEN not in everything and JIRA_TOKEN not in everything
    assert "${env:PAGER_TOKEN}" in (tmp_path / "plans" / "p.json").read_text()  # the reference, not the value

    # A rotated value is not detected (Zendesk never returns credentials): documented, not drift.
    monkeypatch.setenv("PAGER_TOKEN", "rotated")
    assert cli("plan", "state", "--emulator", "--detailed-exitcode").code == 0


@pytest.mark.parametrize("reference,literal,field", [
    ('data: {token: "${env:PAGER_TOKEN}"}', "data: {token: abc123}", "webhooks.authentication.data"),
    ('secure_settings: {api_token: "${env:JIRA_TOKEN}"}', "secure_settings: {api_token: abc123}",
     "app_installations.secure_settings"),
])
def test_a_literal_credential_is_refused_when_the_yaml_is_loaded(cli, tmp_path: Path, reference: str, literal: str,
                                                                 field: str) -> None:
    write_yaml(tmp_path / "state", "7.yaml", INTEGRATIONS.replace(reference, literal))
    result = cli("validate", "state")
    assert result.code == 1 and field in result.err and "${env:NAME}" in result.err
    assert len(result.err.strip().splitlines()) == 1 and "abc123" not in result.err


@pytest.fixture(scope="module")
def converged() -> dict:
    account = Account.fresh("zendesk")
    assert account.converge(EXAMPLE).changes == []
    return account.emulator.dump()


def _account(state: dict) -> Account:
    account = Account.fresh("zendesk")
    account.emulator = account.provider.make_emulator(json.loads(json.dumps(state)))
    return account


def _edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / "state"
    folder.mkdir(parents=True, exist_ok=True)
    for source in EXAMPLE.glob("*.yaml"):
        text = source.read_text()
        if source.name == name:
            assert old in text, (name, old)
            text = text.replace(old, new)
        (folder / source.name).write_text(text)
    return folder


def test_changing_an_immutable_field_is_refused_unless_replacing_is_allowed(converged: dict, tmp_path: Path) -> None:
    from provisioner.plan.build import PlanRequest

    account = _account(converged)
    folder = _edited(tmp_path, "4-customer-fields.yaml", "    title: Preferred language\n    type: text",
                     "    title: Preferred language\n    type: dropdown\n    custom_field_options:\n"
                     "      - {name: English, value: lang_en}")
    plan = account.plan(folder)
    assert [c.action for c in plan.changes] == []
    refused = [d for d in plan.errors if d.rule == "immutable_field"]
    assert refused[0].kind == "user_fields" and refused[0].key == "preferred_language"
    assert "type: 'text' → 'dropdown'" in refused[0].summary and "--allow-replace user_fields" in refused[0].detail

    plan = account.plan(folder, PlanRequest(allow_replace=frozenset({"user_fields"})))
    # Recreated, it would land last: the plan puts it back in its place in the same apply.
    assert [(c.action, c.kind, c.key) for c in plan.changes] == [("replace", "user_fields", "preferred_language"),
                                                                 ("reorder", "user_fields", "(order)")]
    account.apply(plan)
    assert account.plan(folder).changes == []


def test_a_webhooks_connection_method_cannot_change(converged: dict, tmp_path: Path) -> None:
    account = _account(converged)
    folder = _edited(tmp_path, "7-integrations.yaml", "    request_format: json\n",
                     "    request_format: json\n    subscriptions: ['zen:event-type:ticket.created']\n")
    plan = account.plan(folder)
    refused = [(d.rule, d.kind, d.key) for d in plan.errors]
    assert refused == [("immutable_field", "webhooks", "On-call pager")]
    assert "connection_method: 'triggers_and_automations' → 'events'" in plan.errors[0].summary


def test_a_member_missing_from_the_account_is_a_plan_error_and_the_fallback_stands_in(cli, tmp_path: Path) -> None:
    write_yaml(tmp_path / "state", "2.yaml", "provider: zendesk\ngroups:\n  - name: Billing\n"
               "group_memberships:\n  - group: Billing\n    agents: [owner@example.com, jane@example.com]\n")
    result = cli("plan", "state", "--emulator")
    assert result.code == 1 and "Traceback" not in result.text
    assert ("error missing_user group_memberships['Billing']: agents[1] names agents 'jane@example.com', "
            "who is not in the account") in result.out
    assert "2.yaml:6" in result.out

    write_yaml(tmp_path / "state", "provisioner.yaml", "fallback_user: owner@example.com\n")
    result = cli("apply", "state", "--emulator", "--auto-approve")
    assert result.code == 0 and "using the fallback 'owner@example.com'" in result.out, result.text
    assert cli("plan", "state", "--emulator", "--detailed-exitcode").code == 0


def test_a_schedule_change_sends_only_the_calls_it_needs(converged: dict, tmp_path: Path) -> None:
    account = _account(converged)
    christmas = '      - {name: Christmas, start_date: "2026-12-24", end_date: "2026-12-25"}\n'
    holidays = _edited(tmp_path / "holidays", "1-foundation.yaml", christmas, christmas.replace("12-25", "12-26")
                       + '      - {name: Labor Day, start_date: "2026-09-07"}\n')
    plan = account.plan(holidays)
    assert [(c.kind, c.fields) for c in plan.changes] == [("schedules", ["holidays"])]
    account.emulator.request_log.clear()
    account.apply(plan)
    # One holiday changed, one added: no schedule PUT, no workweek PUT.
    assert sorted((r.method, r.path.split("/")[6]) for r in account.writes()) == [("POST", "holidays"),
                                                                                   ("PUT", "holidays")]
    assert account.plan(holidays).changes == []

    friday = '      friday: ["08:00-17:00"]\n'
    hours = _edited(tmp_path / "hours", "1-foundation.yaml", christmas, christmas.replace("12-25", "12-26")
                    + '      - {name: Labor Day, start_date: "2026-09-07"}\n')
    text = (hours / "1-foundation.yaml").read_text()
    (hours / "1-foundation.yaml").write_text(text.replace(friday, '      friday: ["08:00-12:00", "13:00-17:00"]\n', 1))
    plan = account.plan(hours)
    assert [(c.kind, c.key, c.fields) for c in plan.changes] == [("schedules", "Support hours", ["workweek"])]
    account.emulator.request_log.clear()
    account.apply(plan)
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in account.writes()] == [("PUT", "workweek")]
    assert account.plan(hours).changes == []


def test_user_field_order_is_one_reorder_through_its_endpoint(converged: dict, tmp_path: Path) -> None:
    account = _account(converged)
    text = (EXAMPLE / "4-customer-fields.yaml").read_text()
    plan_field = text[text.index("  - key: plan"):text.index("  - key: preferred_language")]
    folder = _edited(tmp_path, "4-customer-fields.yaml", plan_field, "")
    moved = (folder / "4-customer-fields.yaml").read_text().replace("\norganization_fields:",
                                                                    plan_field + "\norganization_fields:")
    (folder / "4-customer-fields.yaml").write_text(moved)  # "plan" listed last
    plan = account.plan(folder)
    assert [(c.action, c.kind, c.order) for c in plan.changes] == [
        ("reorder", "user_fields", ["preferred_language", "beta_tester", "plan"])]
    account.emulator.request_log.clear()
    account.apply(plan)
    assert [(r.method, r.path) for r in account.writes()] == [("PUT", "/api/v2/user_fields/reorder")]
    assert account.plan(folder).changes == []


def test_with_one_trigger_category_the_order_goes_through_the_reorder_endpoint(tmp_path: Path) -> None:
    rules = ("provider: zendesk\ngroups:\n  - name: Billing\ntriggers:\n"
             "  - title: First\n    actions: [{field: group_id, value: Billing}]\n"
             "    conditions: {all: [{field: update_type, operator: is, value: Create}]}\n"
             "  - title: Second\n    actions: [{field: priority, value: high}]\n"
             "    conditions: {all: [{field: update_type, operator: is, value: Create}]}\n")
    account = Account.fresh("zendesk")
    path = write_yaml(tmp_path, "rules.yaml", rules)
    assert account.converge(path).changes == []
    swapped = rules[: rules.index("  - title: First")] + rules[rules.index("  - title: Second"):] + \
        rules[rules.index("  - title: First"): rules.index("  - title: Second")]
    path.write_text(swapped)
    plan = account.plan(path)
    assert [(c.action, c.kind) for c in plan.changes] == [("reorder", "triggers")]
    account.emulator.request_log.clear()
    account.apply(plan)
    assert [(r.method, r.path) for r in account.writes()] == [("PUT", "/api/v2/triggers/reorder")]
    assert account.plan(path).changes == []


def test_a_webhook_a_trigger_names_is_created_before_the_trigger_though_in_a_later_block() -> None:
    plan = Account.fresh("zendesk").plan(EXAMPLE)
    order = [(c.kind, c.key) for c in plan.changes]
    hook, trigger = order.index(("webhooks", "On-call pager")), order.index(
        ("triggers", "Page on-call for urgent enterprise tickets"))
    assert hook < trigger
    # Everything else keeps the block order: the other webhook comes with Block 7.
    assert order.index(("webhooks", "Ticket audit stream")) > order.index(("views", "Technical queue"))


def test_plan_of_one_block_says_which_references_into_later_blocks_are_missing(cli) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve", "--block", "1-4").code == 0
    result = cli("plan", EXAMPLE, "--emulator", "--block", "5")
    assert result.code == 1
    assert ("error missing_reference triggers['Page on-call for urgent enterprise tickets']: actions[1].value[0] "
            "names webhooks 'On-call pager', which does not exist in the account") in result.out
    assert "apply block 7 first (plan --block 7)" in result.out
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve", "--block", "7").code == 0
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve", "--block", "5").code == 0


def test_answer_bot_is_refused_with_the_reason(cli, tmp_path: Path) -> None:
    write_yaml(tmp_path / "state", "9.yaml", "provider: zendesk\nanswer_bot:\n  - name: Bot\n")
    result = cli("validate", "state")
    assert result.code == 1 and "answer_bot cannot be managed: no public Zendesk API" in result.err
    assert "9.yaml:3" in result.err


def test_dynamic_content_is_written_and_compared_raw(tmp_path: Path) -> None:
    account = Account.fresh("zendesk")
    item = ("provider: zendesk\ndynamic_content_items:\n  - name: Order label\n    default_locale: en-US\n"
            "    variants:\n      - {locale: en-US, content: Order number}\n      - {locale: es, content: Número de pedido}\n")
    path = write_yaml(tmp_path, "dc.yaml", item)
    assert account.converge(path).changes == []
    path.write_text(item + "ticket_fields:\n  - title: '{{dc.order_label}}'\n    type: text\n")
    assert account.converge(path).changes == []
    field = next(f for f in account.raw.get("/api/v2/ticket_fields").json()["ticket_fields"]
                 if f.get("raw_title") == "{{dc.order_label}}")
    assert field["title"] == "Order number"  # rendered by Zendesk, never compared

    path.write_text(path.read_text().replace("default_locale: en-US", "default_locale: es"))
    plan = account.plan(path)
    assert [(c.kind, c.fields) for c in plan.changes] == [("dynamic_content_items", ["default_locale"])]
    account.apply(plan)
    assert account.plan(path).changes == []


def test_a_help_center_refusal_is_one_readable_line(tmp_path: Path) -> None:
    from provisioner.apply import apply_plan

    account = Account.fresh("zendesk")
    path = write_yaml(tmp_path, "hc.yaml", "provider: zendesk\nhelp_center_categories:\n  - name: Billing\n    locale: pt-br\n")
    report = apply_plan(account.plan(path), account.provider, account.adapter())
    # Help Center answers {"errors": {"locale": ["..."]}}: shown as the field and the reason.
    assert not report.ok and report.error.endswith("answered 400: locale: pt-br is not enabled for this Help Center")
