"""Nested changes in the plan text: one line per real difference, named items by their name."""

from __future__ import annotations

from provisioner.plan.model import Change
from provisioner.render.plan_text import field_lines

LIVE = [{"name": "Amount", "data_type": "decimal", "description": "", "visible_on_create": True},
        {"name": "Order number", "data_type": "string", "description": "", "required_to_create": True}]


def update(before: list, after: list) -> Change:
    return Change(action="update", kind="ticket_types", key="Refund", block=4, id=1, fields=["attributes"],
                  before={"attributes": before}, after={"attributes": after})


def test_removing_the_first_named_item_is_one_line_not_every_later_item_shifting() -> None:
    lines = field_lines(update(LIVE, [{"name": "Order number", "data_type": "string", "required_to_create": True}]))
    assert len(lines) == 1 and lines[0].startswith('attributes.Amount: - {"name": "Amount"')


def test_fields_the_yaml_does_not_set_are_not_shown_as_removed() -> None:
    wanted = [{"name": "Amount", "data_type": "decimal"}, {"name": "Order number", "required_to_create": False}]
    assert field_lines(update(LIVE, wanted)) == ["attributes.Order number.required_to_create: true → false"]


def test_lists_without_names_still_compare_by_position() -> None:
    change = Change(action="update", kind="triggers", key="t", block=5, id=1, fields=["actions"],
                    before={"actions": [{"field": "status", "value": "open"}]},
                    after={"actions": [{"field": "status", "value": "solved"}]})
    assert field_lines(change) == ['actions[0].value: "open" → "solved"']
