"""What the Help Center resources share: enabled locales, the 400 error shape, translations.

Help Center keeps the name/title and description/body of categories, sections and articles in
per-locale *translations* (``source_type`` Category/Section/Article). The object itself holds
metadata (position, parent, permissions) and its ``source_locale``; what a GET shows as
``name``/``title`` is the translation in the requested locale (the source one by default).
Validation errors answer 400 ``{"errors": {"<attribute>": ["message"]}}`` (the OAS
``BadRequestErrorResponse``); missing records are the usual 404 ``RecordNotFound``.
"""

from __future__ import annotations

import re
from typing import Any

from providers.common.emulation import Store
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import ZendeskError, not_found
from providers.zendesk.emulator.locales import ACTIVE_LOCALES
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, stamp_created, touch

HC = "/api/v2/help_center"
HC_LOCALES = tuple(code.lower() for code, _ in ACTIVE_LOCALES.values())
TRANSLATIONS = "hc_translations"


def hc_invalid(attribute: str, message: str) -> ZendeskError:
    return ZendeskError(400, {"errors": {attribute: [message]}})


def check_locale(locale: Any) -> str:
    if not isinstance(locale, str) or not locale:
        raise hc_invalid("locale", "can't be blank")
    normalized = locale.lower().replace("_", "-")
    if normalized not in HC_LOCALES:
        raise hc_invalid("locale", f"{locale} is not enabled for this Help Center")
    return normalized


def url_locale(ctx: RequestContext, locale: str | None) -> str | None:
    """The ``/{locale}/`` path segment, validated (an unknown locale is a 404 page)."""
    if locale is None:
        return None
    normalized = locale.lower()
    if normalized not in HC_LOCALES:
        raise not_found()
    return normalized


def record(ctx: RequestContext, collection: str, raw_id: str) -> dict[str, Any]:
    obj = get_or_404(ctx.store[collection], parse_id(raw_id))
    if obj.get("archived"):
        raise not_found()
    return obj


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def translations_of(store: Store, source_type: str, source_id: int) -> list[dict[str, Any]]:
    return sorted((t for t in store[TRANSLATIONS].values()
                   if t["source_type"] == source_type and t["source_id"] == source_id), key=lambda t: t["id"])


def translation_in(store: Store, source_type: str, obj: dict[str, Any], locale: str | None) -> dict[str, Any]:
    """The translation to show: the requested locale if it exists, else the source locale."""
    translations = translations_of(store, source_type, obj["id"])
    wanted = locale or obj["source_locale"]
    for translation in translations:
        if translation["locale"] == wanted:
            return translation
    return next(t for t in translations if t["locale"] == obj["source_locale"])


def add_translation(ctx: RequestContext, source_type: str, source_id: int, locale: str, title: str,
                    body: str = "", draft: bool = False) -> dict[str, Any]:
    if any(t["locale"] == locale for t in translations_of(ctx.store, source_type, source_id)):
        raise hc_invalid("locale", "has already been taken")
    me = ctx.store.extra.get("me")
    translation = {"id": new_id(ctx.store, TRANSLATIONS), "source_type": source_type, "source_id": source_id,
                   "locale": locale, "title": title, "body": body or "", "draft": draft, "outdated": False,
                   "hidden": False, "created_by_id": me, "updated_by_id": me}
    return ctx.store[TRANSLATIONS].put(stamp_created(translation))


def edit_translation(ctx: RequestContext, translation: dict[str, Any], data: dict[str, Any]) -> None:
    if "title" in data and not (isinstance(data["title"], str) and data["title"].strip()):
        raise hc_invalid("title", "can't be blank")
    for key in ("title", "body", "draft", "outdated", "hidden"):
        if key in data:
            translation[key] = data[key]
    translation["updated_by_id"] = ctx.store.extra.get("me")
    touch(translation)


def listed(ctx: RequestContext, source_type: str, shown: dict[str, Any]) -> dict[str, Any]:
    """A rendered object of a list page, with its translations embedded when the request asks
    for the ``include=translations`` sideload (Zendesk embeds them in each object)."""
    if "translations" in ctx.query_list("include"):
        shown["translations"] = [render_translation(ctx, t) for t in translations_of(ctx.store, source_type, shown["id"])]
    return shown


def drop_translations(store: Store, source_type: str, source_id: int) -> None:
    for translation in translations_of(store, source_type, source_id):
        store[TRANSLATIONS].remove(translation["id"])


def source_path(source_type: str) -> str:
    return {"Article": "articles", "Section": "sections", "Category": "categories"}[source_type]


def render_translation(ctx: RequestContext, translation: dict[str, Any]) -> dict[str, Any]:
    path = source_path(translation["source_type"])
    return {**translation,
            "url": ctx.api_url(f"/help_center/{path}/{translation['source_id']}/translations/{translation['locale']}"),
            "html_url": f"{ctx.base}/hc/{translation['locale']}/{path}/{translation['source_id']}-{slug(translation['title'])}"}
