"""What goes over the wire: names become ids and generated field names, choices merge, and
order changes take as few writes as the API allows."""

from __future__ import annotations

from pathlib import Path

from provisioner.apply import apply_plan
from provisioner.interpolation import make_resolver
from tests.e2e_support import Account
from tests.providers.freshdesk.conftest import EXAMPLE, Recorder, variant


def rules(account: Account, rule_type: int) -> dict[str, dict]:
    return {r["name"]: r for r in account.raw.get(f"/api/v2/automations/{rule_type}/rules").json()}


def test_rules_name_fields_by_generated_name_and_objects_by_id_on_the_wire(account: Account) -> None:
    ids = account.plan(EXAMPLE).id_map
    creation = rules(account, 1)
    refunds = creation["Route refunds to Billing"]
    assert refunds["conditions"][0]["properties"][0]["field_name"] == "cf_request_type"
    assert refunds["actions"] == [{"field_name": "group_id", "value": ids["groups"]["Billing"]}]
    enterprise = creation["Enterprise plans to Escalations"]
    assert enterprise["conditions"][0]["properties"][0] == {
        "resource_type": "contact", "field_name": "plan_tier", "operator": "in", "value": ["Enterprise"]}
    assert {"field_name": "responder_id", "value": ids["agents"]["sam.supervisor@example.com"]} in enterprise["actions"]
    escalated = rules(account, 4)["Tell Billing about escalated refunds"]
    assert escalated["events"] == [{"field_name": "group_id", "from": ids["groups"]["Billing"],
                                    "to": ids["groups"]["Escalations"]}]
    assert escalated["performer"] == {"type": 1, "members": [ids["agents"]["sam.supervisor@example.com"]]}
    nudge = rules(account, 3)["Nudge Billing on stale tickets"]
    assert nudge["actions"][0]["email_to"] == ids["groups"]["Billing"]
    skill = {s["name"]: s for s in account.raw.get("/api/v2/admin/skills").json()}["Mobile experts"]
    assert skill["conditions"][0]["field_name"] == "cf_product_area"


def test_choices_change_by_merge_and_kept_choices_keep_their_ids(account: Account, recorded: Recorder,
                                                                 tmp_path: Path) -> None:
    field_id = account.plan(EXAMPLE).id_map["ticket_fields"]["Request type"]
    before = {c["value"]: c["id"] for c in account.raw.get(f"/api/v2/admin/ticket_fields/{field_id}").json()["choices"]}
    edited = variant(tmp_path / "state", {"4-taxonomy.yaml": [
        ("choices: [Question, Bug report, Refund, Feature request]", "choices: [Refund, Question, Outage, Bug report]")]})
    plan = account.plan(edited)
    assert [(c.action, c.key, c.fields) for c in plan.changes] == [("update", "Request type", ["choices"])]
    account.apply(plan)
    after = account.raw.get(f"/api/v2/admin/ticket_fields/{field_id}").json()["choices"]
    assert [c["value"] for c in after] == ["Refund", "Question", "Outage", "Bug report"]
    assert {c["value"]: c["id"] for c in after if c["value"] != "Outage"} == {
        v: i for v, i in before.items() if v != "Feature request"}
    assert [w[:2] for w in recorded.writes()] == [("PUT", f"/api/v2/admin/ticket_fields/{field_id}")]
    assert account.plan(edited).changes == []


def test_nested_choices_change_at_every_level(account: Account, tmp_path: Path) -> None:
    edited = variant(tmp_path / "state", {"4-taxonomy.yaml": [
        ("choices: [Login, Dashboard, Billing page]", "choices: [Login, Billing page]"),
        ("choices: [iOS, Android]", "choices: [iOS, Android, Tablet]"),
        ("      - API\n", "      - value: API\n        choices: [REST, Webhooks]\n")]})
    plan = account.plan(edited)
    assert [(c.action, c.key, c.fields) for c in plan.changes] == [("update", "Product area", ["choices"])]
    account.apply(plan)
    assert account.plan(edited).changes == []


def test_section_fields_are_moved_through_the_fields_own_mappings(account: Account, tmp_path: Path) -> None:
    edited = variant(tmp_path / "state", {"4-taxonomy.yaml": [
        ("    fields: [Order number, Refund amount]", "    fields: [Refund amount]")]})
    plan = account.plan(edited)
    assert [(c.action, c.key, c.fields) for c in plan.changes] == [("update", "Refund details", ["fields"])]
    account.apply(plan)
    order_field = account.plan(edited).id_map["ticket_fields"]["Order number"]
    assert account.raw.get(f"/api/v2/admin/ticket_fields/{order_field}").json()["section_mappings"] == []
    assert account.plan(edited).changes == []


def test_reordering_rules_moves_only_what_is_out_of_place(account: Account, recorded: Recorder, tmp_path: Path) -> None:
    text = (EXAMPLE / "5-routing.yaml").read_text()
    start = text.index("  - name: Enterprise plans to Escalations")
    end = text.index("\n# Run when a ticket changes.")
    block = text[start:end]
    edited = variant(tmp_path / "state", {"5-routing.yaml": [(block, ""), (
        "ticket_creation_rules:\n", "ticket_creation_rules:\n" + block + "\n")]})
    plan = account.plan(edited)
    assert [(c.action, c.kind, c.order) for c in plan.changes] == [
        ("reorder", "ticket_creation_rules",
         ["Enterprise plans to Escalations", "Route refunds to Billing", "Route mobile bugs to Technical"])]
    account.apply(plan)
    enterprise = plan.id_map["ticket_creation_rules"]["Enterprise plans to Escalations"]
    assert recorded.writes() == [("PUT", f"/api/v2/automations/1/rules/{enterprise}", {"position": 1})]
    assert [r["name"] for r in account.raw.get("/api/v2/automations/1/rules").json()] == plan.changes[0].order
    assert account.plan(edited).changes == []


def test_reordering_sla_policies_carries_their_conditions(account: Account, recorded: Recorder, tmp_path: Path) -> None:
    text = (EXAMPLE / "5-routing.yaml").read_text()
    billing = text[text.index("  - name: Billing\n    applicable_to"):text.index("\n# Run on every new ticket")]
    edited = variant(tmp_path / "state", {"5-routing.yaml": [(billing, ""), (
        "sla_policies:\n", "sla_policies:\n" + billing + "\n")]})
    plan = account.plan(edited)
    assert [(c.action, c.kind) for c in plan.changes] == [("reorder", "sla_policies")]
    account.apply(plan)
    writes = recorded.writes()
    assert writes and all(m == "PUT" and set(b) == {"position", "applicable_to"} for m, _, b in writes)
    policies = [p["name"] for p in account.raw.get("/api/v2/sla_policies").json()]
    assert policies.index("Billing") < policies.index("Enterprise customers")
    assert account.plan(edited).changes == []


def test_moving_an_article_and_restricting_a_response(account: Account, tmp_path: Path) -> None:
    edited = variant(tmp_path / "state", {
        "8-help-center.yaml": [("    folder_id: Invoices\n", "    folder_id: Internal billing notes\n")],
        "6-automations.yaml": [("  - title: Refund issued\n    folder_id: Billing replies\n    visibility: all_agents\n",
                                "  - title: Refund issued\n    folder_id: Billing replies\n    visibility: groups\n"
                                "    group_ids: [Billing, Escalations]\n")]})
    plan = account.plan(edited)
    assert sorted((c.kind, c.key, tuple(c.fields)) for c in plan.changes) == [
        ("canned_responses", "Refund issued", ("visibility", "group_ids")),
        ("solution_articles", "Download an invoice", ("folder_id",))]
    account.apply(plan)
    assert account.plan(edited).changes == []


def test_custom_mailbox_password_is_sent_on_create_and_never_shown(fresh: Account, tmp_path: Path,
                                                                   monkeypatch) -> None:
    secret = "imap-password-that-must-not-leak"
    monkeypatch.setenv("FD_IMAP_PASSWORD", secret)
    edited = variant(tmp_path / "state", extra=(
        "mailboxes:\n  - support_email: Help@Example.org\n    mailbox_type: custom_mailbox\n"
        "    custom_mailbox: {incoming: {mail_server: imap.example.org, port: 993}}\n"
        "    incoming_password: ${env:FD_IMAP_PASSWORD}\n"))
    recorder = Recorder(fresh.emulator)
    fresh.emulator = recorder
    plan = fresh.plan(edited)
    assert secret not in plan.model_dump_json()
    report = apply_plan(plan, fresh.provider, fresh.adapter(), resolve_value=make_resolver({"FD_IMAP_PASSWORD": secret}))
    assert report.ok, report.error
    [body] = [b for m, p, b in recorder.writes() if p == "/api/v2/email/mailboxes" and "custom_mailbox" in b]
    assert body["support_email"] == "help@example.org"
    assert body["custom_mailbox"]["incoming"] == {"mail_server": "imap.example.org", "port": 993, "password": secret}
    assert secret not in str(fresh.emulator.dump())
    assert fresh.plan(edited).changes == []
