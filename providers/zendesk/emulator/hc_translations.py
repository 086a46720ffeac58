"""Help Center translations of articles, sections and categories (wrapper ``translation``).

``/{articles|sections|categories}/{id}/translations[/{locale}]`` lists, creates (a locale the
Help Center has enabled and the object does not have yet; ``title`` required), shows and
updates them; ``DELETE /help_center/translations/{id}`` removes one, but never the source-locale
translation or the only one left.
"""

from __future__ import annotations

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import not_found
from providers.zendesk.emulator.hc_common import (
    HC, TRANSLATIONS, add_translation, check_locale, edit_translation, hc_invalid, record,
    render_translation, translations_of,
)
from providers.zendesk.emulator.records import get_or_404, parse_id

KINDS = (("articles", "Article", "hc_articles"), ("sections", "Section", "hc_sections"),
         ("categories", "Category", "hc_categories"))


def _handlers(source_type: str, collection: str):
    def list_translations(ctx: RequestContext, source_id: str):
        source = record(ctx, collection, source_id)
        translations = translations_of(ctx.store, source_type, source["id"])
        locales = set(ctx.query_list("locales"))
        if locales:
            translations = [t for t in translations if t["locale"] in locales]
        return json_response(200, {"translations": [render_translation(ctx, t) for t in translations]})

    def find(ctx: RequestContext, source_id: str, locale: str):
        source = record(ctx, collection, source_id)
        for translation in translations_of(ctx.store, source_type, source["id"]):
            if translation["locale"] == locale.lower():
                return translation
        raise not_found()

    def show(ctx: RequestContext, source_id: str, locale: str):
        return json_response(200, {"translation": render_translation(ctx, find(ctx, source_id, locale))})

    def create(ctx: RequestContext, source_id: str):
        source = record(ctx, collection, source_id)
        data = ctx.wrapped("translation")
        locale = check_locale(data.get("locale"))
        if not (isinstance(data.get("title"), str) and data["title"].strip()):
            raise hc_invalid("title", "can't be blank")
        translation = add_translation(ctx, source_type, source["id"], locale, data["title"],
                                      data.get("body") or "", draft=bool(data.get("draft", False)))
        return json_response(201, {"translation": render_translation(ctx, translation)})

    def update(ctx: RequestContext, source_id: str, locale: str):
        translation = find(ctx, source_id, locale)
        edit_translation(ctx, translation, ctx.wrapped("translation"))
        return json_response(200, {"translation": render_translation(ctx, translation)})

    return list_translations, show, create, update


def delete_translation(ctx: RequestContext, translation_id: str):
    translation = get_or_404(ctx.store[TRANSLATIONS], parse_id(translation_id))
    collection = {t: c for _, t, c in KINDS}[translation["source_type"]]
    source = ctx.store[collection].get(translation["source_id"])
    siblings = translations_of(ctx.store, translation["source_type"], translation["source_id"])
    if len(siblings) == 1 or (source is not None and source["source_locale"] == translation["locale"]):
        raise hc_invalid("locale", "the source locale translation cannot be deleted")
    ctx.store[TRANSLATIONS].remove(translation["id"])
    return json_response(204)


def register(router: Router) -> None:
    for path, source_type, collection in KINDS:
        list_translations, show, create, update = _handlers(source_type, collection)
        base = f"{HC}/{path}/{{source_id}}/translations"
        router.add("GET", base, list_translations)
        router.add("POST", base, create)
        router.add("GET", f"{base}/{{locale}}", show)
        router.add("PUT", f"{base}/{{locale}}", update)
    router.add("DELETE", f"{HC}/translations/{{translation_id}}", delete_translation)
