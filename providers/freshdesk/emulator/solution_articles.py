"""Solution articles: ``/solutions/folders/{id}/articles`` (list, create) and
``/solutions/articles/{id}`` (view, update, delete).

- Create needs ``title``, ``description`` (HTML) and ``status`` (1 draft, 2 published); sending
  ``status: 1`` alone on update unpublishes. ``type`` is 1 permanent or 2 workaround.
- ``description_text`` is derived from ``description`` and read-only; the stored HTML is the
  server's rewrite of what was sent (see ``html_text``).
- ``folder_id`` on update moves the article; ``category_id`` and ``hierarchy`` follow the folder.
- ``agent_id`` (the author) defaults to the API key's agent; ``hits`` and thumbs are read-only
  counters. Translations (``/{language}``) are not emulated.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator import html_text
from providers.freshdesk.emulator.context import RequestContext, created, no_content, ok, parse_id
from providers.freshdesk.emulator.errors import field_error, validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import by_id, find, new_id, public, require_ids, stamp
from providers.freshdesk.emulator.solution_folders import hierarchy
from providers.freshdesk.emulator.validation import Rule, check_body, check_value

SEO_RULES = {"meta_title": Rule("string"), "meta_description": Rule("string"), "meta_keywords": Rule("any")}
CREATE_RULES = {
    "title": Rule("string", required=True),
    "description": Rule("string", required=True),
    "status": Rule("integer", required=True, choices=(1, 2)),
    "type": Rule("integer", choices=(1, 2)),
    "agent_id": Rule("integer"),
    "tags": Rule("array", items="string"),
    "seo_data": Rule("object"),
}
UPDATE_RULES = {**CREATE_RULES, "title": Rule("string"), "description": Rule("string"),
                "status": Rule("integer", choices=(1, 2)), "folder_id": Rule("integer")}


def render(ctx: RequestContext, article: dict[str, Any]) -> dict[str, Any]:
    body = public(article)
    body["hierarchy"] = hierarchy(ctx, ctx.store["solution_folders"].get(article["folder_id"]))
    return body


def _validate(ctx: RequestContext, body: dict[str, Any], *, creating: bool) -> None:
    errors = check_body(body, CREATE_RULES if creating else UPDATE_RULES, creating=creating)
    if isinstance(body.get("seo_data"), dict):
        for key, value in body["seo_data"].items():
            rule = SEO_RULES.get(key)
            errors.extend([field_error(f"seo_data.{key}", "Unexpected/invalid field in request", "invalid_field")]
                          if rule is None else check_value(f"seo_data.{key}", value, rule))
    if errors:
        raise validation_failed(errors)
    if "agent_id" in body:
        require_ids(ctx.store, "agents", "agent_id", [body["agent_id"]])
    if "folder_id" in body:
        require_ids(ctx.store, "solution_folders", "folder_id", [body["folder_id"]])


def _apply(ctx: RequestContext, article: dict[str, Any], body: dict[str, Any]) -> None:
    for key, value in body.items():
        if key == "description":
            article["description"] = html_text.rewrite(value)
            article["description_text"] = html_text.to_text(article["description"])
        elif key == "folder_id":
            article["folder_id"] = value
            article["category_id"] = ctx.store["solution_folders"].get(value)["category_id"]
        elif key == "tags":
            article["tags"] = list(dict.fromkeys(value))
        else:
            article[key] = value


def list_articles(ctx: RequestContext, folder_id: str):
    folder = find(ctx.store, "solution_folders", parse_id(folder_id))
    articles = by_id(a for a in ctx.store["solution_articles"].values() if a["folder_id"] == folder["id"])
    return paged(ctx, [render(ctx, a) for a in articles])


def create_article(ctx: RequestContext, folder_id: str):
    folder = find(ctx.store, "solution_folders", parse_id(folder_id))
    body = ctx.body()
    _validate(ctx, body, creating=True)
    article = {"id": new_id(ctx.store, "solution_articles"), "type": 1, "category_id": folder["category_id"],
               "folder_id": folder["id"], "title": body["title"], "description": "", "description_text": "",
               "status": body["status"], "agent_id": ctx.current_agent_id, "tags": [], "seo_data": {},
               "thumbs_up": 0, "thumbs_down": 0, "hits": 0}
    _apply(ctx, article, body)
    ctx.store["solution_articles"].put(stamp(article, created=True))
    return created(render(ctx, article))


def view_article(ctx: RequestContext, article_id: str):
    return ok(render(ctx, find(ctx.store, "solution_articles", parse_id(article_id))))


def update_article(ctx: RequestContext, article_id: str):
    article = find(ctx.store, "solution_articles", parse_id(article_id))
    body = ctx.body()
    _validate(ctx, body, creating=False)
    _apply(ctx, article, body)
    stamp(article)
    return ok(render(ctx, article))


def delete_article(ctx: RequestContext, article_id: str):
    article = find(ctx.store, "solution_articles", parse_id(article_id))
    ctx.store["solution_articles"].remove(article["id"])
    return no_content()


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/solutions/folders/{folder_id}/articles", list_articles)
    router.add("POST", "/api/v2/solutions/folders/{folder_id}/articles", create_article)
    router.add("GET", "/api/v2/solutions/articles/{article_id}", view_article)
    router.add("PUT", "/api/v2/solutions/articles/{article_id}", update_article)
    router.add("DELETE", "/api/v2/solutions/articles/{article_id}", delete_article)
