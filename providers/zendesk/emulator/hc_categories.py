"""Help Center categories (``/help_center[/{locale}]/categories``, wrapper ``category``).

``name`` and ``locale`` are required on create (the locale may come from the URL). A PUT only
changes category-level metadata (``position``); name and description live in translations,
as the OAS says. DELETE removes every section and article of the category with it.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.hc_common import (
    HC, add_translation, check_locale, drop_translations, hc_invalid, listed, record, slug, translation_in,
    url_locale,
)
from providers.zendesk.emulator.pagination import by_position, respond_list
from providers.zendesk.emulator.records import new_id, sort_by_position, stamp_created, touch


def render(ctx: RequestContext, category: dict[str, Any], locale: str | None = None) -> dict[str, Any]:
    translation = translation_in(ctx.store, "Category", category, locale)
    shown = {k: v for k, v in category.items()}
    shown.update({"name": translation["title"], "description": translation["body"], "locale": translation["locale"],
                  "outdated": translation["outdated"],
                  "url": ctx.api_url(f"/help_center/{translation['locale']}/categories/{category['id']}"),
                  "html_url": f"{ctx.base}/hc/{translation['locale']}/categories/{category['id']}-{slug(translation['title'])}"})
    return shown


def list_categories(ctx: RequestContext, locale: str | None = None):
    locale = url_locale(ctx, locale)
    categories = sort_by_position(ctx.store["hc_categories"].values())
    return respond_list(ctx, "categories", categories, sort_key=by_position,
                        render=lambda c: listed(ctx, "Category", render(ctx, c, locale)))


def show_category(ctx: RequestContext, category_id: str, locale: str | None = None):
    locale = url_locale(ctx, locale)
    return json_response(200, {"category": render(ctx, record(ctx, "hc_categories", category_id), locale)})


def create_category(ctx: RequestContext, locale: str | None = None):
    data = ctx.wrapped("category")
    locale = check_locale(data.get("locale") or url_locale(ctx, locale))
    if not (isinstance(data.get("name"), str) and data["name"].strip()):
        raise hc_invalid("name", "can't be blank")
    category = {"id": new_id(ctx.store, "hc_categories"), "position": int(data.get("position", 0)),
                "source_locale": locale}
    ctx.store["hc_categories"].put(stamp_created(category))
    add_translation(ctx, "Category", category["id"], locale, data["name"], data.get("description") or "")
    return json_response(201, {"category": render(ctx, category)})


def update_category(ctx: RequestContext, category_id: str, locale: str | None = None):
    category = record(ctx, "hc_categories", category_id)
    data = ctx.wrapped("category")
    if "position" in data:
        category["position"] = int(data["position"])
    touch(category)
    return json_response(200, {"category": render(ctx, category, url_locale(ctx, locale))})


def delete_category(ctx: RequestContext, category_id: str, locale: str | None = None):
    from providers.zendesk.emulator.hc_sections import remove_section

    category = record(ctx, "hc_categories", category_id)
    for section in list(ctx.store["hc_sections"].values()):
        if section["category_id"] == category["id"] and ctx.store["hc_sections"].get(section["id"]):
            remove_section(ctx.store, section)
    drop_translations(ctx.store, "Category", category["id"])
    ctx.store["hc_categories"].remove(category["id"])
    return json_response(204)


def register(router: Router) -> None:
    for prefix in (HC, f"{HC}/{{locale}}"):
        router.add("GET", f"{prefix}/categories", list_categories)
        router.add("POST", f"{prefix}/categories", create_category)
        router.add("GET", f"{prefix}/categories/{{category_id}}", show_category)
        router.add("PUT", f"{prefix}/categories/{{category_id}}", update_category)
        router.add("DELETE", f"{prefix}/categories/{{category_id}}", delete_category)
