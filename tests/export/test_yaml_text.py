"""Exported YAML loads back as exactly what was written, whatever the values, and the same
input always gives the same bytes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provisioner.desired.yaml_lines import parse
from provisioner.export.yaml_text import list_item

SCALARS = st.one_of(st.text(), st.integers(), st.booleans(), st.none(),
                    st.floats(allow_nan=False, allow_infinity=False))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(min_size=1), inner, max_size=4)),
                      max_leaves=12)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1), VALUES, min_size=1, max_size=5))
def test_an_exported_object_loads_back_unchanged(doc: dict) -> None:
    text = "things:\n" + "\n".join(list_item(doc)) + "\n"
    loaded, _ = parse(text, "things.yaml")
    assert loaded == {"things": [doc]}
    assert list_item(doc) == list_item(dict(doc))


def test_small_mappings_in_lists_are_written_on_one_line() -> None:
    doc = {"title": "Route", "conditions": {"all": [{"field": "status", "operator": "is", "value": "new"}]},
           "columns": ["status", "custom_fields:Area"], "body": "line one\nline two\n"}
    assert list_item(doc) == [
        "  - title: Route",
        "    conditions:",
        "      all:",
        "        - {field: status, operator: is, value: new}",
        "    columns: [status, 'custom_fields:Area']",
        "    body: |",
        "      line one",
        "      line two",
    ]
