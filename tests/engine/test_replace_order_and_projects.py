"""Three engine rules every provider gets: a replaced object of an ordered kind is put back in
its place in the same plan; a set field counts a repeated value once; and a folder holding its
own provisioner.yaml (a blueprint kept beside an example) is not part of the parent's YAML."""

from __future__ import annotations

from pathlib import Path

from provisioner.desired.state import DesiredObject, yaml_files
from provisioner.errors import Location
from provisioner.kind import Capabilities, Kind
from provisioner.live import LiveObject
from provisioner.plan.diff import DiffOptions, diff_kind, order_fingerprint

FIELDS = Kind(name="fields", block=4, natural_key="title", path="/fields", immutable=frozenset({"type"}),
              ordered=True, capabilities=Capabilities(reorder=True))
MEMBERS = Kind(name="members", block=2, natural_key="group", path="/members", unordered=frozenset({"agents"}))


def desired(kind: Kind, *docs: dict) -> list[DesiredObject]:
    return [DesiredObject(kind.name, kind.key_of(d), d, Location("x.yaml", i + 1)) for i, d in enumerate(docs)]


def live(kind: Kind, *docs: dict) -> list[LiveObject]:
    return [LiveObject(kind.name, kind.key_of(d), i + 1, d, f"fp{i}") for i, d in enumerate(docs)]


def test_a_replaced_object_of_an_ordered_kind_is_reordered_back_into_its_place() -> None:
    want = desired(FIELDS, {"title": "A", "type": "text"}, {"title": "B", "type": "dropdown"}, {"title": "C", "type": "text"})
    current = live(FIELDS, {"title": "A", "type": "text"}, {"title": "B", "type": "text"}, {"title": "C", "type": "text"})
    result = diff_kind(FIELDS, want, current, DiffOptions(replace=True))
    assert [(c.action, c.key) for c in result.changes] == [("replace", "B"), ("reorder", "(order)")]
    reorder = result.changes[1]
    # B is created again (at the end): its new id is fed in at apply, the others keep theirs.
    assert reorder.order == ["A", "B", "C"] and reorder.order_ids == [1, None, 3]
    assert reorder.fingerprint == order_fingerprint([1, 2, 3])  # the live order as planned, B included

    last = desired(FIELDS, {"title": "A", "type": "text"}, {"title": "C", "type": "text"}, {"title": "B", "type": "dropdown"})
    assert [c.action for c in diff_kind(FIELDS, last, current, DiffOptions(replace=True)).changes] == ["replace"]


def test_a_set_field_counts_a_repeated_value_once() -> None:
    # A fallback person standing in for two missing ones appears twice in the desired list.
    want = desired(MEMBERS, {"group": "Billing", "agents": ["ops@x", "ann@x", "ops@x"]})
    assert diff_kind(MEMBERS, want, live(MEMBERS, {"group": "Billing", "agents": ["ann@x", "ops@x"]}),
                     DiffOptions()).changes == []


def test_a_folder_with_its_own_project_file_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "blueprint" / "deep").mkdir(parents=True)
    for name in ("1.yaml", "nested/2.yaml", "blueprint/3.yaml", "blueprint/deep/4.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("provider: zendesk\n")
    assert [p.name for p in yaml_files(tmp_path)] == ["1.yaml", "3.yaml", "4.yaml", "2.yaml"]
    (tmp_path / "blueprint" / "provisioner.yaml").write_text("fallback_user: a@example.com\n")
    assert [p.name for p in yaml_files(tmp_path)] == ["1.yaml", "2.yaml"]
    assert [p.name for p in yaml_files(tmp_path / "blueprint")] == ["3.yaml", "4.yaml"]
