"""Objects sharing a natural key are never dropped or guessed between: plan refuses an ambiguous
match and says how to fix it; export pins each with ``match_id`` and says so; a pinned object
can be renamed from the YAML, after which the pins can go."""

from __future__ import annotations

import re
from pathlib import Path

from provisioner.provider import load_provider
from tests.conftest import EXAMPLES, write_yaml
from tests.export.support import adapter, raw

EXAMPLE = EXAMPLES / "zendesk"
ZENDESK = load_provider("zendesk")
TWIN = "Route bug reports"


def twin_account(cli, tmp_path: Path) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The example account plus a second trigger titled like an existing one; both ids."""
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    client = raw(tmp_path, ZENDESK)
    first = next(t for t in client.get("/api/v2/triggers").json()["triggers"] if t["title"] == TWIN)
    body = {"title": TWIN, "conditions": {"all": [{"field": "status", "operator": "is", "value": "new"}], "any": []},
            "actions": [{"field": "priority", "value": "low"}], "category_id": first.get("category_id")}
    second = client.post("/api/v2/triggers", json={"trigger": body}).json()["trigger"]
    return first["id"], second["id"]


def test_plan_refuses_an_ambiguous_match_and_says_how_to_fix_it(cli, tmp_path: Path) -> None:
    first, second = twin_account(cli, tmp_path)
    before = adapter(tmp_path, ZENDESK).read(ZENDESK.kind("triggers"))
    result = cli("plan", EXAMPLE, "--emulator")
    assert result.code == 1
    out = " ".join(result.out.split())  # long diagnostics wrap at the terminal width
    assert f"ambiguous_match triggers['{TWIN}']: 2 live triggers share the title '{TWIN}' (ids {first}, {second})" in out
    assert "match_id: <id>" in out and "'provisioner export' writes a pin" in out
    assert "5-routing.yaml:" in out  # where the YAML object is
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 1
    assert adapter(tmp_path, ZENDESK).read(ZENDESK.kind("triggers")) == before


def test_export_pins_both_and_the_export_plans_clean(cli, tmp_path: Path) -> None:
    first, second = twin_account(cli, tmp_path)
    result = cli("export", "out", "--provider", "zendesk", "--emulator")
    assert result.code == 0, result.text
    assert "warning: 2 triggers share a title with another ('Route bug reports')" in result.err
    text = (tmp_path / "out" / "5-triggers.yaml").read_text()
    assert f"  - title: {TWIN}\n    match_id: {first}\n" in text
    assert f"  - title: {TWIN}\n    match_id: {second}\n" in text
    assert f"  # 2 triggers share this title: pinned to id {second}" in text
    assert text.count("match_id:") == 2
    plan = cli("plan", "out", "--emulator", "--detailed-exitcode")
    assert plan.code == 0, plan.text


def test_a_pinned_duplicate_is_renamed_from_the_yaml_then_the_pins_go(cli, tmp_path: Path) -> None:
    first, second = twin_account(cli, tmp_path)
    assert cli("export", "out", "--provider", "zendesk", "--emulator").code == 0
    path = tmp_path / "out" / "5-triggers.yaml"
    renamed = path.read_text().replace(f"  - title: {TWIN}\n    match_id: {second}\n",
                                       f"  - title: {TWIN} (new tickets)\n    match_id: {second}\n")
    path.write_text(renamed)
    plan = cli("plan", "out", "--emulator", "--detailed-exitcode")
    assert plan.code == 2, plan.text
    assert f"~ triggers '{TWIN} (new tickets)' (id {second})" in plan.out
    assert f'title: "{TWIN}" → "{TWIN} (new tickets)"' in plan.out
    assert "Plan: 0 to create, 1 to update" in plan.out
    assert cli("apply", "out", "--emulator", "--auto-approve").code == 0
    path.write_text(re.sub(r"\n  # .*\n", "\n", re.sub(r"\n    match_id: \d+", "", path.read_text())))
    assert "match_id" not in path.read_text()
    assert cli("plan", "out", "--emulator", "--detailed-exitcode").code == 0
    titles = [t["title"] for t in adapter(tmp_path, ZENDESK).read(ZENDESK.kind("triggers"))]
    assert titles.count(TWIN) == 1 and titles.count(f"{TWIN} (new tickets)") == 1


def test_pinned_twins_keep_their_places_when_the_yaml_reorders_them(cli, tmp_path: Path) -> None:
    first, second = twin_account(cli, tmp_path)
    assert cli("export", "out", "--provider", "zendesk", "--emulator").code == 0
    path = tmp_path / "out" / "5-triggers.yaml"
    text = path.read_text()
    head, _, rest = text.partition("triggers:\n")
    chunks = re.split(r"(?m)^(?=  (?:- |# ))", rest)
    items: list[str] = []
    for chunk in chunks:  # a comment line belongs to the item after it
        if items and items[-1].startswith("  #") and "\n  - " not in items[-1]:
            items[-1] += chunk
        elif chunk:
            items.append(chunk)
    one = next(i for i, c in enumerate(items) if f"match_id: {first}\n" in c)
    two = next(i for i, c in enumerate(items) if f"match_id: {second}\n" in c)
    items[one], items[two] = items[two], items[one]
    path.write_text(head + "triggers:\n" + "".join(items))
    plan = cli("plan", "out", "--emulator", "--detailed-exitcode")
    assert plan.code == 2, plan.text
    assert "↕ triggers: reorder" in plan.out and "Plan: 0 to create, 0 to update" in plan.out
    assert cli("apply", "out", "--emulator", "--auto-approve").code == 0
    ids = [t["id"] for t in adapter(tmp_path, ZENDESK).read(ZENDESK.kind("triggers"))]
    assert ids.index(second) < ids.index(first)
    assert cli("plan", "out", "--emulator", "--detailed-exitcode").code == 0


def test_a_pin_does_not_travel_to_another_account(cli, tmp_path: Path) -> None:
    twin_account(cli, tmp_path)
    assert cli("export", "out", "--provider", "zendesk", "--emulator").code == 0
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve", "--workdir", "other").code == 0
    result = cli("plan", "out", "--emulator", "--workdir", "other")
    assert result.code == 1
    out = " ".join(result.out.split())
    assert "pin_not_found triggers['Route bug reports']: match_id" in out
    assert "remove its match_id" in out


def test_a_change_naming_a_duplicated_group_is_refused(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    client = raw(tmp_path, ZENDESK)
    original = next(g["id"] for g in client.get("/api/v2/groups").json()["groups"] if g["name"] == "Billing")
    client.post("/api/v2/groups", json={"group": {"name": "Billing"}})
    state = tmp_path / "state"
    for source in EXAMPLE.glob("*.yaml"):  # the group itself pinned; a trigger naming it changes
        text = source.read_text().replace("Keyword routing for billing questions", "Routing by keyword")
        if source.name == "2-groups.yaml":
            text = text.replace("  - name: Billing\n", f"  - name: Billing\n    match_id: {original}\n")
        write_yaml(state, source.name, text)
    result = cli("plan", "state", "--emulator")
    assert result.code == 1
    errors = [line for line in result.out.splitlines() if line.startswith("error ")]
    assert len(errors) == 1, result.out
    assert "ambiguous_reference triggers['Route billing tickets']: actions[0].value names groups 'Billing', " \
           "but 2 live groups share that name" in " ".join(result.out.split())


def test_the_yaml_may_repeat_a_key_only_with_distinct_pins(cli, tmp_path: Path) -> None:
    write_yaml(tmp_path / "a", "g.yaml", "provider: zendesk\ngroups:\n  - name: Twin\n  - name: Twin\n")
    result = cli("validate", "a")
    assert result.code == 1 and "g.yaml:4: groups.name: duplicate name 'Twin'" in result.err
    assert "pin each with 'match_id: <live id>'" in result.err
    write_yaml(tmp_path / "b", "g.yaml", "provider: zendesk\ngroups:\n  - {name: Twin, match_id: 5}\n"
                                         "  - {name: Other, match_id: 5}\n")
    result = cli("validate", "b")
    assert result.code == 1 and "match_id 5 also pins 'Twin'" in result.err
    write_yaml(tmp_path / "c", "g.yaml", "provider: zendesk\ngroups:\n  - {name: Twin, match_id: 5}\n"
                                         "  - {name: Twin, match_id: 6}\n")
    assert cli("validate", "c").code == 0
