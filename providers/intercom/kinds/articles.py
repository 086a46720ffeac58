"""Help Center articles (Block 8), with their translations.

+ title: natural key. + description. + body (HTML or plain text; compared after Intercom's own
  rewriting, see ``html_body``) or body_markdown (then the HTML Intercom makes of it is not
  compared). + state: draft or published.
+ author_id: the author's email (a teammate of the workspace).
+ parent_id: the collection or section's *name*; standalone when left out.
+ translated_content: ``{<locale>: {title, description, body, state}}`` for the other locales
  of a multilingual help center.
+ ai_chatbot_availability, ai_copilot_availability, ai_sales_agent_availability.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from providers.intercom.html_body import canonical_html
from providers.intercom.kinds._common import Strict, as_int, other_translations, refuse
from provisioner.kind import Capabilities, Doc, Kind
from provisioner.references import Ref

TRANSLATED = ("title", "description", "body", "state")


class ArticleContent(Strict):
    title: str | None = None
    description: str | None = None
    body: str | None = None
    state: Literal["draft", "published"] | None = None

    @field_validator("body")
    @classmethod
    def _canonical(cls, body: str | None) -> str | None:
        return None if body is None else canonical_html(body)


class Article(Strict):
    title: str
    description: str | None = None
    body: str | None = None
    body_markdown: str | None = Field(default=None, validate_default=True)
    author_id: str
    state: Literal["draft", "published"] | None = None
    parent_id: str | None = None
    translated_content: dict[str, ArticleContent] | None = None
    ai_chatbot_availability: bool | None = None
    ai_copilot_availability: bool | None = None
    ai_sales_agent_availability: bool | None = None

    @field_validator("body")
    @classmethod
    def _canonical(cls, body: str | None) -> str | None:
        return None if body is None else canonical_html(body)

    @field_validator("body_markdown")
    @classmethod
    def _one_body(cls, markdown: str | None, info: ValidationInfo) -> str | None:
        if markdown is not None and info.data.get("body") is not None:
            raise refuse("set body or body_markdown, not both")
        return markdown


def normalize(doc: Doc) -> Doc:
    parents = doc.pop("parent_ids", None) or []
    doc["parent_id"] = str(parents[0]) if parents else None
    doc.pop("parent_type", None)
    if doc.get("body_markdown") is not None:
        doc.pop("body", None)  # Intercom's HTML rendering of the markdown: not what the YAML holds
    else:
        doc.pop("body_markdown", None)
        doc["body"] = canonical_html(doc.get("body") or "")

    def content(entry: Doc) -> Doc:
        kept = {k: v for k, v in entry.items() if k in TRANSLATED}
        if isinstance(kept.get("body"), str):
            kept["body"] = canonical_html(kept["body"])
        return kept

    other_translations(doc, content)
    return doc


def to_payload(doc: Doc) -> Doc:
    body = dict(doc)
    if "author_id" in body:
        body["author_id"] = as_int(body["author_id"])
    return body


ARTICLES = Kind(
    name="articles", block=8, natural_key="title", path="/articles", list_key="data",
    server_owned=frozenset({"id", "type", "workspace_id", "url", "created_at", "updated_at", "statistics", "tags",
                            "has_unpublished_changes", "draft_updated_at", "created_by_id", "updated_by_id"}),
    model=Article, normalize=normalize, to_payload=to_payload, defaults={"parent_id": None},
    references=(Ref("author_id", "admins"), Ref("parent_id", "collections")),
    capabilities=Capabilities(),
    api={"paging": "pages"},
    summary="Help Center articles with their translations.",
    example=("articles:\n  - title: Install the desktop app\n    author_id: ada@example.com\n    parent_id: Installing the app\n"
             "    state: published\n    body: <p>Download the installer and run it.</p>\n"),
)
