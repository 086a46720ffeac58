"""What export writes: one file per kind, natural keys instead of ids, no system objects, live
order for ordered kinds, a header naming the account, and nothing else in the folder touched."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from provisioner.provider import load_provider
from tests.conftest import EXAMPLES
from tests.export.support import adapter, files, raw

EXAMPLE = EXAMPLES / "zendesk"
ZENDESK = load_provider("zendesk")


def exported(cli, *extra: str):  # type: ignore[no-untyped-def]
    result = cli("export", "out", "--provider", "zendesk", "--emulator", *extra)
    assert result.code == 0, result.text
    return result


def test_one_file_per_kind_with_a_header_and_no_timestamp(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    result = exported(cli)
    for name, text in files(tmp_path / "out").items():  # <block>-<kind>.yaml, holding that kind only
        sections = [k for k in yaml.safe_load(text) if k != "provider"]
        assert len(sections) == 1 and name == f"{ZENDESK.kind(sections[0]).block}-{sections[0]}.yaml"
    assert {"2-groups.yaml", "5-triggers.yaml", "6-views.yaml"} <= set(files(tmp_path / "out"))
    groups = (tmp_path / "out" / "2-groups.yaml").read_text()
    assert groups.startswith("# Exported by provisioner ")
    assert "from the zendesk account emulator.zendesk.invalid." in groups.splitlines()[0]
    header = [line for line in groups.splitlines() if line.startswith("#")]
    assert not any(re.search(r"\d{4}-\d\d-\d\d|\d\d:\d\d", line) for line in header)  # no timestamp
    assert "objects from emulator.zendesk.invalid to out" in result.out


def test_ids_become_natural_keys_and_system_objects_stay_out(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    exported(cli)
    text = b"".join(files(tmp_path / "out").values()).decode()
    live = adapter(tmp_path, ZENDESK)
    for kind in ZENDESK.kinds:
        for obj in live.read(kind):
            if isinstance(obj.get(kind.id_field), int):
                assert str(obj[kind.id_field]) not in text, (kind.name, obj[kind.id_field])
    groups = (tmp_path / "out" / "2-groups.yaml").read_text()
    assert "name: Support\n" not in groups  # the account's default group
    fields = (tmp_path / "out" / "4-ticket_fields.yaml").read_text()
    assert "title: Subject" not in fields and "title: Ticket Category" in fields
    triggers = (tmp_path / "out" / "5-triggers.yaml").read_text()
    assert "- {field: group_id, value: Billing}" in triggers
    assert "{field: 'custom_fields:Ticket Category', operator: is, value: category_billing}" in triggers
    assert "active: true" not in triggers  # equal to the kind's default, so left out


def test_ordered_kinds_follow_the_account_and_others_are_sorted(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    live = adapter(tmp_path, ZENDESK)
    automations = ZENDESK.kind("automations")
    live.reorder(automations, list(reversed([a["id"] for a in live.read(automations)])))
    for name in ("Zeta team", "Alpha team"):
        raw(tmp_path, ZENDESK).post("/api/v2/groups", json={"group": {"name": name}})
    exported(cli)
    text = (tmp_path / "out" / "6-automations.yaml").read_text()
    titles = [line.split("title: ", 1)[1] for line in text.splitlines() if line.startswith("  - title: ")]
    assert titles == [a["title"] for a in live.read(automations)]
    assert titles[0] == "Close pending tickets after 7 days without a reply"
    groups = [line.split("name: ", 1)[1] for line in (tmp_path / "out" / "2-groups.yaml").read_text().splitlines()
              if line.startswith("  - name: ")]
    assert groups == sorted(groups) and "Alpha team" in groups
    assert cli("plan", "out", "--emulator", "--detailed-exitcode").code == 0


def test_text_that_looks_like_a_placeholder_is_exported_as_text(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    odd = "Costs ${env:HOME} and ${var.price}\nsecond line: {{ticket.id}}"
    raw(tmp_path, ZENDESK).post("/api/v2/groups", json={"group": {"name": "Odd ${var.x}", "description": odd}})
    exported(cli)
    text = (tmp_path / "out" / "2-groups.yaml").read_text()
    assert "name: Odd $${var.x}" in text and "$${env:HOME}" in text
    plan = cli("plan", "out", "--emulator", "--detailed-exitcode")
    assert plan.code == 0, plan.text


def test_export_never_touches_yaml_it_did_not_write(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.yaml").write_text("provider: zendesk\ngroups: []\n")
    result = cli("export", "out", "--provider", "zendesk", "--emulator")
    assert result.code == 1
    assert "mine.yaml: not written by export" in result.err
    assert sorted(p.name for p in out.iterdir()) == ["mine.yaml"]


def test_a_second_export_removes_files_of_kinds_now_empty(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    exported(cli)
    (tmp_path / "out" / "provisioner.yaml").write_text("variables: {}\n")
    live = adapter(tmp_path, ZENDESK)
    for obj in live.read(ZENDESK.kind("sla_policies")):
        live.delete(ZENDESK.kind("sla_policies"), obj["id"])
    exported(cli)
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "5-sla_policies.yaml" not in names and "provisioner.yaml" in names
