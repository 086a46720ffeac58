"""Export's own YAML emitter writes exactly the bytes PyYAML wrote before it, on random values
full of text YAML treats specially, and on the export of every provider's example account and
of seeded random accounts."""

from __future__ import annotations

import string
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from provisioner.export import writer
from provisioner.export.writer import build_export
from provisioner.export.yaml_emit import emit_lines
from provisioner.export.yaml_scalars import Unsupported
from provisioner.export.yaml_text import _pyyaml_dump, _pyyaml_list_item, _styled, dump, list_item, mapping_lines
from provisioner.live import read_live
from provisioner.provider import KNOWN_PROVIDERS
from provisioner.testing.random_account import Recipe, generate_account, templates_from
from tests.conftest import EXAMPLES
from tests.e2e_support import Account
from tests.export.support import ZENDESK_RECIPE_UNIQUE

# Text YAML reads as something else, or that needs quoting, escaping or a block.
NASTY = ["", " ", "  lead", "trail ", " both ", "a: b", "a:b", "a:", ":a", "# x", "a #b", "a#b", "- x", "-x", "-",
         "--- x", "...", "? x", "?x", "'q'", '"q"', "it's", "yes", "No", "on", "OFF", "null", "Null", "~", "true",
         "False", "y", "n", "012", "0o12", "1e3", "1.0e3", "0x1F", "0b101", "1_000", "190:20:30", ".inf", "-.inf",
         ".NaN", "+1", "-1", "3.14", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "<<", "=", "@x", "`x", "%x",
         "!x", "&x", "*x", "|x", ">x", "{x}", "[x]", "a,b", "a, b", "x\x85y", "x\u2028y", "x\u2029y", "\ufeffx",
         "line\nnext", "line\nnext\n", "line\n\n", "\n", "\nlead", "  indented\nnext", "space \nbreak",
         "break\n space", "tab\there", "\ttab", "cr\rlf", "bell\x07", "nul\x00", "del\x7f", "\x0b\x0c\x1c",
         "é ünïcödé ✓", "日本語", "emoji 🎉", "\xa0nbsp", "a" * 150, "word " * 40, "${env:X}", "$${var.x}",
         "custom_fields:Ticket Category", "http://x.com/a?b=c#d", "a\\b", "{{ticket.id}}", "x\ny ", "x \n y"]
# Printable text full of indicators (written plain or '...' without PyYAML), and any text.
EVERYDAY = st.text(alphabet=st.sampled_from(" -:#?'\",.[]{}!&*|>%@`~=<yYnNoO01eE_x\xa0é"), max_size=8)
TEXT = st.one_of(st.sampled_from(NASTY), st.text(max_size=30), EVERYDAY, EVERYDAY, EVERYDAY,
                 st.text(alphabet=string.printable + "é\x85\u2028 :#-'\"", max_size=20),
                 st.lists(st.sampled_from(NASTY), min_size=2, max_size=3).map("".join))
# Mostly keys the fast emitter writes itself (one odd key sends the whole document to PyYAML).
ODD_KEYS = ["", "a" * 130, "line\nnext", "x\x85y", "cr\r"]
KEYS = st.one_of(EVERYDAY.filter(bool), st.text(alphabet=string.ascii_letters + "_", min_size=1, max_size=12),
                 st.sampled_from([k for k in NASTY if k not in ODD_KEYS and len(k) < 100 and "\n" not in k]),
                 st.text(min_size=1, max_size=20).filter(lambda k: not any(c in k for c in "\n\r\x85\u2028\u2029")))
SCALARS = st.one_of(TEXT, st.integers(), st.booleans(), st.none(), st.floats())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                       st.dictionaries(KEYS, inner, max_size=5)),
                      max_leaves=20)
DOCS = st.dictionaries(KEYS, VALUES, max_size=6)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS)
@example({"body": "ends with two breaks\n\n", "x": 1})
@example({key: {"a": [{key: 1}]} for key in ODD_KEYS})
@example({"title": "Route", "conditions": {"all": [{"field": "custom_fields:Area", "operator": "is", "value": "yes"}]}})
def test_the_emitter_writes_what_pyyaml_wrote(doc: dict[str, Any]) -> None:
    assert list_item(doc) == _pyyaml_list_item(doc)
    assert dump(doc) == _pyyaml_dump(doc)
    assert mapping_lines(doc) == [f"  {line}" if line else line for line in _pyyaml_dump(doc).splitlines()]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SCALARS, max_size=6), TEXT)
def test_scalars_in_every_position_match(values: list, text: str) -> None:
    """Each scalar alone, in a one-line list, a one-line mapping, a block list and as a key."""
    doc = {"flat": values, "items": [{"v": v} for v in values] + [[v, [v]] for v in values],
           "long": values + ["x" * 120], text or "k": {"in": [{text or "k": v, "n": [v]} for v in values]}}
    assert list_item(doc) == _pyyaml_list_item(doc)
    assert dump(doc) == _pyyaml_dump(doc)


def test_everyday_documents_do_not_fall_back_to_pyyaml() -> None:
    """Not vacuous: the fast emitter really writes ordinary objects (and odd scalars) itself."""
    doc = {"title": "Notify: it's done", "description": "line\nnext", "position": 3, "ratio": 0.5,
           "conditions": {"all": [{"field": "status", "operator": "is", "value": "yes"}]},
           "tags": ["a", "b", "012"], "text": "é \x85 \t"}
    emit_lines([_styled(doc)])
    with pytest.raises(Unsupported):
        emit_lines([_styled({"": 1})])


def _reference_export(provider: Any, live: Any, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The export as the PyYAML path wrote it."""
    with monkeypatch.context() as patch:
        patch.setattr(writer, "list_item", _pyyaml_list_item)
        patch.setattr(writer, "mapping_lines",
                      lambda doc: [f"  {line}" if line else line for line in _pyyaml_dump(doc).splitlines()])
        return build_export(provider, live).files


def _fallbacks(result: Any) -> int:
    count = 0
    for kind in result.kinds:
        for obj in kind.objects:
            try:
                emit_lines([_styled(obj.doc)])
            except Unsupported:
                count += 1
    return count


@pytest.mark.parametrize("name", KNOWN_PROVIDERS)
def test_every_example_export_is_byte_identical(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    account = Account.fresh(name)
    account.converge(EXAMPLES / name)
    live = read_live(account.adapter(), account.provider.kinds)
    result = build_export(account.provider, live)
    assert result.files and result.files == _reference_export(account.provider, live, monkeypatch)
    assert _fallbacks(result) == 0


RANDOM = [("zendesk", 400, 20240611), ("freshdesk", 150, 7), ("intercom", 150, 11)]


@pytest.mark.parametrize("name,total,seed", RANDOM, ids=[n for n, _, _ in RANDOM])
def test_a_seeded_random_export_is_byte_identical(name: str, total: int, seed: int,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Random accounts hold duplicates, unicode and text that looks like YAML or placeholders."""
    account = Account.fresh(name)
    account.converge(EXAMPLES / name)
    recipe = Recipe(unique=ZENDESK_RECIPE_UNIQUE) if name == "zendesk" else Recipe()
    generate_account(account.provider, account.adapter(), templates_from(EXAMPLES / name), total=total, seed=seed,
                     recipe=recipe)
    live = read_live(account.adapter(), account.provider.kinds)
    result = build_export(account.provider, live)
    assert result.files == _reference_export(account.provider, live, monkeypatch)
