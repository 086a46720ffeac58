"""The audit checks on the emulated Freshdesk account (its kinds mapped in providers/freshdesk/audit.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.audit.support import audit, check, flagged
from tests.conftest import EXAMPLES
from tests.drift.support import add_to_state, edit_state, hand_adapter

RULES = """\
provider: freshdesk

time_trigger_rules:
  - name: Close open tickets after two days
    conditions:
      - match_type: all
        properties:
          - {field_name: status, operator: in, value: [2]}
          - {field_name: hours_since_created, operator: greater_than, value: 48}
    actions:
      - {field_name: status, value: 5}

ticket_update_rules:
  - name: Survey when closed
    performer: {type: 1}
    events:
      - {field_name: status, from: "--", to: 5}
    conditions: []
    actions:
      - {field_name: send_email_to_requester, email_subject: "How did we do?", email_body: "{{ticket.satisfaction_survey}}"}
"""


def applied(cli, tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "desired"
    shutil.copytree(EXAMPLES / "freshdesk", folder)
    for name, text in (extra or {}).items():
        (folder / name).write_text(text)
    result = cli("apply", folder, "--emulator", "--auto-approve")
    assert result.code == 0, result.text
    return folder


def test_the_example_passes_all_but_the_article_count(cli, tmp_path: Path) -> None:
    folder = applied(cli, tmp_path)
    code, report = audit(cli, folder)
    assert code == 2
    failed = {c["id"] for c in report["checks"] if c["status"] == "failed"}
    assert failed == {"help-center-article-count"}
    assert check(report, "help-center-article-count")["findings"][0]["summary"] == "2 published article(s), fewer than 20"
    assert check(report, "unused-webhooks")["status"] == "skipped"
    for check_id in ("sla-coverage", "auto-close-needs-agent-reply", "survey-on-solved", "references-to-deleted",
                     "stale-inactive-rules", "too-many-automations", "groups-without-agents", "unused-custom-roles"):
        assert check(report, check_id)["status"] == "passed", check_id


def test_rules_closing_on_time_and_surveys_on_closed(cli, tmp_path: Path) -> None:
    folder = applied(cli, tmp_path, {"7-risky.yaml": RULES})
    report = audit(cli, folder)[1]
    assert flagged(report, "auto-close-needs-agent-reply") == {"Close open tickets after two days"}
    assert [f["summary"] for f in check(report, "survey-on-solved")["findings"]] == [
        "'Survey when closed' sends the satisfaction survey on Closed"]


def test_a_group_deleted_by_hand_breaks_the_rules_naming_it(cli, tmp_path: Path) -> None:
    folder = applied(cli, tmp_path)
    adapter = hand_adapter(tmp_path, "freshdesk")
    groups = adapter.http.client.get("/api/v2/groups").json()
    billing = next(g["id"] for g in groups if g["name"] == "Billing")
    assert adapter.http.client.delete(f"/api/v2/groups/{billing}").status_code == 204
    report = audit(cli, folder)[1]
    assert "Route refunds to Billing" in flagged(report, "references-to-deleted")
    assert check(report, "references-to-deleted")["severity"] == "error"


def test_old_inactive_rules_many_rules_and_stale_or_missing_articles(cli, tmp_path: Path) -> None:
    folder = applied(cli, tmp_path, {"provisioner.yaml": "audit:\n  checks:\n    too-many-automations: {max: 3}\n"})
    edit_state(tmp_path, "automations", {"name": "Nudge Billing on stale tickets"}, provider="freshdesk",
               updated_at="2023-05-01T00:00:00Z")
    edit_state(tmp_path, "solution_articles", {"title": "Download an invoice"}, provider="freshdesk",
               updated_at="2023-05-01T00:00:00Z")
    hand_adapter(tmp_path, "freshdesk").http.client.post("/api/v2/solutions/categories", json={"name": "Empty shelf"})
    report = audit(cli, folder)[1]
    assert flagged(report, "stale-inactive-rules") == {"Nudge Billing on stale tickets"}
    assert check(report, "too-many-automations")["findings"][0]["summary"].startswith(
        "7 ticket_creation_rules and ticket_update_rules and time_trigger_rules (more than 3)")
    assert flagged(report, "help-center-stale-articles") == {"Download an invoice"}
    assert flagged(report, "help-center-empty-categories") == {"Empty shelf"}


def test_a_group_nobody_is_in_and_a_custom_role_nobody_holds(cli, tmp_path: Path) -> None:
    folder = applied(cli, tmp_path)
    hand_adapter(tmp_path, "freshdesk").http.client.post("/api/v2/groups", json={"name": "Night shift"})
    add_to_state(tmp_path, "roles", {"id": 43000041999, "name": "Billing auditor", "description": "made in the UI",
                                     "default": False, "agent_type": 1, "created_at": "2025-01-01T00:00:00Z",
                                     "updated_at": "2025-01-01T00:00:00Z"}, provider="freshdesk")
    report = audit(cli, folder)[1]
    assert flagged(report, "groups-without-agents") == {"Night shift"}
    assert flagged(report, "unused-custom-roles") == {"Billing auditor"}
