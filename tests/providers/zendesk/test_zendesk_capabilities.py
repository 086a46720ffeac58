"""The capability table covers the Block 1-9 build, says why wherever the API says no, and the
committed reference page is exactly what the declarations generate (examples included)."""

from __future__ import annotations

import json

import yaml

from provisioner.docs_kinds import kinds_markdown
from provisioner.provider import load_provider
from tests.conftest import EXAMPLES, ROOT

ZENDESK = load_provider("zendesk")


def test_kinds_lists_at_least_25_kinds_across_blocks_1_to_8_and_explains_every_no(cli) -> None:
    result = cli("kinds", "--provider", "zendesk", "--json")
    assert result.code == 0, result.text
    rows = json.loads(result.out)
    buildable = [r for r in rows if 1 <= r["block"] <= 8]
    assert len(buildable) >= 25
    assert {r["block"] for r in buildable} == set(range(1, 9))
    for row in rows:
        for verb in ("read", "create", "update", "delete"):
            if row[verb] is False:
                assert f"{verb}" in row["notes"], (row["kind"], verb)
    bot = next(r for r in rows if r["kind"] == "answer_bot")
    assert bot["block"] == 9 and not any(bot[v] for v in ("read", "create", "update", "delete", "reorder"))
    assert "no public Zendesk API" in bot["notes"]
    articles = next(r for r in rows if r["kind"] == "help_center_articles")
    assert articles["delete"] == "archive"
    ordered = {r["kind"] for r in rows if r["reorder"]}
    assert ordered >= {"triggers", "trigger_categories", "automations", "views", "sla_policies", "group_sla_policies",
                       "ticket_forms", "ticket_fields", "user_fields", "organization_fields"}


def test_the_committed_reference_page_matches_the_declarations() -> None:
    page = ROOT / "docs" / "providers" / "zendesk.md"
    assert page.read_text(encoding="utf-8") == kinds_markdown(ZENDESK), \
        "regenerate it: provisioner kinds --provider zendesk --markdown > docs/providers/zendesk.md"


def test_every_example_in_the_reference_is_valid_yaml_for_its_kind() -> None:
    for kind in ZENDESK.kinds:
        if not kind.capabilities.read:
            continue
        assert kind.example, f"{kind.name} has no example"
        section = yaml.safe_load(kind.example)[kind.name]
        for item in [section] if kind.singleton else section:
            kind.model.model_validate(item)


def test_the_example_declares_every_manageable_kind() -> None:
    files = "".join(p.read_text() for p in (EXAMPLES / "zendesk").glob("*.yaml"))
    declared = {name for name in ZENDESK.kind_names if f"\n{name}:" in files}
    manageable = {k.name for k in ZENDESK.kinds if k.capabilities.create or k.capabilities.update}
    assert manageable <= declared, manageable - declared
