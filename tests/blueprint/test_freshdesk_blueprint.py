"""The Freshdesk variant of the Standard blueprint builds an empty account, converges and passes the audit."""

from __future__ import annotations

import json

from tests.conftest import EXAMPLES

BLUEPRINT = EXAMPLES / "freshdesk" / "standard"


def statuses(cli) -> dict[int, str]:  # type: ignore[no-untyped-def]
    result = cli("blocks", BLUEPRINT, "--emulator", "--json")
    assert result.code == 0, result.text
    return {b["block"]: b["status"] for b in json.loads(result.out)}


def test_freshdesk_blueprint_builds_block_by_block_converges_and_passes_the_audit(cli) -> None:
    validated = cli("validate", BLUEPRINT)
    assert validated.code == 0, validated.text
    fresh = statuses(cli)
    assert fresh[4] == fresh[6] == fresh[8] == "not started"
    assert fresh[7] == fresh[9] == "nothing declared"  # no webhook or answer-bot API

    assert cli("apply", BLUEPRINT, "--emulator", "--auto-approve", "--block", "1-3").code == 0
    after_three = statuses(cli)
    assert after_three[1] == after_three[2] == after_three[3] == "in sync"
    assert after_three[4] == after_three[8] == "not started"

    applied = cli("apply", BLUEPRINT, "--emulator", "--auto-approve")
    assert applied.code == 0, applied.text
    assert cli("plan", BLUEPRINT, "--emulator", "--detailed-exitcode").code == 0
    assert set(statuses(cli).values()) == {"in sync", "nothing declared"}

    audit = cli("audit", BLUEPRINT, "--emulator")
    assert audit.code == 0, audit.out
    assert "passed" in audit.out.splitlines()[0]
    assert "✗" not in audit.out


def test_freshdesk_blueprint_carries_the_standard_sla_and_replies(cli, tmp_path) -> None:
    out = tmp_path / "docs"
    result = cli("docs", BLUEPRINT, "--out", out)
    assert result.code == 0, result.text
    sla = (out / "sla-policies.md").read_text()
    for row in ("| P1 Urgent | 1 h | — | 4 h |", "| P2 High | 4 h | — | 24 h |",
                "| P3 Medium | 8 h | — | 48 h |", "| P4 Low | 24 h | — | 72 h |"):
        assert row in sla
    everything = "\n".join(p.read_text() for p in out.glob("*.md"))
    for macro in ("Escalation :: To Tier 2", "Escalation :: To Engineering", "Escalation :: To Billing"):
        assert macro in everything
    assert "Route billing to Billing" in everything and "VIP customers to Tier 2" in everything
