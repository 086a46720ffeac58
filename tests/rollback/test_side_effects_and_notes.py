"""Objects a delete changed as a side effect are restored, references to a re-created object
follow its new id, and what cannot come back exactly is named in the plan."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from provisioner.connect import open_adapter
from provisioner.history.reverse import build_rollback
from provisioner.history.selection import plan_undo
from provisioner.history.store import HistoryStore
from provisioner.kind import Capabilities
from provisioner.provider import load_provider
from tests.conftest import EXAMPLES, write_yaml
from tests.rollback.support import export, live_ids

EXAMPLE = EXAMPLES / "zendesk"
ZENDESK = load_provider("zendesk")
FOLLOW_UP = """provider: zendesk
triggers:
  - title: Order follow-up
    conditions:
      all:
        - {field: update_type, operator: is, value: Create}
        - {field: "custom_fields:Order Number", operator: present, value: ""}
    actions:
      - {field: group_id, value: Billing}
"""


def test_deleting_a_field_that_unmanaged_objects_use_is_fully_undone(cli, tmp_path: Path) -> None:
    """Zendesk takes a deleted field off every form and leaves triggers naming its old id; the
    form and the trigger are not in the YAML that deletes it, yet rollback restores both."""
    base = tmp_path / "base"
    base.mkdir()
    for source in EXAMPLE.glob("*.yaml"):
        (base / source.name).write_text(source.read_text())
    write_yaml(base, "7-follow-up.yaml", FOLLOW_UP)
    assert cli("apply", base, "--emulator", "--auto-approve").code == 0
    before = export(ZENDESK, tmp_path)
    old_id = live_ids(ZENDESK, tmp_path)["ticket_fields"]["Order Number"]

    fields_only = tmp_path / "fields"
    taxonomy = (EXAMPLE / "4-taxonomy.yaml").read_text()
    fields = taxonomy[:taxonomy.index("ticket_forms:")]
    fields = fields.replace("ticket_fields:\n", "ticket_fields:\n  prune: true\n  items:\n")
    fields = fields[:fields.index("  - title: Order Number")]
    write_yaml(fields_only, "4-fields.yaml", fields.replace("\n  - ", "\n    - ").replace("\n    ", "\n      ")
               .replace("\n      - title", "\n    - title"))
    applied = cli("apply", fields_only, "--emulator", "--auto-approve")
    assert applied.code == 0, applied.text
    assert "- ticket_fields 'Order Number'" in applied.out
    middle = export(ZENDESK, tmp_path)
    assert "Order Number" not in middle["objects"]["ticket_forms"]["Billing request"]["ticket_field_ids"]
    dangling = json.dumps(middle["objects"]["triggers"]["Order follow-up"])
    assert f"custom_fields_{old_id}" in dangling

    rolled = cli("rollback", "--emulator", "--auto-approve")
    assert rolled.code == 0, rolled.text
    assert "~ ticket_forms 'Billing request'" in rolled.out
    assert "~ triggers 'Order follow-up'" in rolled.out
    assert export(ZENDESK, tmp_path) == before
    new_id = live_ids(ZENDESK, tmp_path)["ticket_fields"]["Order Number"]
    assert new_id != old_id
    assert f"re-created with a new id (old id {old_id})" in rolled.out


def variant(**changes) -> object:  # type: ignore[no-untyped-def]
    """Zendesk with its groups declared differently (the way another vendor's kind is)."""
    groups = dataclasses.replace(ZENDESK.kind("groups"), **changes)
    return dataclasses.replace(ZENDESK, kinds=tuple(groups if k.name == "groups" else k for k in ZENDESK.kinds))


def rollback_plan(tmp_path: Path, provider) -> dict:  # type: ignore[no-untyped-def]
    undo = plan_undo(HistoryStore(tmp_path / ".provisioner" / "history"), None)
    adapter = open_adapter(provider, emulator=True, env={}, workdir=tmp_path)
    try:
        return build_rollback(undo, provider, adapter).plan.model_dump(mode="json")
    finally:
        adapter.close()


def test_undoing_a_create_where_the_api_cannot_delete_says_what_happens_instead(cli, tmp_path: Path) -> None:
    write_yaml(tmp_path / "one", "g.yaml", "provider: zendesk\ngroups:\n  - name: Escalations\n")
    assert cli("apply", tmp_path / "one", "--emulator", "--auto-approve").code == 0
    plan = rollback_plan(tmp_path, variant(capabilities=Capabilities(delete_means="archive")))
    change = plan["changes"][0]
    assert (change["action"], change["key"], change["note"]) == ("delete", "Escalations", "archive")
    warning = plan["diagnostics"][0]
    assert warning["severity"] == "warning" and "archive (the API cannot delete groups)" in warning["summary"]

    refused = rollback_plan(tmp_path, variant(capabilities=Capabilities(
        delete=False, why_not={"delete": "groups can only be renamed"})))
    assert refused["changes"] == []
    assert refused["diagnostics"][0]["rule"] == "cannot_delete"
    assert refused["diagnostics"][0]["detail"] == "groups can only be renamed"


def test_secrets_and_server_kept_data_of_a_recreated_object_are_named(cli, tmp_path: Path) -> None:
    write_yaml(tmp_path / "one", "g.yaml", "provider: zendesk\ngroups:\n  - name: Escalations\n    description: Urgent\n")
    assert cli("apply", tmp_path / "one", "--emulator", "--auto-approve").code == 0
    write_yaml(tmp_path / "two", "g.yaml", "provider: zendesk\ngroups:\n  prune: true\n  items: []\n")
    assert cli("apply", tmp_path / "two", "--emulator", "--auto-approve").code == 0
    declared = variant(secret_fields=frozenset({"signing_secret"}),
                       server_owned=ZENDESK.kind("groups").server_owned | {"description"})
    plan = rollback_plan(tmp_path, declared)
    create = next(c for c in plan["changes"] if c["key"] == "Escalations")
    assert create["action"] == "create"
    summary = next(d["summary"] for d in plan["diagnostics"] if d["key"] == "Escalations")
    assert "re-created with a new id" in summary
    assert "server-kept data starts over: description" in summary
    assert "secret fields are not restored (signing_secret)" in summary
    assert create["note"] == summary
