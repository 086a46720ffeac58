"""The reference table rewrites ids to natural keys and back, through one walker."""

from __future__ import annotations

import pytest

from provisioner.references import KeyTable, Ref, Unresolved, collect, ids_to_keys, keys_to_ids, rewrite

RULE_REFS = (
    Ref("conditions.all[].value", "groups", when=("field", ("group_id",)), literals=frozenset({""}), id_as_string=True),
    Ref("conditions.all[].field", "ticket_fields", id_prefix="custom_fields_", key_prefix="custom_fields:"),
    Ref("actions[].value[0]", "webhooks", when=("field", ("notification_webhook",))),
    Ref("restriction.ids", "groups", when=("type", ("Group",))),
)


@pytest.fixture
def table() -> KeyTable:
    table = KeyTable()
    table.add("groups", "Billing", 11)
    table.add("groups", "Tier 2", 12)
    table.add("ticket_fields", "Product Area", 301)
    table.add("webhooks", "Alerts", "01HXYZ")
    return table


LIVE = {
    "conditions": {"all": [
        {"field": "group_id", "operator": "is", "value": "11"},
        {"field": "custom_fields_301", "operator": "is", "value": "area_web"},
        {"field": "group_id", "operator": "is", "value": ""},
        {"field": "status", "operator": "is", "value": "11"},
    ]},
    "actions": [{"field": "notification_webhook", "value": ["01HXYZ", "{\"a\": 1}"]}],
    "restriction": {"type": "Group", "ids": [12, 11]},
}
DESIRED = {
    "conditions": {"all": [
        {"field": "group_id", "operator": "is", "value": "Billing"},
        {"field": "custom_fields:Product Area", "operator": "is", "value": "area_web"},
        {"field": "group_id", "operator": "is", "value": ""},
        {"field": "status", "operator": "is", "value": "11"},
    ]},
    "actions": [{"field": "notification_webhook", "value": ["Alerts", "{\"a\": 1}"]}],
    "restriction": {"type": "Group", "ids": ["Tier 2", "Billing"]},
}


def test_ids_become_natural_keys_only_where_the_table_says(table: KeyTable) -> None:
    assert rewrite(LIVE, RULE_REFS, ids_to_keys(table)) == DESIRED


def test_natural_keys_become_ids_with_the_api_types(table: KeyTable) -> None:
    body = rewrite(DESIRED, RULE_REFS, keys_to_ids(table))
    assert body["conditions"]["all"][0]["value"] == "11"  # rule values are strings in Zendesk
    assert body["conditions"]["all"][1]["field"] == "custom_fields_301"
    assert body["actions"][0]["value"] == ["01HXYZ", "{\"a\": 1}"]
    assert body["restriction"]["ids"] == [12, 11]


def test_a_user_restriction_is_not_a_group_reference(table: KeyTable) -> None:
    doc = {"restriction": {"type": "User", "ids": [11]}}
    assert rewrite(doc, RULE_REFS, ids_to_keys(table)) == doc


def test_unknown_key_raises_with_its_path(table: KeyTable) -> None:
    doc = {"conditions": {"all": [{"field": "group_id", "operator": "is", "value": "Nope"}]}}
    with pytest.raises(Unresolved) as info:
        rewrite(doc, RULE_REFS, keys_to_ids(table))
    assert info.value.location == ("conditions", "all", 0, "value")
    assert "no groups named 'Nope'" in str(info.value)


def test_rewrite_never_mutates_its_input(table: KeyTable) -> None:
    before = repr(LIVE)
    rewrite(LIVE, RULE_REFS, ids_to_keys(table))
    assert repr(LIVE) == before


def test_collect_lists_every_reference_with_its_path() -> None:
    found = [(ref.target, value, path) for ref, value, path in collect(DESIRED, RULE_REFS)]
    assert ("groups", "Billing", ("conditions", "all", 0, "value")) in found
    assert ("webhooks", "Alerts", ("actions", 0, "value", 0)) in found
    assert ("groups", "Tier 2", ("restriction", "ids", 0)) in found
    assert all(value != "" for _, value, _ in found)
