"""Two declarations the diff honours for every provider: lists compared as sets
(``Kind.unordered``) and kinds the API cannot delete, which pruning lists with a warning."""

from __future__ import annotations

from provisioner.desired.state import DesiredObject
from provisioner.errors import Location
from provisioner.kind import Capabilities, Kind
from provisioner.live import LiveObject
from provisioner.plan.diff import DiffOptions, diff_kind

MEMBERS = Kind(name="people", block=2, natural_key="email", path="/people", unordered=frozenset({"groups"}))
KEPT = Kind(name="replies", block=6, natural_key="title", path="/replies",
            capabilities=Capabilities(delete=False, why_not={"delete": "no delete in this API; use the admin UI"}))


def desired(kind: Kind, *docs: dict) -> list[DesiredObject]:
    return [DesiredObject(kind.name, kind.key_of(d), d, Location("x.yaml", i + 1)) for i, d in enumerate(docs)]


def live(kind: Kind, *docs: dict) -> list[LiveObject]:
    return [LiveObject(kind.name, kind.key_of(d), i + 1, d, f"fp{i}") for i, d in enumerate(docs)]


def test_a_set_field_in_another_order_is_no_change_but_other_members_are() -> None:
    want = desired(MEMBERS, {"email": "a@x", "groups": ["Billing", "Tier 2"], "skills": ["de", "fr"]})
    same = diff_kind(MEMBERS, want, live(MEMBERS, {"email": "a@x", "groups": ["Tier 2", "Billing"],
                                                   "skills": ["de", "fr"]}), DiffOptions())
    assert same.changes == []
    moved = diff_kind(MEMBERS, want, live(MEMBERS, {"email": "a@x", "groups": ["Tier 2", "Billing"],
                                                    "skills": ["fr", "de"]}), DiffOptions())
    assert [c.fields for c in moved.changes] == [["skills"]]  # an ordinary list keeps its order
    other = diff_kind(MEMBERS, want, live(MEMBERS, {"email": "a@x", "groups": ["Billing", "Tier 3"],
                                                    "skills": ["de", "fr"]}), DiffOptions())
    assert [c.fields for c in other.changes] == [["groups"]]


def test_pruning_a_kind_without_delete_keeps_the_objects_and_says_why() -> None:
    want = desired(KEPT, {"title": "Hello"})
    current = live(KEPT, {"title": "Hello"}, {"title": "Old one"}, {"title": "Older one"})
    pruned = diff_kind(KEPT, want, current, DiffOptions(prune=True))
    assert pruned.changes == []
    assert [u.key for u in pruned.unmanaged] == ["Old one", "Older one"]
    [warning] = pruned.diagnostics
    assert (warning.severity, warning.rule, warning.kind) == ("warning", "cannot_delete", "replies")
    assert "'Old one', 'Older one'" in warning.summary and warning.detail == "no delete in this API; use the admin UI"
    assert diff_kind(KEPT, want, current, DiffOptions()).diagnostics == []  # nothing asked, nothing to say
