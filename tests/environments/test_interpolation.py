"""The placeholder rules, checked as properties: any text survives export's escaping, the load
and the resolver unchanged; variables keep their types; env values never show."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provisioner import secrets
from provisioner.errors import InputError, Location, UserError
from provisioner.interpolation import Interpolator, conceal, escape_literal, literal, make_resolver, mask_references

AT = Location("state/a.yaml", 3)
PIECES = st.text(alphabet="${}:.varenVARXY_ b\\", max_size=40)


@settings(max_examples=400)
@given(PIECES)
def test_any_text_escaped_by_export_loads_and_resolves_to_itself(text: str) -> None:
    loaded = Interpolator({}, {}, require_env=True)({"v": escape_literal(text)}, AT)["v"]
    assert make_resolver({})(loaded) == text
    assert literal(loaded) == text


def test_variables_substitute_with_their_type_when_whole() -> None:
    hook = Interpolator({"ids": [1, 2], "on": True, "team": "Tier 2"}, {})
    doc = hook({"a": "${var.ids}", "b": "${var.on}", "c": "Team ${var.team}, on=${var.on}"}, AT)
    assert doc == {"a": [1, 2], "b": True, "c": "Team Tier 2, on=true"}


def test_env_references_stay_in_the_doc_and_resolve_late() -> None:
    hook = Interpolator({"hook": "https://hooks.example/${env:HOOK_KEY}"}, {"HOOK_KEY": "k-123456789"},
                        require_env=True)
    doc = hook({"url": "${var.hook}"}, AT)
    assert doc == {"url": "https://hooks.example/${env:HOOK_KEY}"}
    assert make_resolver({"HOOK_KEY": "k-123456789"})(doc) == {"url": "https://hooks.example/k-123456789"}
    assert secrets.redact("sent k-123456789") == f"sent {secrets.MASK}"
    assert mask_references('"https://hooks.example/${env:HOOK_KEY}"') == f'"https://hooks.example/{secrets.MASK}"'


def test_unset_references_are_refused_with_their_field() -> None:
    with pytest.raises(InputError, match=r"state/a.yaml:3: actions\[0\].value: \$\{env:NOPE\} is not set"):
        Interpolator({}, {}, require_env=True)({"actions": [{"value": "${env:NOPE}"}]}, AT)
    assert Interpolator({}, {})({"v": "${env:NOPE}"}, AT) == {"v": "${env:NOPE}"}  # validate needs none
    with pytest.raises(UserError, match="NOPE"):
        make_resolver({})("${env:NOPE}")


def test_a_live_value_becomes_the_reference_or_the_mask() -> None:
    resolve = make_resolver({"TOKEN": "t0ken-abcdef"})
    desired = {"auth": "Bearer ${env:TOKEN}", "name": "x"}
    assert conceal(desired, {"auth": "Bearer t0ken-abcdef", "name": "x", "n": 1}, resolve) == \
        {"auth": "Bearer ${env:TOKEN}", "name": "x", "n": 1}
    assert conceal(desired, {"auth": "Bearer old-t0ken-999", "name": "t0ken-abcdef"}, resolve) == \
        {"auth": secrets.MASK, "name": secrets.MASK}
