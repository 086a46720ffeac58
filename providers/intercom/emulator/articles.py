"""``/articles``: Help Center articles (list, create, read, update, delete).

Documented behaviour (2.16 description, ``examples/article-create.json``):
- create needs ``title`` and ``author_id`` (an admin id), at the top level or in the default
  locale's ``translated_content``; otherwise 400 ``parameter_not_found`` "author_id must be in the
  main body or default locale translated_content object";
- ``state`` is ``draft`` (default) or ``published``; on update, omitting it leaves it unchanged;
- ``parent_id`` is an int on create and a string on update (both accepted), ``parent_type`` is
  ``collection`` or ``section``; 2.16 responses no longer carry ``parent_id``/``parent_type``,
  only ``parent_ids`` (the parents' ids as ints, ``[]`` when standalone);
- the body is rewritten on the way in (``article_html``); ``body`` and ``body_markdown`` are
  mutually exclusive; tags are read-only here (``tags {"type": "tag.list", "tags": []}``);
- the list is page-number paginated (default ``per_page`` 25, as in the example), sorted by
  ``updated_at`` descending; list items omit ``statistics``, single reads include them;
- unknown ``audience_ids`` answer 404 ``parameter_invalid`` (this workspace has no audiences);
- DELETE answers ``{"id", "object": "article", "deleted": true}``.
Chosen here, undocumented: the AI-availability flags default to chatbot/copilot on and sales
agent off.
"""

from __future__ import annotations

from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .article_html import markdown_to_html, normalise_body, slug
from .errors import ApiError, invalid, missing, not_found
from .inputs import as_int_id, body_object, optional_bool
from .pagination import page_number_list
from .records import public
from .seed import new_id
from .translations import requested_translations

STATES = ("draft", "published")
CONTENT_FIELDS = ("title", "description", "body", "body_markdown", "author_id", "state")
AI_FLAGS = {"ai_chatbot_availability": True, "ai_copilot_availability": True, "ai_sales_agent_availability": False}
STATISTICS = {"type": "article_statistics", "views": 0, "conversations": 0, "reactions": 0,
              "happy_reaction_percentage": 0, "neutral_reaction_percentage": 0, "sad_reaction_percentage": 0}


def register(router: Router, emu: Any) -> None:
    articles = emu.store["articles"]

    def lookup(article_id: str) -> dict[str, Any]:
        article = articles.get(article_id)
        if article is None:
            raise not_found()
        return article

    def url_for(article_id: str, title: str, locale: str) -> str:
        return f"{emu.default_help_center()['url']}/{locale}/articles/{article_id}-{slug(title)}"

    def render(article: dict[str, Any], *, with_statistics: bool) -> dict[str, Any]:
        body = public(article)
        body["parent_ids"] = [int(article["_parent_id"])] if article.get("_parent_id") is not None else []
        if with_statistics:
            body["statistics"] = dict(STATISTICS)
        if emu.multilingual:
            body["default_locale"] = emu.default_locale
            content = {emu.default_locale: {f: article[f] for f in ("title", "description", "body", "author_id",
                                                                   "state", "created_at", "updated_at", "url")}}
            content.update(article.get("_translations", {}))
            body["translated_content"] = {"type": "article_translated_content", **{
                locale: {"type": "article_content", **c} for locale, c in content.items()}}
        return body

    def content_from(body: dict[str, Any], default: dict[str, Any]) -> dict[str, Any]:
        """Top-level fields, falling back to the default locale's translated content."""
        found = {}
        for field in CONTENT_FIELDS:
            value = body.get(field, default.get(field))
            if value is not None:
                found[field] = value
        return found

    def validated(content: dict[str, Any]) -> dict[str, Any]:
        """Checks and rewrites one locale's content (body HTML, author, state)."""
        clean: dict[str, Any] = {}
        for field in ("title", "description"):
            if field in content:
                if not isinstance(content[field], str):
                    raise invalid(f"{field} must be a string")
                clean[field] = content[field]
        if "body" in content and "body_markdown" in content:
            raise invalid("body and body_markdown are mutually exclusive")
        if "body" in content:
            if not isinstance(content["body"], str):
                raise invalid("body must be a string")
            clean["body"], clean["body_markdown"] = normalise_body(content["body"]), None
        if "body_markdown" in content:
            if not isinstance(content["body_markdown"], str):
                raise invalid("body_markdown must be a string")
            clean["body"], clean["body_markdown"] = markdown_to_html(content["body_markdown"]), content["body_markdown"]
        if "author_id" in content:
            clean["author_id"] = emu.require_admin(content["author_id"], "author_id")
        if "state" in content:
            if content["state"] not in STATES:
                raise invalid("state must be one of: published, draft")
            clean["state"] = content["state"]
        return clean

    def resolve_parent(body: dict[str, Any]) -> tuple[int | None, str | None] | None:
        """The (parent id, parent type) a request asks for; None when it does not mention one."""
        if "parent_id" not in body:
            return None
        if body["parent_id"] is None:
            return None, None
        parent_id = as_int_id(body["parent_id"], "parent_id")
        parent = emu.store["collections"].get(parent_id)
        if parent is None:
            raise invalid("parent_id must be the id of an existing collection or section")
        parent_type = body.get("parent_type") or ("section" if parent["parent_id"] else "collection")
        if parent_type not in ("collection", "section"):
            raise invalid("parent_type must be collection or section")
        return parent_id, parent_type

    def extras(body: dict[str, Any]) -> dict[str, Any]:
        """AI-availability flags to set; rejects audience ids (the workspace has no audiences)."""
        audience_ids = body.get("audience_ids")
        if audience_ids is not None and not isinstance(audience_ids, list):
            raise invalid("audience_ids must be an array")
        if audience_ids:
            unknown = ", ".join(str(a) for a in audience_ids)
            raise ApiError(404, "parameter_invalid", f"audience_ids contains unknown audience IDs: {unknown}")
        return {flag: value for flag in AI_FLAGS if (value := optional_bool(body, flag)) is not None}

    def apply_request(article: dict[str, Any], body: dict[str, Any], clean: dict[str, Any]) -> None:
        """Everything validated first, then written, so a refused update changes nothing."""
        parent = resolve_parent(body)
        flags = extras(body)
        article.update(clean)
        article.update(flags)
        if parent is not None:
            article["_parent_id"], article["_parent_type"] = parent

    def apply_translations(article: dict[str, Any], translations: dict[str, dict[str, Any]], now: int) -> None:
        stored = article.setdefault("_translations", {})
        for locale, content in translations.items():
            entry = stored.setdefault(locale, {"title": "", "description": "", "body": "",
                                               "author_id": article["author_id"], "state": "draft",
                                               "created_at": now})
            entry.update({k: v for k, v in content.items() if k != "body_markdown"})
            entry["updated_at"] = now
            entry["url"] = url_for(article["id"], entry["title"] or article["title"], locale)

    def list_articles(request: httpx.Request) -> httpx.Response:
        ordered = sorted(articles.values(), key=lambda a: (a["updated_at"], int(a["id"])), reverse=True)
        data = [render(a, with_statistics=False) for a in ordered]
        return json_response(200, page_number_list(request, data, default_per_page=25))

    def create_article(request: httpx.Request) -> httpx.Response:
        body = body_object(request)
        translations = requested_translations(emu, body, CONTENT_FIELDS)
        content = content_from(body, translations.pop(emu.default_locale, {}))
        translated = {locale: validated(raw) for locale, raw in translations.items()}
        if not isinstance(content.get("title"), str) or not content["title"].strip():
            raise missing("title must be in the main body or default locale translated_content object")
        if content.get("author_id") is None:
            raise missing("author_id must be in the main body or default locale translated_content object")
        clean = validated(content)
        now = emu.now()
        article: dict[str, Any] = {
            "id": new_id(emu.store, "articles"), "type": "article", "workspace_id": emu.workspace_id,
            "tags": {"type": "tag.list", "tags": []}, "title": clean["title"],
            "description": clean.get("description", ""), "body": clean.get("body", ""),
            "body_markdown": clean.get("body_markdown"), "author_id": clean["author_id"],
            "state": clean.get("state", "draft"), "created_at": now, "updated_at": now,
            "has_unpublished_changes": False, "draft_updated_at": None, **AI_FLAGS,
            "created_by_id": int(emu.owner_admin_id), "updated_by_id": int(emu.owner_admin_id),
            "_parent_id": None, "_parent_type": None,
        }
        apply_request(article, body, {})
        article["url"] = url_for(article["id"], article["title"], emu.default_locale)
        apply_translations(article, translated, now)
        articles.put(article)
        return json_response(200, render(article, with_statistics=True))

    def get_article(request: httpx.Request, article_id: str) -> httpx.Response:
        return json_response(200, render(lookup(article_id), with_statistics=True))

    def update_article(request: httpx.Request, article_id: str) -> httpx.Response:
        article = lookup(article_id)
        body = body_object(request)
        translations = requested_translations(emu, body, CONTENT_FIELDS)
        clean = validated(content_from(body, translations.pop(emu.default_locale, {})))
        translated = {locale: validated(raw) for locale, raw in translations.items()}
        if "title" in clean and not clean["title"].strip():
            raise invalid("Title can't be blank")
        now = emu.now()
        apply_request(article, body, clean)
        article["updated_at"] = now
        article["updated_by_id"] = int(emu.owner_admin_id)
        article["url"] = url_for(article["id"], article["title"], emu.default_locale)
        apply_translations(article, translated, now)
        return json_response(200, render(article, with_statistics=True))

    def delete_article(request: httpx.Request, article_id: str) -> httpx.Response:
        lookup(article_id)
        articles.remove(article_id)
        return json_response(200, {"id": article_id, "object": "article", "deleted": True})

    router.add("GET", "/articles", list_articles)
    router.add("POST", "/articles", create_article)
    router.add("GET", "/articles/{article_id}", get_article)
    router.add("PUT", "/articles/{article_id}", update_article)
    router.add("DELETE", "/articles/{article_id}", delete_article)
