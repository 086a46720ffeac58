"""Archive instead of delete: what the plan says, what apply does, and what rollback gives back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, emulator_state
from tests.e2e_support import Account

EXAMPLE = EXAMPLES / "intercom"


def example_without(tmp_path: Path, file: str, old: str, new: str, *, prune: tuple[str, ...] = ()) -> Path:
    """A copy of the example with ``old`` replaced by ``new`` in ``file``, pruning ``prune`` kinds."""
    folder = tmp_path / "state"
    if not folder.exists():
        shutil.copytree(EXAMPLE, folder)
    text = (folder / file).read_text()
    assert old in text
    text = text.replace(old, new)
    for section in prune:
        text = text.replace(f"\n{section}:\n", f"\n{section}:\n  prune: true\n  items:\n", 1)
    (folder / file).write_text(text)
    return folder


SEATS = """  - name: seats
    model: company
    data_type: integer
    description: Paid seats
"""
REFUND = """  - name: Refund request
    description: A customer asks for money back
    category: Customer
    attributes:
      - {name: Order number, data_type: string, required_to_create: true}
      - {name: Amount, data_type: decimal}
"""
ORDER_NUMBER = """  - name: Order number
    data_type: string
    description: Order or invoice number, if any
"""


@pytest.mark.parametrize("kind,key,section,method", [
    ("data_attributes", "seats", SEATS, "PUT"),
    ("ticket_types", "Refund request", REFUND, "PUT"),
    ("conversation_attributes", "Order number", ORDER_NUMBER, "DELETE"),
])
def test_pruning_an_archive_only_kind_plans_and_performs_an_archive(tmp_path: Path, kind, key, section, method) -> None:
    account = Account.fresh("intercom")
    account.converge(EXAMPLE)
    pruned = example_without(tmp_path, "4-taxonomy.yaml", section, "", prune=(kind,))
    plan = account.plan(pruned)
    [change] = plan.changes
    assert (change.action, change.kind, change.key, change.note) == ("delete", kind, key, "archive")
    account.emulator.request_log.clear()
    account.apply(plan)
    [write] = account.writes()
    assert write.method == method and write.path.endswith(f"/{change.id}")
    assert account.plan(pruned).changes == []  # archived: neither unmanaged nor pruned again


def test_plan_text_says_archive_and_counts_it_apart_from_deletes(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    example_without(tmp_path, "4-taxonomy.yaml", SEATS, "", prune=("data_attributes",))
    pruned = example_without(tmp_path, "4-taxonomy.yaml", "  - name: bug\n", "", prune=("tags",))
    result = cli("plan", pruned, "--emulator")
    assert result.code == 0, result.text
    seats = next(line for line in result.out.splitlines() if "'seats'" in line)
    assert seats.strip().startswith("- data_attributes 'seats'") and seats.rstrip().endswith("archive")
    assert "1 to delete, 1 to archive" in result.out


def test_naming_an_archived_attribute_again_restores_it(tmp_path: Path) -> None:
    account = Account.fresh("intercom")
    account.converge(EXAMPLE)
    seats = account.plan(EXAMPLE).id_map["data_attributes"]["seats"]
    account.raw.put(f"/data_attributes/{seats}", json={"archived": True})
    plan = account.plan(EXAMPLE)
    [change] = plan.changes
    assert (change.action, change.fields, change.after["archived"]) == ("update", ["archived"], False)
    account.apply(plan)
    assert account.raw.get("/data_attributes?model=company").json()["data"][-1]["name"] in {"seats", "plan_tier"}
    assert account.plan(EXAMPLE).changes == []


def test_rollback_of_a_create_archives_and_says_so_and_rolling_that_back_restores(cli, tmp_path: Path) -> None:
    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    review = cli("rollback", "--emulator", "--out", "undo.json")
    assert review.code == 0, review.text
    line = next(l for l in review.out.splitlines() if "data_attributes 'seats'" in l)
    assert line.rstrip().endswith("archive")
    assert "archive (the API cannot delete data_attributes): it stays in the account, archived" in review.out
    undo = json.loads((tmp_path / "undo.json").read_text())
    notes = {(c["kind"], c["note"]) for c in undo["changes"] if c["action"] == "delete"}
    assert {("data_attributes", "archive"), ("ticket_types", "archive"), ("conversation_attributes", "archive"),
            ("tags", ""), ("articles", "")} <= notes
    assert cli("apply", "undo.json", "--emulator").code == 0
    state = emulator_state(tmp_path, "intercom")
    assert all(a["archived"] for a in state["collections"]["data_attributes"]["items"].values())
    assert state["collections"]["tags"]["items"] == {}
    # Undo the rollback: archived attributes and types come back under their old ids.
    redo = cli("rollback", "--emulator", "--out", "redo.json")
    assert redo.code == 0, redo.text
    changes = json.loads((tmp_path / "redo.json").read_text())["changes"]
    restored = {(c["kind"], c["key"]) for c in changes if c["action"] == "update" and c["fields"] == ["archived"]}
    assert restored == {("data_attributes", k) for k in ("plan_tier", "seats", "onboarding_completed")} | {
        ("ticket_types", "Bug report"), ("ticket_types", "Refund request")}
    assert cli("apply", "redo.json", "--emulator").code == 0
    assert cli("plan", EXAMPLE, "--emulator", "--detailed-exitcode").code == 0


def test_attribute_dropped_from_a_ticket_type_is_archived_with_a_warning_and_restored_later(tmp_path: Path) -> None:
    account = Account.fresh("intercom")
    account.converge(EXAMPLE)
    dropped = example_without(tmp_path, "4-taxonomy.yaml", "      - {name: Amount, data_type: decimal}\n", "")
    plan = account.plan(dropped)
    [change] = plan.changes
    assert change.fields == ["attributes"]
    [warning] = plan.diagnostics
    assert (warning.rule, warning.severity) == ("ticket_type_attribute_archive", "warning")
    assert "'Amount' will be archived, not deleted" in warning.summary
    account.apply(plan)
    type_id = plan.id_map["ticket_types"]["Refund request"]
    amount = [a for a in account.raw.get(f"/ticket_types/{type_id}").json()["ticket_type_attributes"]["data"]
              if a["name"] == "Amount"]
    assert [a["archived"] for a in amount] == [True]
    assert account.plan(dropped).changes == []
    account.emulator.request_log.clear()
    account.apply(account.plan(EXAMPLE))  # listed again: restored, not created a second time
    assert [(w.method, w.path) for w in account.writes()] == [("PUT", f"/ticket_types/{type_id}/attributes/{amount[0]['id']}")]
    assert account.plan(EXAMPLE).changes == []


def test_attribute_data_type_change_is_refused_at_plan_time(tmp_path: Path) -> None:
    account = Account.fresh("intercom")
    account.converge(EXAMPLE)
    changed = example_without(tmp_path, "4-taxonomy.yaml", "{name: Amount, data_type: decimal}", "{name: Amount, data_type: integer}")
    plan = account.plan(changed)
    assert [e.rule for e in plan.errors] == ["ticket_type_attribute_type"]
    assert "attribute 'Amount': data_type cannot change (decimal → integer)" in plan.errors[0].summary


def test_dropped_conversation_option_is_archived_and_a_new_one_added(tmp_path: Path) -> None:
    account = Account.fresh("intercom")
    account.converge(EXAMPLE)
    changed = example_without(tmp_path, "4-taxonomy.yaml", "options: [Billing, Mobile app, Web app]",
                              "options: [Web app, Billing, API]")
    plan = account.plan(changed)
    [change] = plan.changes
    assert change.fields == ["options"]
    assert "'Mobile app' will be archived, not deleted" in plan.diagnostics[0].summary
    account.apply(plan)
    attribute_id = plan.id_map["conversation_attributes"]["Product area"]
    options = account.raw.get(f"/conversations/attributes/{attribute_id}").json()["options"]
    assert [(o["label"], o["archived"]) for o in options] == [("Billing", False), ("Mobile app", True), ("Web app", False),
                                                              ("API", False)]
    assert account.plan(changed).changes == []


def test_data_attribute_type_change_cannot_be_replaced_under_the_same_name(tmp_path: Path) -> None:
    from provisioner.plan.build import PlanRequest

    account = Account.fresh("intercom")
    account.converge(EXAMPLE)
    changed = example_without(tmp_path, "4-taxonomy.yaml", "    data_type: integer\n    description: Paid seats",
                              "    data_type: float\n    description: Paid seats")
    assert [e.rule for e in account.plan(changed).errors] == ["immutable_field"]
    replaced = account.plan(changed, PlanRequest(allow_replace=frozenset({"data_attributes"})))
    assert [e.rule for e in replaced.errors] == ["data_attribute_replace"]


def test_an_archived_type_and_its_same_named_successor_read_as_one_object() -> None:
    account = Account.fresh("intercom")
    account.converge(EXAMPLE)
    old = account.plan(EXAMPLE).id_map["ticket_types"]["Refund request"]
    account.raw.put(f"/ticket_types/{old}", json={"archived": True})
    new = account.raw.post("/ticket_types", json={"name": "Refund request", "category": "Customer",
                                                  "description": "A customer asks for money back"}).json()["id"]
    plan = account.plan(EXAMPLE)
    assert plan.errors == []
    assert plan.id_map["ticket_types"]["Refund request"] == new
    assert [(c.kind, c.key, c.id, c.fields) for c in plan.changes] == [("ticket_types", "Refund request", new, ["attributes"])]
