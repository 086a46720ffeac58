"""Help Center articles, created under a section (wrapper ``article``).

Create needs ``title``, ``locale``, ``permission_group_id`` (an existing permission group) and
a ``user_segment_id`` (``null`` = everyone) or ``user_segment_ids``; ``draft`` can only be set
here — later it belongs to translations. A PUT changes article metadata only (section,
position, promotion, permissions, labels...): title, body, locale and draft are translation
properties and are ignored, as Zendesk documents. DELETE archives the article (it disappears
from lists and reads). Offset pages default to 30 articles.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response, now_iso
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.hc_common import (
    HC, add_translation, check_locale, hc_invalid, listed, record, slug, translation_in, translations_of,
    url_locale,
)
from providers.zendesk.emulator.pagination import by_position, respond_list
from providers.zendesk.emulator.records import new_id, sort_by_position, stamp_created, touch

METADATA = ("position", "promoted", "comments_disabled", "label_names", "content_tag_ids", "author_id")
ARTICLES_PER_PAGE = 30


def render(ctx: RequestContext, article: dict[str, Any], locale: str | None = None) -> dict[str, Any]:
    translation = translation_in(ctx.store, "Article", article, locale)
    outdated = [t["locale"] for t in translations_of(ctx.store, "Article", article["id"]) if t["outdated"]]
    shown = {k: v for k, v in article.items() if k != "archived"}
    shown.update({"title": translation["title"], "body": translation["body"], "locale": translation["locale"],
                  "draft": translation["draft"], "outdated": translation["outdated"], "outdated_locales": outdated,
                  "url": ctx.api_url(f"/help_center/{translation['locale']}/articles/{article['id']}"),
                  "html_url": f"{ctx.base}/hc/{translation['locale']}/articles/{article['id']}-{slug(translation['title'])}"})
    return shown


def _check_access(ctx: RequestContext, data: dict[str, Any], creating: bool) -> None:
    if creating or "permission_group_id" in data:
        if ctx.store["hc_permission_groups"].get(data.get("permission_group_id")) is None:
            raise hc_invalid("permission_group_id", "is not a valid permission group")
    if creating and "user_segment_id" not in data and "user_segment_ids" not in data:
        raise hc_invalid("user_segment_id", "must be specified (null means everyone)")
    segments = list(data.get("user_segment_ids") or [])
    if data.get("user_segment_id") is not None:
        segments.append(data["user_segment_id"])
    for segment_id in segments:
        if ctx.store["hc_user_segments"].get(segment_id) is None:
            raise hc_invalid("user_segment_id", f"{segment_id} is not a valid user segment")


def _segments(data: dict[str, Any]) -> tuple[int | None, list[int]]:
    ids = list(data.get("user_segment_ids") or [])
    single = data.get("user_segment_id")
    if single is not None and single not in ids:
        ids.insert(0, single)
    return (ids[0] if ids else None), ids


def _visible(ctx: RequestContext) -> list[dict[str, Any]]:
    return [a for a in ctx.store["hc_articles"].values() if not a.get("archived")]


def _listing(ctx: RequestContext, articles: list[dict[str, Any]], locale: str | None):
    ordered = sort_by_position(articles)
    return respond_list(ctx, "articles", ordered, sort_key=by_position, per_page_default=ARTICLES_PER_PAGE,
                        render=lambda a: listed(ctx, "Article", render(ctx, a, locale)))


def list_articles(ctx: RequestContext, locale: str | None = None):
    return _listing(ctx, _visible(ctx), url_locale(ctx, locale))


def list_in_section(ctx: RequestContext, section_id: str, locale: str | None = None):
    section = record(ctx, "hc_sections", section_id)
    return _listing(ctx, [a for a in _visible(ctx) if a["section_id"] == section["id"]], url_locale(ctx, locale))


def list_in_category(ctx: RequestContext, category_id: str, locale: str | None = None):
    category = record(ctx, "hc_categories", category_id)
    sections = {s["id"] for s in ctx.store["hc_sections"].values() if s["category_id"] == category["id"]}
    return _listing(ctx, [a for a in _visible(ctx) if a["section_id"] in sections], url_locale(ctx, locale))


def show_article(ctx: RequestContext, article_id: str, locale: str | None = None):
    return json_response(200, {"article": render(ctx, record(ctx, "hc_articles", article_id), url_locale(ctx, locale))})


def create_article(ctx: RequestContext, section_id: str, locale: str | None = None):
    section = record(ctx, "hc_sections", section_id)
    data = ctx.wrapped("article")
    locale = check_locale(data.get("locale") or url_locale(ctx, locale))
    if not (isinstance(data.get("title"), str) and data["title"].strip()):
        raise hc_invalid("title", "can't be blank")
    _check_access(ctx, data, creating=True)
    segment, segments = _segments(data)
    article = {"id": new_id(ctx.store, "hc_articles"), "section_id": section["id"], "source_locale": locale,
               "author_id": data.get("author_id") or ctx.store.extra.get("me"),
               "permission_group_id": data["permission_group_id"], "user_segment_id": segment,
               "user_segment_ids": segments, "position": int(data.get("position", 0)),
               "promoted": bool(data.get("promoted", False)),
               "comments_disabled": bool(data.get("comments_disabled", False)),
               "label_names": list(data.get("label_names") or []),
               "content_tag_ids": list(data.get("content_tag_ids") or []),
               "vote_sum": 0, "vote_count": 0, "edited_at": now_iso()}
    ctx.store["hc_articles"].put(stamp_created(article))
    add_translation(ctx, "Article", article["id"], locale, data["title"], data.get("body") or "",
                    draft=bool(data.get("draft", False)))
    return json_response(201, {"article": render(ctx, article)})


def update_article(ctx: RequestContext, article_id: str, locale: str | None = None):
    article = record(ctx, "hc_articles", article_id)
    data = ctx.wrapped("article")
    _check_access(ctx, data, creating=False)
    if "section_id" in data:
        target = ctx.store["hc_sections"].get(data["section_id"])
        if target is None:
            raise hc_invalid("section_id", "is not a valid section")
        article["section_id"] = target["id"]
    if "user_segment_id" in data or "user_segment_ids" in data:
        article["user_segment_id"], article["user_segment_ids"] = _segments(data)
    if "permission_group_id" in data:
        article["permission_group_id"] = data["permission_group_id"]
    for key in METADATA:
        if key in data:
            article[key] = data[key]
    touch(article)
    return json_response(200, {"article": render(ctx, article, url_locale(ctx, locale))})


def archive_article(ctx: RequestContext, article_id: str, locale: str | None = None):
    article = record(ctx, "hc_articles", article_id)
    article["archived"] = True
    touch(article)
    return json_response(204)


def register(router: Router) -> None:
    for prefix in (HC, f"{HC}/{{locale}}"):
        router.add("GET", f"{prefix}/articles", list_articles)
        router.add("GET", f"{prefix}/articles/{{article_id}}", show_article)
        router.add("PUT", f"{prefix}/articles/{{article_id}}", update_article)
        router.add("DELETE", f"{prefix}/articles/{{article_id}}", archive_article)
        router.add("GET", f"{prefix}/sections/{{section_id}}/articles", list_in_section)
        router.add("POST", f"{prefix}/sections/{{section_id}}/articles", create_article)
        router.add("GET", f"{prefix}/categories/{{category_id}}/articles", list_in_category)
