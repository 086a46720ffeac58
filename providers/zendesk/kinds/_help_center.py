"""What Help Center categories, sections and articles share: locales and translations.

Help Center keeps the text of each object (a category's name and description, an article's
title, body and draft flag) in one translation per locale; the object holds metadata and its
source locale. The YAML writes the source locale's text as the object's own fields and the
other locales under ``translations: [{locale, ...}]`` (kept in locale order, so the list is
compared whole: a locale added in the UI shows as drift); the operations here read every
translation with its object and make the account's translations match: text changes go to
the translation endpoint (a category PUT cannot rename it), extra locales are deleted.
Help Center locales are lower case (``en-us``).
"""

from __future__ import annotations

from typing import Any, Callable

from pydantic import field_validator, model_validator

from providers.zendesk.kinds._rules import Strict, refuse
from provisioner.kind import Doc

HC = "/api/v2/help_center"


def hc_locale(code: str) -> str:
    return code.strip().lower().replace("_", "-")


class TranslatedObject(Strict):
    """What the YAML of a category, section or article shares: the source ``locale`` (en-us
    unless written, lower case) and ``translations`` kept in locale order."""

    @model_validator(mode="before")
    @classmethod
    def _source_locale(cls, data: Any) -> Any:
        return {"locale": "en-us", **data} if isinstance(data, dict) else data

    @field_validator("locale", check_fields=False)
    @classmethod
    def _lower(cls, code: str | None) -> str | None:
        return hc_locale(code) if code else code

    @field_validator("translations", check_fields=False)
    @classmethod
    def _by_locale(cls, translations: list[Any] | None) -> list[Any] | None:
        return by_locale(translations)


def read_with_translations(adapter, path: str, list_key: str) -> list[Doc]:  # type: ignore[no-untyped-def]
    """Every object of ``path`` with its ``translations`` embedded by the documented
    ``include=translations`` sideload: the pages of the list, not one more GET per object."""
    objects = adapter.list_all(path, list_key, params={"include": "translations"})
    for obj in objects:
        obj.setdefault("translations", [])
    return objects


def other_translations(doc: Doc, fields: dict[str, str]) -> list[Doc]:
    """The non-source translations of a raw object, in YAML terms (``fields``: wire -> YAML)."""
    source = doc.get("source_locale")
    found = [{"locale": t["locale"], **{yaml: t.get(wire) for wire, yaml in fields.items()}}
             for t in doc.get("translations") or [] if t.get("locale") != source]
    return sorted(found, key=lambda t: t["locale"])


def by_locale(translations: list[Any] | None) -> list[Any] | None:
    """Model validator helper: locales lower case, one entry each, in locale order."""
    if translations is None:
        return None
    for entry in translations:
        entry.locale = hc_locale(entry.locale)
    locales = [t.locale for t in translations]
    duplicate = next((code for code in locales if locales.count(code) > 1), None)
    if duplicate is not None:
        raise refuse(f"locale {duplicate!r} is translated twice")
    return sorted(translations, key=lambda t: t.locale)


def sync_translations(adapter, kind_path: str, obj_id: Any, source_locale: str,  # type: ignore[no-untyped-def]
                      source: Doc | None, others: list[Doc] | None,
                      to_wire: Callable[[Doc], Doc]) -> None:
    """Make the account's translations of one object match: the source locale's text when
    ``source`` is given (wire fields), and the other locales when ``others`` is given (YAML)."""
    base = f"{HC}/{kind_path}/{obj_id}/translations"
    current = {t["locale"]: t for t in adapter.http.json("GET", base)["translations"]}
    if source:
        adapter.http.json("PUT", f"{base}/{source_locale}", json_body={"translation": source})
    if others is None:
        return
    wanted = {hc_locale(text["locale"]): text for text in others}
    for locale, text in wanted.items():
        body = to_wire(text)
        if locale in current:
            live = current[locale]
            if any(live.get(k) != v for k, v in body.items()):
                adapter.http.json("PUT", f"{base}/{locale}", json_body={"translation": body})
        else:
            adapter.http.json("POST", base, json_body={"translation": {"locale": locale, **body}})
    for locale, live in current.items():
        if locale != source_locale and locale not in wanted:
            adapter.http.request("DELETE", f"{HC}/translations/{live['id']}", ok_statuses=(404,))
