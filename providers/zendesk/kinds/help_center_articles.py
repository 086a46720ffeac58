"""Help Center articles (Block 8), with their translations.

+ title: natural key (in the source locale). + body (HTML). + draft: unpublished when true.
+ section_id: the section, by name; changing it moves the article.
+ permission_group_id: who may edit it (a Guide permission group, by name; "Admins" exists in
  every Help Center). + user_segment_id: who may read it (a user segment by name, or null for
  everyone: the default).
+ author_id: the author's email (an agent of the account); the API user when left out.
+ label_names (any order), promoted, comments_disabled, position.
+ locale: the source locale (``en-us`` when left out). Immutable.
+ translations: ``[{locale, title, body, draft}]`` for the other locales, the complete set.
Title, body and draft live in the source locale's translation, so the operations change them
there (an article PUT ignores them). Zendesk has no article delete: DELETE archives it (it
leaves the Help Center and every list), which the plan shows as "archive".
"""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from providers.zendesk.kinds._help_center import (HC, TranslatedObject, other_translations, read_with_translations,
                                                 sync_translations)
from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Capabilities, Doc, Kind
from provisioner.references import Ref

TEXT = {"title": "title", "body": "body", "draft": "draft"}
METADATA = ("section_id", "permission_group_id", "user_segment_id", "author_id", "label_names", "promoted",
            "comments_disabled", "position")


class ArticleText(Strict):
    locale: str
    title: str
    body: str | None = None
    draft: bool | None = None


class HelpCenterArticle(TranslatedObject):
    title: str
    body: str | None = None
    draft: bool | None = None
    section_id: str
    permission_group_id: str
    user_segment_id: str | None = None
    author_id: str | None = None
    label_names: list[str] | None = None
    promoted: bool | None = None
    comments_disabled: bool | None = None
    position: int | None = None
    locale: str | None = None
    translations: list[ArticleText] | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        return {"user_segment_id": None, **data} if isinstance(data, dict) else data


def normalize(doc: Doc) -> Doc:
    out = {k: doc.get(k) for k in ("title", "body", "draft", *METADATA)}
    out["locale"] = doc.get("source_locale")
    out["translations"] = other_translations(doc, TEXT)
    return out


def _wire(text: Doc) -> Doc:
    body = {"title": text["title"], "body": text.get("body") or ""}
    if text.get("draft") is not None:
        body["draft"] = text["draft"]
    return body


class ArticleOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[Doc]:  # type: ignore[no-untyped-def]
        return read_with_translations(adapter, f"{HC}/articles", "articles")

    @staticmethod
    def create(adapter, kind: Kind, body: Doc) -> Doc:  # type: ignore[no-untyped-def]
        fields = {k: v for k, v in body.items() if k not in {"section_id", "translations"}}
        fields.setdefault("user_segment_id", None)
        path = f"{HC}/sections/{body['section_id']}/articles"
        article = adapter.http.json("POST", path, json_body={"article": fields, "notify_subscribers": False})["article"]
        if body.get("translations"):
            sync_translations(adapter, "articles", article["id"], body["locale"], None, body["translations"], _wire)
        return article

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:  # type: ignore[no-untyped-def]
        metadata = {k: body[k] for k in METADATA if k in body}
        if metadata:
            adapter.http.json("PUT", f"{HC}/articles/{obj_id}", json_body={"article": metadata})
        source = {name: body[name] for name in TEXT if name in body}
        if source or "translations" in body:
            sync_translations(adapter, "articles", obj_id, before["locale"], source, body.get("translations"), _wire)
        return {}


HELP_CENTER_ARTICLES = Kind(
    name="help_center_articles", block=8, natural_key="title", path=f"{HC}/articles", envelope="article",
    list_key="articles", immutable=frozenset({"locale"}), model=HelpCenterArticle, normalize=normalize,
    references=(Ref("section_id", "help_center_sections"),
                Ref("permission_group_id", "help_center_permission_groups"),
                Ref("user_segment_id", "help_center_user_segments"), Ref("author_id", "agents")),
    unordered=frozenset({"label_names"}),
    capabilities=Capabilities(delete_means="archive"),
    api={"operations": ArticleOperations},
    summary="Help Center articles with their translations, per section.",
    example=("help_center_articles:\n  - title: How refunds work\n    section_id: Invoices\n"
             "    permission_group_id: Admins\n    body: <p>Refunds reach your card within 5 business days.</p>\n"
             "    translations:\n      - {locale: es, title: Cómo funcionan los reembolsos}\n"),
)
