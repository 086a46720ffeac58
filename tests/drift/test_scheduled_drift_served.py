"""The scheduled CI drift job, end to end: the tool applies to an account served over HTTP,
someone changes it by hand (raw HTTP requests, as the admin UI makes them), and the nightly
``drift --env production`` exits 2 with Markdown and JUnit reports naming what changed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from providers.common.serve import serve_in_thread
from provisioner.provider import load_provider
from tests.drift.support import desired_copy, ignore_seeded

PROJECT = """\
environments:
  production:
    env:
      ZENDESK_URL: ${env:PROD_ZENDESK_URL}
      ZENDESK_OAUTH_TOKEN: ${env:PROD_ZENDESK_TOKEN}
"""


@pytest.fixture
def served() -> Iterator[str]:
    server, url = serve_in_thread(load_provider("zendesk").make_emulator(None))
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


def test_hand_made_changes_fail_the_scheduled_drift_job_with_readable_reports(
        cli, served: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = desired_copy(tmp_path, extra={"provisioner.yaml": PROJECT})
    monkeypatch.setenv("PROD_ZENDESK_URL", served)
    monkeypatch.setenv("PROD_ZENDESK_TOKEN", "prod-secret-token-123")
    monkeypatch.setenv("ZENDESK_URL", "http://127.0.0.1:9")  # a stray variable must not redirect the job
    applied = cli("apply", folder, "--auto-approve", "--env", "production")
    assert applied.code == 0, applied.text
    ignore_seeded(cli, folder, "--env", "production")  # what the account had before the team started
    assert cli("drift", folder, "--env", "production").code == 0

    with httpx.Client(base_url=served, headers={"Authorization": "Bearer someone-in-the-ui"}) as ui:
        change_by_hand(ui)

    md_path, xml_path = tmp_path / "drift.md", tmp_path / "drift.xml"
    md_run = cli("drift", folder, "--env", "production", "--format", "markdown", "--output", md_path)
    xml_run = cli("drift", folder, "--env", "production", "--format", "junit", "--output", xml_path)
    assert (md_run.code, xml_run.code) == (2, 2), md_run.text + xml_run.text

    md = md_path.read_text()
    assert "## Drift: zendesk · 127.0.0.1" in md and "· production" in md
    assert "triggers · **VIP customers to Tier 2**" in md
    assert "| `actions[1].value` | `high` | `urgent` |" in md
    assert "### Missing from the account (1)" in md and "views · **Technical queue**" in md
    assert "macros · **Quick fix from the UI**" in md

    cases = {c.get("name"): c for c in ET.fromstring(xml_path.read_text()).iter("testcase")}
    vip_failure = cases["VIP customers to Tier 2"].find("failure")
    assert vip_failure is not None and 'actions[1].value: "high" → "urgent"' in vip_failure.text
    assert cases["Technical queue"].find("failure").get("type") == "missing"
    assert cases["Quick fix from the UI (unmanaged)"].find("failure") is not None
    assert cases["Billing queue"].find("failure") is None
    for text in (md, xml_path.read_text(), md_run.text, xml_run.text):
        assert "prod-secret-token-123" not in text


def change_by_hand(ui: httpx.Client) -> None:
    """What an admin does in the UI: edit a trigger, delete a view, add a macro."""
    triggers = ui.get("/api/v2/triggers.json").json()["triggers"]
    vip = next(t for t in triggers if t["title"] == "VIP customers to Tier 2")
    ui.put(f"/api/v2/triggers/{vip['id']}.json", json={"trigger": {
        "actions": [vip["actions"][0], {"field": "priority", "value": "urgent"}]}})
    views = ui.get("/api/v2/views.json").json()["views"]
    ui.delete(f"/api/v2/views/{next(v['id'] for v in views if v['title'] == 'Technical queue')}.json")
    ui.post("/api/v2/macros.json", json={"macro": {"title": "Quick fix from the UI",
                                                    "actions": [{"field": "status", "value": "solved"}]}})
