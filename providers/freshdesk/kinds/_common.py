"""What several Freshdesk kinds share: strict YAML models, readable words for API numbers,
the HTML canonical form, and picking a kind's own fields out of a live object.

Freshdesk encodes many choices as numbers (visibility 0/1/2, article status 1/2, ticket scope
1/2/3). The YAML uses words instead (``visibility: groups``); ``Words`` converts both ways and
lets an unknown value through unchanged, so a value the tool does not know yet still shows up
as drift rather than vanishing.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from pydantic import BaseModel, ConfigDict

Doc = dict[str, Any]


class Strict(BaseModel):
    """A YAML object: an unknown field is an error naming the field (with a "did you mean")."""

    model_config = ConfigDict(extra="forbid")


class Open(BaseModel):
    """A YAML object whose shape varies with one of its fields (rule actions): extra keys pass."""

    model_config = ConfigDict(extra="allow")


class Words:
    """A two-way map between API numbers and the words the YAML uses."""

    def __init__(self, words: dict[int, str]) -> None:
        self.by_number = dict(words)
        self.by_word = {w: n for n, w in words.items()}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.by_word)

    def word(self, value: Any) -> Any:
        return self.by_number.get(value, value) if isinstance(value, int) and not isinstance(value, bool) else value

    def number(self, value: Any) -> Any:
        return self.by_word.get(value, value) if isinstance(value, str) else value

    def to_words(self, doc: Doc, field: str) -> Doc:
        if field in doc:
            doc[field] = self.word(doc[field])
        return doc

    def to_numbers(self, doc: Doc, field: str) -> Doc:
        if field in doc:
            doc[field] = self.number(doc[field])
        return doc


_BETWEEN_TAGS = re.compile(r">\s+<")


def canonical_html(html: Any) -> Any:
    """The form Freshdesk stores rich text in, applied to both sides of a comparison.

    The server rewrites the HTML it is given (research note 1.5): bare text comes back wrapped
    in a ``<div>``. Comparing the YAML's text with the stored text would report that rewrite as
    drift on every plan, so the desired value goes through the same rewrite before comparing,
    and whitespace between tags (pretty-printing in a YAML block) is not a difference.
    """
    if not isinstance(html, str):
        return html
    text = _BETWEEN_TAGS.sub("><", html.strip())
    if text and not text.startswith("<"):
        text = f"<div>{text}</div>"
    return text


def pick(doc: Doc, fields: Iterable[str]) -> Doc:
    """Only ``fields`` of ``doc`` (in that order): what a kind manages, nothing the server adds."""
    return {name: doc[name] for name in fields if name in doc}


def without_empty(doc: Doc, *fields: str) -> Doc:
    """Drop fields whose live value is empty (``[]``, ``{}``, None): the YAML would leave them out."""
    for name in fields:
        if name in doc and doc[name] in (None, [], {}):
            del doc[name]
    return doc


def model_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The YAML field names of a model (aliases where set), to pick from live objects."""
    return tuple(f.alias or name for name, f in model.model_fields.items())
