"""Field-level differences follow the diff's own rule: only what the YAML sets is compared."""

from __future__ import annotations

from provisioner.drift.fields import field_drifts
from provisioner.kind import Kind

RULES = Kind(name="rules", block=6, natural_key="title", path="/rules", defaults={"active": True})


def changes(desired: dict, live: dict, fields: list[str]) -> list[tuple]:
    return [(f.path, f.change, f.desired, f.live) for f in field_drifts(RULES, desired, live, fields)]


def test_server_defaults_inside_nested_values_are_not_differences() -> None:
    desired = {"title": "A", "conditions": {"all": [{"field": "status", "operator": "is", "value": "open"}]}}
    live = {"title": "A", "conditions": {"all": [{"field": "status", "operator": "is", "value": "pending",
                                                  "server_default": 1}], "any": []}}
    assert changes(desired, live, ["conditions"]) == [("conditions.all[0].value", "changed", "open", "pending")]


def test_an_omitted_active_means_true() -> None:
    assert changes({"title": "A"}, {"title": "A", "active": False}, ["active"]) == [("active", "changed", True, False)]


def test_lists_of_different_lengths_are_aligned_before_comparing() -> None:
    a, b, c = ({"field": name, "value": "x"} for name in "abc")
    new = {"field": "n", "value": "y"}
    assert changes({"actions": [a, b, c]}, {"actions": [a, new, b, c]}, ["actions"]) == [("actions[1]", "added", None, new)]
    assert changes({"actions": [a, b, c]}, {"actions": [a, c]}, ["actions"]) == [("actions[1]", "removed", b, None)]


def test_a_field_the_account_lacks_is_removed() -> None:
    assert changes({"description": "mine"}, {}, ["description"]) == [("description", "removed", "mine", None)]
