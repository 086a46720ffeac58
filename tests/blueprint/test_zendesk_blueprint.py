"""The Standard blueprint builds an empty account block by block, converges and passes the audit."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES

BLUEPRINT = EXAMPLES / "zendesk" / "standard"
SECRETS = {"ALERTS_WEBHOOK_TOKEN": "alerts-token-1", "ENGINEERING_WEBHOOK_TOKEN": "eng-token-1", "CRM_API_KEY": "crm-key-1"}


@pytest.fixture(autouse=True)
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)


def statuses(cli) -> dict[int, str]:  # type: ignore[no-untyped-def]
    result = cli("blocks", BLUEPRINT, "--emulator", "--json")
    assert result.code == 0, result.text
    return {b["block"]: b["status"] for b in json.loads(result.out)}


def test_blueprint_covers_the_playbook_blocks(cli) -> None:
    result = cli("validate", BLUEPRINT)
    assert result.code == 0, result.text
    fresh = statuses(cli)
    assert fresh[1] == "partly applied"  # the account's default brand exists already and is adopted
    assert fresh[2] == fresh[4] == fresh[8] == "not started"
    assert fresh[5] == "partly applied"  # the standard "Notifications" trigger category is adopted
    assert fresh[9] == "nothing declared"  # no public API for the answer bot


def test_blueprint_builds_block_by_block_converges_and_passes_the_audit(cli) -> None:
    assert cli("apply", BLUEPRINT, "--emulator", "--auto-approve", "--block", "1-3").code == 0
    after_three = statuses(cli)
    assert after_three[1] == after_three[2] == after_three[3] == "in sync"
    assert after_three[4] == after_three[6] == after_three[8] == "not started"
    assert "Next: build block 4" in cli("blocks", BLUEPRINT, "--emulator").out

    applied = cli("apply", BLUEPRINT, "--emulator", "--auto-approve")
    assert applied.code == 0, applied.text
    assert cli("plan", BLUEPRINT, "--emulator", "--detailed-exitcode").code == 0
    assert set(statuses(cli).values()) <= {"in sync", "nothing declared"}

    audit = cli("audit", BLUEPRINT, "--emulator")
    assert audit.code == 0, audit.out
    assert "passed" in audit.out.splitlines()[0]


def test_blueprint_content_matches_the_standard_configuration(cli, tmp_path) -> None:
    out = tmp_path / "docs"
    assert cli("docs", BLUEPRINT, "--out", out).code == 0
    sla = (out / "sla-policies.md").read_text()
    for row in ("| P1 Urgent | 1 h | — | 4 h |", "| P2 High | 4 h | — | 24 h |",
                "| P3 Normal | 8 h | — | 48 h |", "| P4 Low | 24 h | — | 72 h |"):
        assert row in sla
    guide = (out / "agent-quick-reference.md").read_text()
    for macro in ("Escalation :: To Tier 2", "Escalation :: To Engineering", "Escalation :: To Billing"):
        assert macro in guide
    assert guide.count("| General :: ") + guide.count("| Billing :: ") + guide.count("| Product :: ") >= 8
    routing = (out / "routing-map.md").read_text()
    assert "Route billing to Billing" in routing and "VIP customers to Tier 2" in routing
    integrations = (out / "integration-map.md").read_text()
    assert "`ALERTS_WEBHOOK_TOKEN`" in integrations and SECRETS["ALERTS_WEBHOOK_TOKEN"] not in integrations


def test_tracker_suggests_building_a_block_with_the_blocks_it_names(cli) -> None:
    assert cli("apply", BLUEPRINT, "--emulator", "--auto-approve", "--block", "1-4").code == 0
    text = cli("blocks", BLUEPRINT, "--emulator").out
    # Block 5 triggers notify Block 7 webhooks: planning block 5 alone could not resolve them.
    assert "--block 5,7" in text
    assert cli("apply", BLUEPRINT, "--emulator", "--auto-approve", "--block", "5,7").code == 0
