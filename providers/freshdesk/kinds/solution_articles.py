"""Solution articles (Block 8): knowledge base articles, by title.

+ title: natural key. + folder_id: the folder by name; changing it moves the article.
+ description: the article's HTML (compared in the form the server stores it).
+ status: draft or published. + type: permanent or workaround.
+ tags (any order); seo_data: ``{meta_title, meta_description, meta_keywords}``.
+ agent_id: the author, by email (checked against the account at plan time); the API key's
  owner when left out.
Translations are not managed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import field_validator

from providers.common.fan_out import fan_out
from providers.freshdesk.kinds._common import Strict, Words, canonical_html, pick, without_empty
from providers.freshdesk.kinds.solution_folders import read_folders
from provisioner.kind import Kind
from provisioner.references import Ref

FOLDERS_PATH = "/api/v2/solutions/folders"
STATUS = Words({1: "draft", 2: "published"})
TYPE = Words({1: "permanent", 2: "workaround"})


class Seo(Strict):
    meta_title: str | None = None
    meta_description: str | None = None
    meta_keywords: str | list[str] | None = None


class SolutionArticle(Strict):
    title: str
    folder_id: str
    description: str
    status: Literal["draft", "published"]
    type: Literal["permanent", "workaround"] | None = None
    tags: list[str] | None = None
    seo_data: Seo | None = None
    agent_id: str | None = None

    @field_validator("description")
    @classmethod
    def _stored_form(cls, value: str) -> str:
        return canonical_html(value)


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    doc = pick(doc, ("title", "folder_id", "description", "status", "type", "tags", "seo_data", "agent_id"))
    doc["description"] = canonical_html(doc.get("description"))
    doc = without_empty(doc, "tags", "seo_data")
    return TYPE.to_words(STATUS.to_words(doc, "status"), "type")


def to_payload(doc: dict[str, Any]) -> dict[str, Any]:
    return TYPE.to_numbers(STATUS.to_numbers(dict(doc), "status"), "type")


class ArticleOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
        folders = [folder for folder in read_folders(adapter) if folder.get("articles_count", 1)]
        lists = fan_out(lambda folder: adapter.list_all(f"{FOLDERS_PATH}/{folder['id']}/articles"), folders)
        return [article for articles in lists for article in articles]

    @staticmethod
    def create(adapter, kind: Kind, body: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        fields = {k: v for k, v in body.items() if k != "folder_id"}
        return adapter.http.json("POST", f"{FOLDERS_PATH}/{body['folder_id']}/articles", json_body=fields)


SOLUTION_ARTICLES = Kind(
    name="solution_articles", block=8, natural_key="title", path="/api/v2/solutions/articles",
    server_owned=frozenset({"id", "created_at", "updated_at", "category_id", "hierarchy", "description_text",
                            "hits", "thumbs_up", "thumbs_down", "feedback_count"}),
    references=(Ref("folder_id", "solution_folders"), Ref("agent_id", "agents")),
    unordered=frozenset({"tags"}), model=SolutionArticle, normalize=normalize, to_payload=to_payload,
    api={"operations": ArticleOperations},
    summary="Knowledge base articles in folders.",
    example=("solution_articles:\n  - title: Installing on Windows\n    folder_id: Windows\n    status: published\n"
             "    description: <p>Download the installer and run it.</p>\n"),
)
