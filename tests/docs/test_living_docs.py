"""The generated documents say what the desired state configures; checked by parsing them."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "zendesk"


def table_rows(markdown: str, first_header: str) -> list[list[str]]:
    """Rows of every Markdown table whose header starts with ``first_header``."""
    lines = markdown.splitlines()
    rows = []
    for start in (i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |")):
        for line in lines[start + 2:]:
            if not line.startswith("|"):
                break
            rows.append([c.strip() for c in re.split(r"(?<!\\)\|", line.strip("|"))])
    return rows


def generate(cli, out: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    result = cli("docs", EXAMPLE, "--out", out)
    assert result.code == 0, result.text
    return {p.name: p.read_text() for p in out.glob("*.md")}


def test_sla_document_has_one_row_per_priority_with_targets(cli, tmp_path: Path) -> None:
    docs = generate(cli, tmp_path / "out")
    sla = docs["sla-policies.md"]
    assert "## Standard support" in sla and "**Applies to:** type is not task." in sla
    rows = table_rows(sla, "Priority")
    assert rows[0] == ["P1 Urgent", "1 h", "—", "4 h", "calendar hours"]
    assert rows[3] == ["P4 Low", "24 h", "—", "72 h", "business hours"]
    assert len(rows) == 4


def test_routing_map_edges_follow_the_triggers_in_order(cli, tmp_path: Path) -> None:
    routing = generate(cli, tmp_path / "out")["routing-map.md"]
    chart = routing.split("```mermaid")[1].split("```")[0]
    nodes = dict(re.findall(r'^\s+(\w+)\[\(?"([^"]+)"\)?\]', chart, re.M))
    edges = [(nodes.get(a, a), nodes.get(b, b)) for a, b in re.findall(r"^\s+(\w+) --> (\w+)$", chart, re.M)]
    assert ("1. Route billing tickets", "Billing") in edges
    assert ("2. Route bug reports", "Technical") in edges
    assert ("3. VIP customers to Tier 2", "Support Tier 2") in edges
    rows = table_rows(routing, "#")
    assert [r[1] for r in rows][:3] == ["Route billing tickets", "Route bug reports", "VIP customers to Tier 2"]
    assert "subject or comment contains one of 'billing', 'invoice', 'refund'" in rows[0][3]
    assert "Ticket Category is Billing" in rows[0][3]  # option tag shown by its name


def test_agent_reference_lists_macros_escalations_and_views(cli, tmp_path: Path) -> None:
    guide = generate(cli, tmp_path / "out")["agent-quick-reference.md"]
    macros = {row[0]: row for row in table_rows(guide, "Macro")}
    assert "Password reset instructions" in macros
    assert macros["Escalate to Billing"][3].startswith("Billing question handed over")  # an internal note
    assert macros["Escalate to Billing"][4] == "groups Support Tier 1, Support Tier 2"
    paths = table_rows(guide, "How")
    assert ["macro: Escalate to Tier 2", "Support Tier 2"] in paths
    assert ["rule: Route bug reports", "Technical"] in paths
    assert [r[0] for r in table_rows(guide, "View")][:2] == ["Billing queue", "Technical queue"]


def test_account_reference_links_references_to_their_targets(cli, tmp_path: Path) -> None:
    reference = generate(cli, tmp_path / "out")["account-reference.md"]
    assert '<a id="groups-billing"></a>Billing' in reference
    assert "actions[0].value → groups [Billing](#groups-billing)" in reference
    assert "## Block 5: routing and SLAs" in reference


def test_account_reference_lists_unmanaged_objects_from_the_live_account(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    result = cli("docs", EXAMPLE, "--emulator", "--live", "--out", tmp_path / "out")
    assert result.code == 0
    reference = (tmp_path / "out" / "account-reference.md").read_text()
    assert "## Not managed by the desired state" in reference
    assert "Notify all agents of received request" in reference
    assert "live account emulator.zendesk.invalid" in reference.splitlines()[0]


def test_regeneration_is_byte_identical_and_check_detects_staleness(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = generate(cli, out)
    assert generate(cli, out) == first
    assert cli("docs", EXAMPLE, "--out", out, "--check").code == 0
    (out / "sla-policies.md").write_text(first["sla-policies.md"].replace("1 h", "2 h"))
    stale = cli("docs", EXAMPLE, "--out", out, "--check")
    assert stale.code == 2 and "sla-policies.md" in stale.out
    (out / "routing-map.md").unlink()
    assert "routing-map.md" in cli("docs", EXAMPLE, "--out", out, "--check").out


def test_freshdesk_documents_read_its_own_shapes(cli, tmp_path: Path) -> None:
    out = tmp_path / "fd"
    assert cli("docs", EXAMPLES / "freshdesk", "--out", out).code == 0
    sla = (out / "sla-policies.md").read_text()
    assert ["P1 Urgent", "15 min", "—", "2 h", "calendar hours"] in table_rows(sla, "Priority")
    routing = (out / "routing-map.md").read_text()
    rows = {r[1]: r for r in table_rows(routing, "#")}
    assert rows["Route refunds to Billing"][3].startswith("any of: Request type is one of Refund")
    assert rows["Route refunds to Billing"][4] == "→ Billing"
    guide = (out / "agent-quick-reference.md").read_text()
    macros = {r[0]: r for r in table_rows(guide, "Macro")}
    assert macros["Refund issued"][2].startswith("Hi {{ticket.requester.name}}, your refund")
    assert "<p>" not in macros["Refund issued"][2]


def test_every_provider_generates_all_five_documents(cli, tmp_path: Path) -> None:
    for provider in ("zendesk", "freshdesk", "intercom"):
        out = tmp_path / provider
        result = cli("docs", EXAMPLES / provider, "--out", out)
        assert result.code == 0, result.text
        names = sorted(p.name for p in out.glob("*.md"))
        assert names == ["account-reference.md", "agent-quick-reference.md", "integration-map.md",
                         "routing-map.md", "sla-policies.md"]
        reference = (out / "account-reference.md").read_text()
        assert reference.startswith("<!-- Generated by `provisioner docs`") and "## Block" in reference
