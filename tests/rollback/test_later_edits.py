"""Rollback refuses to overwrite edits made after the apply it undoes, shows exactly what they
are, and goes ahead only with ``--force``; a saved reverse plan keeps apply's stale check."""

from __future__ import annotations

from pathlib import Path

from provisioner.provider import load_provider
from tests.conftest import EXAMPLES
from tests.rollback.support import edit_live, export, reorder_live

EXAMPLE = EXAMPLES / "zendesk"
ZENDESK = load_provider("zendesk")


def bad_trigger_change(folder: Path) -> Path:
    """The example with billing tickets routed to Technical and a new group."""
    folder.mkdir()
    for source in EXAMPLE.glob("*.yaml"):
        text = source.read_text()
        text = text.replace("      - {field: group_id, value: Billing}\n  - title: Route bug reports",
                            "      - {field: group_id, value: Technical}\n  - title: Route bug reports")
        text = text.replace("  - name: Technical\n", "  - name: Escalations\n  - name: Technical\n")
        (folder / source.name).write_text(text)
    return folder


def applied_twice(cli, tmp_path: Path) -> dict:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    before = export(ZENDESK, tmp_path)
    assert cli("apply", bad_trigger_change(tmp_path / "bad"), "--emulator", "--auto-approve").code == 0
    return before


def test_rollback_refuses_and_lists_what_changed_since(cli, tmp_path: Path) -> None:
    applied_twice(cli, tmp_path)
    edit_live(ZENDESK, tmp_path, "triggers", "Route billing tickets", {"description": "edited in the UI"})
    edit_live(ZENDESK, tmp_path, "groups", "Escalations", None)
    untouched = export(ZENDESK, tmp_path)
    result = cli("rollback", "--emulator", "--auto-approve")
    assert result.code == 1
    assert "1 change(s) made after the applies being undone would be overwritten" in result.out
    assert "! triggers 'Route billing tickets': changed since" in result.out
    assert 'description: "Keyword routing for billing questions" → "edited in the UI"' in result.out
    assert "! groups 'Escalations'" not in result.out  # it was created by the apply; gone is what rollback wants
    assert "rollback refused: 1 later change(s) listed above would be lost; pass --force" in result.err
    assert export(ZENDESK, tmp_path) == untouched


def test_force_overwrites_and_the_plan_says_so(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    before = export(ZENDESK, tmp_path)
    folder = bad_trigger_change(tmp_path / "bad")
    routing = folder / "5-routing.yaml"
    text = routing.read_text()
    bugs = text[text.index("  - title: Route bug reports"):text.index("  - title: VIP customers to Tier 2")]
    text = text.replace(bugs, "").replace("  - title: Route billing tickets", bugs + "  - title: Route billing tickets")
    routing.write_text(text)
    applied = cli("apply", folder, "--emulator", "--auto-approve")
    assert "↕ triggers" in applied.out, applied.text
    edit_live(ZENDESK, tmp_path, "triggers", "Route billing tickets", {"description": "edited in the UI"})
    reorder_live(ZENDESK, tmp_path, "triggers", ["VIP customers to Tier 2"])
    refused = cli("rollback", "--emulator", "--auto-approve")
    assert refused.code == 1
    assert "! triggers order: order changed since" in refused.out
    assert "rollback refused: 2 later change(s)" in refused.err
    forced = cli("rollback", "--emulator", "--auto-approve", "--force")
    assert forced.code == 0, forced.text
    assert "warning overwrites_later_change triggers['Route billing tickets']: changed since" in forced.out
    assert "warning overwrites_later_change triggers['(order)']: order changed since" in forced.out
    assert "Apply complete" in forced.out
    assert export(ZENDESK, tmp_path) == before


def test_an_object_deleted_since_is_named_and_recreated_with_force(cli, tmp_path: Path) -> None:
    before = applied_twice(cli, tmp_path)
    edit_live(ZENDESK, tmp_path, "triggers", "Route billing tickets", None)
    refused = cli("rollback", "--emulator", "--auto-approve")
    assert "! triggers 'Route billing tickets': deleted since; rollback re-creates it" in refused.out
    assert cli("rollback", "--emulator", "--auto-approve", "--force").code == 0
    assert export(ZENDESK, tmp_path)["objects"] == before["objects"]


def test_saved_reverse_plan_is_applied_like_any_plan_with_its_stale_check(cli, tmp_path: Path) -> None:
    before = applied_twice(cli, tmp_path)
    bad = export(ZENDESK, tmp_path)
    saved = cli("rollback", "--emulator", "--out", "undo.json")
    assert saved.code == 0, saved.text
    assert "~ triggers 'Route billing tickets'" in saved.out
    assert 'actions[0].value: "Technical" → "Billing"' in saved.out
    assert "- groups 'Escalations'" in saved.out
    assert "Saved the rollback plan to undo.json" in saved.out
    assert export(ZENDESK, tmp_path) == bad  # nothing applied yet
    edit_live(ZENDESK, tmp_path, "groups", "Escalations", {"description": "in use now"})
    stale = cli("apply", "undo.json", "--emulator")
    assert stale.code == 1 and "plan is stale: groups 'Escalations'" in stale.err
    edit_live(ZENDESK, tmp_path, "groups", "Escalations", {"description": ""})
    assert cli("rollback", "--emulator", "--out", "undo.json", "--force").code == 0
    applied = cli("apply", "undo.json", "--emulator")
    assert applied.code == 0, applied.text
    assert export(ZENDESK, tmp_path) == before
    newest = [line for line in cli("history").out.splitlines() if line.startswith("20")][0]
    assert "rollback of" in newest
