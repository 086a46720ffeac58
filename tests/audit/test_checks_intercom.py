"""The audit checks on the emulated Intercom workspace (providers/intercom/audit.py): the help
center and teams are checked; what Intercom's API does not expose is skipped, saying so."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.audit.support import audit, check, flagged
from tests.conftest import EXAMPLES
from tests.drift.support import edit_state, hand_adapter

NOT_IN_INTERCOM = ("sla-coverage", "auto-close-needs-agent-reply", "survey-on-solved", "references-to-deleted",
                   "references-to-inactive", "unused-webhooks", "stale-inactive-rules", "too-many-automations",
                   "unused-custom-roles")


def applied(cli, tmp_path: Path) -> Path:
    folder = tmp_path / "desired"
    shutil.copytree(EXAMPLES / "intercom", folder)
    result = cli("apply", folder, "--emulator", "--auto-approve")
    assert result.code == 0, result.text
    return folder


def test_the_example_is_checked_where_intercom_can_be_and_skipped_elsewhere(cli, tmp_path: Path) -> None:
    folder = applied(cli, tmp_path)
    code, report = audit(cli, folder)
    assert code == 2
    assert {c["id"] for c in report["checks"] if c["status"] == "failed"} == {"help-center-article-count"}
    for check_id in ("drift", "help-center-empty-categories", "help-center-stale-articles", "groups-without-agents"):
        assert check(report, check_id)["status"] == "passed", check_id
    for check_id in NOT_IN_INTERCOM:
        result = check(report, check_id)
        assert result["status"] == "skipped" and result["note"].startswith("intercom: no kind maps to"), result


def test_empty_collections_stale_articles_and_teams_without_teammates(cli, tmp_path: Path) -> None:
    folder = applied(cli, tmp_path)
    client = hand_adapter(tmp_path, "intercom").http.client
    assert client.post("/help_center/collections", json={"name": "Nothing here yet"}).status_code == 200
    edit_state(tmp_path, "articles", {"title": "Install the desktop app"}, provider="intercom", updated_at=1_700_000_000)
    edit_state(tmp_path, "teams", {"name": "Billing"}, provider="intercom", admin_ids=[])
    report = audit(cli, folder)[1]
    assert flagged(report, "help-center-empty-categories") == {"Nothing here yet"}
    assert flagged(report, "help-center-stale-articles") == {"Install the desktop app"}
    assert flagged(report, "groups-without-agents") == {"Billing"}
