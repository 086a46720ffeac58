"""Dynamic content (Block 6): translated text blocks used as ``{{dc.<name>}}`` placeholders.

+ name: natural key; the placeholder is derived from it when the item is created
  (``Refund policy`` → ``{{dc.refund_policy}}``), so renaming keeps the old placeholder.
+ default_locale: the locale (``en-US``, ``es``, ``de``, ``fr``...) whose variant is shown when no
  other matches; it must be one of the variants.
+ variants: ``[{locale, content, active}]``, the complete set: variants not listed are deleted.
Rules, macros, fields and forms use the placeholder in their text; the tool diffs and writes the
``raw_*`` text (with the placeholder), never the rendered one. Locales are written as codes and
sent as the account's locale ids (``/locales``). A PUT on an item may only rename it; variants
have their own endpoints, which the operations below use for exactly what changed.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from providers.zendesk.kinds._rules import Strict, refuse
from provisioner.errors import ProvisionerError
from provisioner.kind import Doc, Kind

PATH = "/api/v2/dynamic_content/items"


def canonical_locale(code: str) -> str:
    """``en-us`` -> ``en-US``: the region upper case, as Zendesk and the YAML write it."""
    language, _, region = code.partition("-")
    return f"{language.lower()}-{region.upper()}" if region else language.lower()


class Variant(Strict):
    locale: str
    content: str
    active: bool | None = None

    @field_validator("locale")
    @classmethod
    def _canonical(cls, code: str) -> str:
        return canonical_locale(code)


class DynamicContentItem(Strict):
    name: str
    default_locale: str
    variants: list[Variant] = Field(min_length=1)

    @field_validator("default_locale")
    @classmethod
    def _canonical(cls, code: str) -> str:
        return canonical_locale(code)

    @model_validator(mode="after")
    def _one_per_locale(self) -> "DynamicContentItem":
        locales = [v.locale for v in self.variants]
        duplicate = next((code for code in locales if locales.count(code) > 1), None)
        if duplicate is not None:
            raise refuse(f"locale {duplicate!r} has two variants")
        if self.default_locale not in locales:
            raise refuse(f"default_locale {self.default_locale!r} needs a variant in that locale")
        self.variants.sort(key=lambda v: v.locale)
        return self


def normalize(doc: Doc) -> Doc:
    variants = [{"locale": v.get("locale"), "content": v.get("content"), "active": v.get("active")}
                for v in doc.get("variants") or []]
    return {"name": doc.get("name"), "default_locale": doc.get("default_locale"),
            "variants": sorted(variants, key=lambda v: str(v["locale"]))}


def locale_ids(adapter) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The account's active locales, code -> id (``/locales``), compared case-insensitively."""
    return {str(entry["locale"]).lower(): entry["id"] for entry in adapter.http.json("GET", "/api/v2/locales")["locales"]}


def _locale_id(ids: dict[str, int], code: str) -> int:
    if code.lower() not in ids:
        raise ProvisionerError(f"locale {code!r} is not active on the account (active: {', '.join(sorted(ids))})")
    return ids[code.lower()]


def _variant_body(ids: dict[str, int], variant: Doc, default_locale: str) -> Doc:
    body = {"locale_id": _locale_id(ids, variant["locale"]), "content": variant["content"],
            "default": variant["locale"] == default_locale}
    if variant.get("active") is not None:
        body["active"] = variant["active"]
    return body


class ItemOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[Doc]:  # type: ignore[no-untyped-def]
        codes = {number: code for code, number in locale_ids(adapter).items()}
        items = adapter.list_all(PATH, "items")
        for item in items:
            item["default_locale"] = _code(codes, item.get("default_locale_id"))
            for variant in item.get("variants") or []:
                variant["locale"] = _code(codes, variant.get("locale_id"))
        return items

    @staticmethod
    def create(adapter, kind: Kind, body: Doc) -> Doc:  # type: ignore[no-untyped-def]
        ids = locale_ids(adapter)
        item = {"name": body["name"], "default_locale_id": _locale_id(ids, body["default_locale"]),
                "variants": [_variant_body(ids, v, body["default_locale"]) for v in body["variants"]]}
        return adapter.http.json("POST", PATH, json_body={"item": item})["item"]

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:  # type: ignore[no-untyped-def]
        if "name" in body:
            adapter.http.json("PUT", f"{PATH}/{obj_id}", json_body={"item": {"name": body["name"]}})
        if "variants" not in body and "default_locale" not in body:
            return {}
        ids = locale_ids(adapter)
        default = body.get("default_locale", before.get("default_locale"))
        variants = body.get("variants", before.get("variants") or [])
        current = {v["locale_id"]: v for v in adapter.list_all(f"{PATH}/{obj_id}/variants", "variants")}
        wanted = {_locale_id(ids, v["locale"]): _variant_body(ids, v, default) for v in variants}
        # The new default first (Zendesk keeps exactly one), then the rest, then removals.
        for locale_id in sorted(wanted, key=lambda i: not wanted[i]["default"]):
            variant, live = wanted[locale_id], current.get(locale_id)
            if live is None:
                adapter.http.json("POST", f"{PATH}/{obj_id}/variants", json_body={"variant": variant})
            elif any(live.get(k) != v for k, v in variant.items()):
                adapter.http.json("PUT", f"{PATH}/{obj_id}/variants/{live['id']}", json_body={"variant": variant})
        for locale_id, live in current.items():
            if locale_id not in wanted:
                adapter.http.request("DELETE", f"{PATH}/{obj_id}/variants/{live['id']}", ok_statuses=(404,))
        return {}


def _code(codes: dict[int, str], locale_id: Any) -> Any:
    code = codes.get(locale_id)
    return canonical_locale(code) if code else locale_id


DYNAMIC_CONTENT_ITEMS = Kind(
    name="dynamic_content_items", block=6, natural_key="name", path=PATH, envelope="item", list_key="items",
    model=DynamicContentItem, normalize=normalize,
    api={"operations": ItemOperations},
    summary="Dynamic content: translated text used through {{dc.*}} placeholders.",
    example=("dynamic_content_items:\n  - name: Refund policy\n    default_locale: en-US\n    variants:\n"
             "      - {locale: en-US, content: Refunds are issued within 5 business days.}\n"
             "      - {locale: es, content: Los reembolsos se emiten en 5 días hábiles.}\n"),
)
