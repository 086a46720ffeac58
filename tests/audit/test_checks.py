"""Each audit check on the emulated Zendesk account: clean in the example, failing when the
account has the problem, with the objects concerned and a fix hint."""

from __future__ import annotations

from pathlib import Path

from tests.audit.support import applied_copy, audit, check, flagged
from tests.drift.support import edit_state, live_id, ui

LOW_FIRST_REPLY = "      - {priority: low, metric: first_reply_time, target: 1440, business_hours: true}\n"


def test_the_example_account_passes_every_check_it_can_run(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    # The example manages configuration only: no agents, no articles (those checks are tested below).
    code, report = audit(cli, folder, "--disable", "groups-without-agents", "--disable", "unused-custom-roles",
                         "--disable", "help-center-article-count")
    assert code == 0, [c for c in report["checks"] if c["status"] == "failed"]
    assert report["passed"] is True
    for check_id in ("drift", "sla-coverage", "auto-close-needs-agent-reply", "survey-on-solved", "references-to-deleted",
                     "references-to-inactive", "stale-inactive-rules", "too-many-automations",
                     "help-center-empty-categories", "help-center-stale-articles"):
        assert check(report, check_id)["status"] == "passed", check_id


def test_sla_coverage_names_the_priority_and_metric_left_without_a_target(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path, replace=(LOW_FIRST_REPLY, ""))
    code, report = audit(cli, folder)
    result = check(report, "sla-coverage")
    assert code == 2 and result["status"] == "failed" and result["severity"] == "error"
    assert [f["summary"] for f in result["findings"]] == ["priority low has no first-reply target in any active SLA policy"]
    assert result["findings"][0]["objects"][0]["key"] == "Standard support"
    assert "first-reply targets for low" in result["findings"][0]["fix"]


AUTO_CLOSE_ON_TIME = """\
provider: zendesk

automations:
  - title: Solve open tickets after two days
    conditions:
      all:
        - {field: status, operator: is, value: open}
        - {field: OPEN, operator: greater_than, value: "48"}
    actions:
      - {field: status, value: solved}
"""


def test_auto_close_on_elapsed_time_alone_is_flagged_pending_based_is_not(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path, extra={"7-auto-close.yaml": AUTO_CLOSE_ON_TIME})
    code, report = audit(cli, folder)
    assert code == 2
    assert flagged(report, "auto-close-needs-agent-reply") == {"Solve open tickets after two days"}
    assert "agent replied" in check(report, "auto-close-needs-agent-reply")["findings"][0]["fix"]


SURVEY = """\
provider: zendesk

triggers:
  - title: Ask for a rating
    conditions:
      all:
        - {field: status, operator: is, value: closed}
    actions:
      - {field: notification_user, value: [requester_id, "How did we do?", "{{satisfaction.rating_section}}"]}
"""


def test_satisfaction_survey_on_closed_is_flagged_and_on_solved_passes(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path, extra={"7-survey.yaml": SURVEY})
    code, report = audit(cli, folder)
    result = check(report, "survey-on-solved")
    assert code == 2 and [f["summary"] for f in result["findings"]] == ["'Ask for a rating' sends the satisfaction survey on Closed"]
    (folder / "7-survey.yaml").write_text(SURVEY.replace("value: closed}", "value: solved}"))
    assert cli("apply", folder, "--emulator", "--auto-approve").code == 0
    assert check(audit(cli, folder)[1], "survey-on-solved")["status"] == "passed"


def test_rules_naming_a_group_deleted_by_hand_are_errors(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    with ui(tmp_path) as client:
        group = live_id(client, "/api/v2/groups", "groups", "name", "Technical")
        assert client.delete(f"/api/v2/groups/{group}").status_code == 204
    code, report = audit(cli, folder)
    result = check(report, "references-to-deleted")
    assert code == 2 and result["status"] == "failed"
    assert flagged(report, "references-to-deleted") == {"Route bug reports", "Technical queue"}
    summaries = " ".join(f["summary"] for f in result["findings"])
    assert f"actions[0].value names groups id {group}, which no longer exists" in summaries
    assert f"conditions.all[1].value names groups id {group}" in summaries


def test_active_rules_naming_a_field_deactivated_by_hand_are_warnings(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    with ui(tmp_path) as client:
        field = live_id(client, "/api/v2/ticket_fields", "ticket_fields", "title", "Customer Tier")
        client.put(f"/api/v2/ticket_fields/{field}", json={"ticket_field": {"active": False}})
    code, report = audit(cli, folder)
    result = check(report, "references-to-inactive")
    assert code == 2 and result["severity"] == "warning"
    assert [f["summary"] for f in result["findings"]] == [
        "triggers 'VIP customers to Tier 2': conditions.all[1].field names ticket_fields 'Customer Tier', which is inactive"]
    assert [o["key"] for o in result["findings"][0]["objects"]] == ["VIP customers to Tier 2", "Customer Tier"]


def test_inactive_rules_untouched_for_90_days_use_the_live_updated_at(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    assert check(audit(cli, folder)[1], "stale-inactive-rules")["status"] == "passed"
    with ui(tmp_path) as client:
        made = client.post("/api/v2/triggers", json={"trigger": {
            "title": "Old experiment", "active": False,
            "conditions": {"all": [{"field": "status", "operator": "is", "value": "new"}]},
            "actions": [{"field": "status", "value": "open"}]}})
        assert made.status_code == 201, made.text
    edit_state(tmp_path, "triggers", {"title": "Old experiment"}, updated_at="2020-01-01T00:00:00Z")
    # A vendor default the YAML leaves alone ({key: ...}) is not the team's upkeep, however old.
    edit_state(tmp_path, "triggers", {"title": "Notify all agents of received request"}, updated_at="2020-01-01T00:00:00Z")
    edit_state(tmp_path, "automations", {"title": "Close ticket 4 days after status is set to solved"},
               updated_at="2020-01-01T00:00:00Z")  # active: old but not stale
    code, report = audit(cli, folder)
    assert code == 2
    assert flagged(report, "stale-inactive-rules") == {"Old experiment"}
    assert "is inactive and was last updated" in check(report, "stale-inactive-rules")["findings"][0]["summary"]


def test_more_automations_than_the_configured_maximum(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path, extra={
        "provisioner.yaml": "audit:\n  checks:\n    too-many-automations: {max: 2}\n"})
    code, report = audit(cli, folder)
    result = check(report, "too-many-automations")
    assert code == 2 and result["options"] == {"max": 2, "count_inactive": True}
    assert result["findings"][0]["summary"] == "3 automations (more than 2)"
    assert len(result["findings"][0]["objects"]) == 3


def test_groups_without_agents_and_roles_nobody_holds(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    with ui(tmp_path) as client:
        roles = {r["name"]: r["id"] for r in client.get("/api/v2/custom_roles").json()["custom_roles"]}
        agent = client.post("/api/v2/users", json={"user": {"name": "Ann Agent", "email": "ann@example.com", "role": "agent",
                                                            "custom_role_id": roles["Staff"]}}).json()["user"]["id"]
        billing = live_id(client, "/api/v2/groups", "groups", "name", "Billing")
        assert client.post("/api/v2/group_memberships", json={"group_membership": {
            "user_id": agent, "group_id": billing}}).status_code == 201
    code, report = audit(cli, folder)
    assert code == 2
    assert flagged(report, "groups-without-agents") == {"Support Tier 1", "Support Tier 2", "Technical"}
    assert flagged(report, "unused-custom-roles") == set(roles) - {"Staff"}
    assert check(report, "unused-custom-roles")["severity"] == "info"


def webhook(client, name: str, subscriptions: list[str]) -> str:
    answer = client.post("/api/v2/webhooks", json={"webhook": {
        "name": name, "endpoint": f"https://hooks.example.com/{len(name)}", "http_method": "POST",
        "request_format": "json", "status": "active", "subscriptions": subscriptions}})
    assert answer.status_code in {200, 201}, answer.text
    return answer.json()["webhook"]["id"]


def test_webhooks_no_rule_calls_are_flagged_event_subscriptions_are_not(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    with ui(tmp_path) as client:
        called = webhook(client, "Pager", ["conditional_ticket_events"])
        webhook(client, "Old CRM sync", ["conditional_ticket_events"])
        webhook(client, "Event stream", ["zen:event-type:ticket.status_changed"])
        trigger = live_id(client, "/api/v2/triggers", "triggers", "title", "VIP customers to Tier 2")
        actions = client.get(f"/api/v2/triggers/{trigger}").json()["trigger"]["actions"]
        answer = client.put(f"/api/v2/triggers/{trigger}", json={"trigger": {
            "actions": actions + [{"field": "notification_webhook", "value": [called, '{"vip": true}']}]}})
        assert answer.status_code == 200, answer.text
    report = audit(cli, folder)[1]
    result = check(report, "unused-webhooks")
    assert result["status"] == "failed" and flagged(report, "unused-webhooks") == {"Old CRM sync"}
    assert "used by no rule" in result["findings"][0]["summary"]


def build_help_center(client, published: dict[str, int], drafts: dict[str, int]) -> dict[str, list[int]]:
    """Categories (one section each) with that many published and draft articles; their ids."""
    access = client.get("/api/v2/guide/permission_groups").json()["permission_groups"][0]["id"]
    ids: dict[str, list[int]] = {}
    for name in dict.fromkeys([*published, *drafts]):
        category = client.post("/api/v2/help_center/categories", json={"category": {"name": name, "locale": "en-us"}})
        section = client.post(f"/api/v2/help_center/categories/{category.json()['category']['id']}/sections",
                              json={"section": {"name": f"{name} basics", "locale": "en-us"}}).json()["section"]["id"]
        ids[name] = []
        for index in range(published.get(name, 0) + drafts.get(name, 0)):
            draft = index >= published.get(name, 0)
            answer = client.post(f"/api/v2/help_center/sections/{section}/articles", json={"article": {
                "title": f"{name} article {index + 1}", "locale": "en-us", "body": "<p>How to.</p>",
                "permission_group_id": access, "user_segment_id": None, "draft": draft}})
            assert answer.status_code == 201, answer.text
            ids[name].append(answer.json()["article"]["id"])
    return ids


def test_help_center_checks_count_published_articles_per_category_and_their_age(cli, tmp_path: Path) -> None:
    folder = applied_copy(cli, tmp_path)
    with ui(tmp_path) as client:
        articles = build_help_center(client, published={"Billing FAQ": 3}, drafts={"Billing FAQ": 1, "Coming soon": 2})
    edit_state(tmp_path, "hc_articles", {"id": articles["Billing FAQ"][0]}, edited_at="2024-01-02T00:00:00Z")
    code, report = audit(cli, folder)
    assert code == 2
    count = check(report, "help-center-article-count")
    assert [f["summary"] for f in count["findings"]] == ["3 published article(s), fewer than 20"]
    assert flagged(report, "help-center-empty-categories") == {"Coming soon"}
    assert flagged(report, "help-center-stale-articles") == {"Billing FAQ article 1"}
    assert "was last updated" in check(report, "help-center-stale-articles")["findings"][0]["summary"]
    (folder / "provisioner.yaml").write_text("audit:\n  checks:\n    help-center-article-count: {min: 3}\n")
    assert check(audit(cli, folder)[1], "help-center-article-count")["status"] == "passed"
