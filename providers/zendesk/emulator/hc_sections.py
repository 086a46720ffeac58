"""Help Center sections, created under a category (wrapper ``section``).

``name`` and ``locale`` are required. Unlike categories, a section PUT may change ``name`` and
``description`` (in the source locale) as well as ``position``, ``sorting``, ``category_id``,
``parent_section_id`` and ``theme_template``; a parent must be in the same category and may
not create a cycle. DELETE removes the section's subsections and articles too.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.hc_common import (
    HC, add_translation, check_locale, drop_translations, edit_translation, hc_invalid, listed, record, slug,
    translation_in, url_locale,
)
from providers.zendesk.emulator.pagination import by_position, respond_list
from providers.zendesk.emulator.records import new_id, sort_by_position, stamp_created, touch

SORTING = ("manual", "title", "creation_desc", "creation_asc")


def remove_section(store: Store, section: dict[str, Any]) -> None:
    """Delete a section with its subsections, articles and translations."""
    for child in list(store["hc_sections"].values()):
        if child.get("parent_section_id") == section["id"] and store["hc_sections"].get(child["id"]):
            remove_section(store, child)
    for article in list(store["hc_articles"].values()):
        if article["section_id"] == section["id"]:
            drop_translations(store, "Article", article["id"])
            store["hc_articles"].remove(article["id"])
    drop_translations(store, "Section", section["id"])
    store["hc_sections"].remove(section["id"])


def render(ctx: RequestContext, section: dict[str, Any], locale: str | None = None) -> dict[str, Any]:
    translation = translation_in(ctx.store, "Section", section, locale)
    shown = dict(section)
    shown.update({"name": translation["title"], "description": translation["body"], "locale": translation["locale"],
                  "outdated": translation["outdated"],
                  "url": ctx.api_url(f"/help_center/{translation['locale']}/sections/{section['id']}"),
                  "html_url": f"{ctx.base}/hc/{translation['locale']}/sections/{section['id']}-{slug(translation['title'])}"})
    return shown


def _check_parent(ctx: RequestContext, section_id: int | None, category_id: int, parent_id: Any) -> int | None:
    if parent_id is None:
        return None
    parent = ctx.store["hc_sections"].get(parent_id)
    if parent is None or parent["category_id"] != category_id:
        raise hc_invalid("parent_section_id", "must be a section in the same category")
    cursor: dict[str, Any] | None = parent
    while cursor is not None:
        if cursor["id"] == section_id:
            raise hc_invalid("parent_section_id", "would result in a cycle")
        cursor = ctx.store["hc_sections"].get(cursor["parent_section_id"]) if cursor.get("parent_section_id") else None
    return parent["id"]


def _listing(ctx: RequestContext, sections: list[dict[str, Any]], locale: str | None):
    ordered = sort_by_position(sections)
    return respond_list(ctx, "sections", ordered, sort_key=by_position,
                        render=lambda s: listed(ctx, "Section", render(ctx, s, locale)))


def list_sections(ctx: RequestContext, locale: str | None = None):
    return _listing(ctx, ctx.store["hc_sections"].values(), url_locale(ctx, locale))


def list_in_category(ctx: RequestContext, category_id: str, locale: str | None = None):
    category = record(ctx, "hc_categories", category_id)
    mine = [s for s in ctx.store["hc_sections"].values() if s["category_id"] == category["id"]]
    return _listing(ctx, mine, url_locale(ctx, locale))


def show_section(ctx: RequestContext, section_id: str, locale: str | None = None):
    return json_response(200, {"section": render(ctx, record(ctx, "hc_sections", section_id), url_locale(ctx, locale))})


def create_section(ctx: RequestContext, category_id: str, locale: str | None = None):
    category = record(ctx, "hc_categories", category_id)
    data = ctx.wrapped("section")
    locale = check_locale(data.get("locale") or url_locale(ctx, locale))
    if not (isinstance(data.get("name"), str) and data["name"].strip()):
        raise hc_invalid("name", "can't be blank")
    if data.get("sorting", "manual") not in SORTING:
        raise hc_invalid("sorting", f"must be one of {', '.join(SORTING)}")
    section = {"id": new_id(ctx.store, "hc_sections"), "category_id": category["id"],
               "parent_section_id": _check_parent(ctx, None, category["id"], data.get("parent_section_id")),
               "position": int(data.get("position", 0)), "sorting": data.get("sorting", "manual"),
               "theme_template": data.get("theme_template", "section_page"), "source_locale": locale}
    ctx.store["hc_sections"].put(stamp_created(section))
    add_translation(ctx, "Section", section["id"], locale, data["name"], data.get("description") or "")
    return json_response(201, {"section": render(ctx, section)})


def update_section(ctx: RequestContext, section_id: str, locale: str | None = None):
    section = record(ctx, "hc_sections", section_id)
    data = ctx.wrapped("section")
    category_id = section["category_id"]
    if "category_id" in data:
        target = ctx.store["hc_categories"].get(data["category_id"])
        if target is None:
            raise hc_invalid("category_id", "is not a valid category")
        category_id = target["id"]
    parent = data["parent_section_id"] if "parent_section_id" in data else section.get("parent_section_id")
    if category_id != section["category_id"] and "parent_section_id" not in data:
        parent = None
    parent = _check_parent(ctx, section["id"], category_id, parent)
    if "sorting" in data and data["sorting"] not in SORTING:
        raise hc_invalid("sorting", f"must be one of {', '.join(SORTING)}")
    text = {k: v for k, v in (("title", data.get("name")), ("body", data.get("description"))) if v is not None}
    source = translation_in(ctx.store, "Section", section, None)
    if text:
        edit_translation(ctx, source, text)
    section.update({"category_id": category_id, "parent_section_id": parent})
    for key in ("position", "sorting", "theme_template"):
        if key in data:
            section[key] = data[key]
    touch(section)
    return json_response(200, {"section": render(ctx, section, url_locale(ctx, locale))})


def delete_section(ctx: RequestContext, section_id: str, locale: str | None = None):
    remove_section(ctx.store, record(ctx, "hc_sections", section_id))
    return json_response(204)


def register(router: Router) -> None:
    for prefix in (HC, f"{HC}/{{locale}}"):
        router.add("GET", f"{prefix}/sections", list_sections)
        router.add("GET", f"{prefix}/sections/{{section_id}}", show_section)
        router.add("PUT", f"{prefix}/sections/{{section_id}}", update_section)
        router.add("DELETE", f"{prefix}/sections/{{section_id}}", delete_section)
        router.add("GET", f"{prefix}/categories/{{category_id}}/sections", list_in_category)
        router.add("POST", f"{prefix}/categories/{{category_id}}/sections", create_section)
