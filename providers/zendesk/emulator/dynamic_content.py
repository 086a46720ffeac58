"""Dynamic content items (wrapper ``item``) and their variants (wrapper ``variant``).

An item needs ``name``, ``default_locale_id`` and at least one variant; every locale must be
active on the account, a locale appears once per item, and exactly one variant — the one in
the default locale — is the default. The ``{{dc.<name>}}`` placeholder is derived from the
name at creation. A PUT on the item may only change ``name`` (other attributes are ignored);
variants have their own CRUD plus ``create_many``/``update_many``. The default variant cannot
be deleted. Rendered text elsewhere (``title`` from ``raw_title``...) uses these variants.
"""

from __future__ import annotations

import re
from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import blank, invalid, not_found
from providers.zendesk.emulator.locales import locale_code
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, require, stamp_created, touch

BASE = "/api/v2/dynamic_content/items"
VARIANT_KEYS = ("id", "content", "locale_id", "active", "default", "outdated", "created_at", "updated_at")


def placeholder_for(name: str) -> str:
    slug = re.sub(r"[^a-z0-9_]+", "", re.sub(r"\s+", "_", name.strip().lower()))
    return "{{dc.%s}}" % slug


def _variants_of(store: Store, item_id: int) -> list[dict[str, Any]]:
    return sorted((v for v in store["dynamic_content_variants"].values() if v["item_id"] == item_id),
                  key=lambda v: v["id"])


def _variant_out(ctx: RequestContext, variant: dict[str, Any]) -> dict[str, Any]:
    shown = {k: variant[k] for k in VARIANT_KEYS}
    shown["url"] = ctx.api_url(f"/dynamic_content/items/{variant['item_id']}/variants/{variant['id']}")
    return shown


def render(ctx: RequestContext, item: dict[str, Any]) -> dict[str, Any]:
    return {**item, "url": ctx.api_url(f"/dynamic_content/items/{item['id']}"),
            "variants": [_variant_out(ctx, v) for v in _variants_of(ctx.store, item["id"])]}


def _check_variant(data: Any) -> None:
    if not isinstance(data, dict):
        raise invalid("variants", "Variants: must be objects")
    if not data.get("content"):
        raise blank("content")
    if locale_code(data.get("locale_id")) is None:
        raise invalid("locale_id", f"Locale: {data.get('locale_id')} is not an active locale of the account")


def _new_variant(store: Store, item: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    variant = {"id": new_id(store, "dynamic_content_variants"), "item_id": item["id"],
               "content": data["content"], "locale_id": data["locale_id"],
               "active": bool(data.get("active", True)), "outdated": False,
               "default": data["locale_id"] == item["default_locale_id"]}
    return store["dynamic_content_variants"].put(stamp_created(variant))


def _check_locales_unique(variants: list[dict[str, Any]]) -> None:
    locales = [v["locale_id"] for v in variants]
    if len(locales) != len(set(locales)):
        raise invalid("locale_id", "Locale: each locale can have only one variant", "DuplicateValue")


def _make_default(store: Store, item: dict[str, Any], variant: dict[str, Any]) -> None:
    for other in _variants_of(store, item["id"]):
        other["default"] = other is variant
    item["default_locale_id"] = variant["locale_id"]


def list_items(ctx: RequestContext):
    items = sorted(ctx.store["dynamic_content_items"].values(), key=lambda i: i["id"])
    return respond_list(ctx, "items", items, render=lambda i: render(ctx, i))


def show_many(ctx: RequestContext):
    wanted = set(ctx.query_list("identifiers"))
    items = [i for i in ctx.store["dynamic_content_items"].values()
             if i["placeholder"][5:-2] in wanted or i["name"] in wanted]
    return json_response(200, {"items": [render(ctx, i) for i in sorted(items, key=lambda i: i["id"])]})


def show_item(ctx: RequestContext, item_id: str):
    return json_response(200, {"item": render(ctx, get_or_404(ctx.store["dynamic_content_items"], parse_id(item_id)))})


def create_item(ctx: RequestContext):
    data = ctx.wrapped("item")
    require(data, "name", "default_locale_id", "variants")
    if locale_code(data["default_locale_id"]) is None:
        raise invalid("default_locale_id", "Default locale: is not an active locale of the account")
    placeholder = placeholder_for(data["name"])
    if any(i["placeholder"] == placeholder for i in ctx.store["dynamic_content_items"].values()):
        raise invalid("name", f"Name: {data['name']} has already been taken", "DuplicateValue")
    for variant in data["variants"]:
        _check_variant(variant)
    _check_locales_unique(data["variants"])
    if not any(v["locale_id"] == data["default_locale_id"] for v in data["variants"]):
        raise invalid("variants", "Variants: one variant must be in the default locale")
    item = {"id": new_id(ctx.store, "dynamic_content_items"), "name": data["name"], "placeholder": placeholder,
            "default_locale_id": data["default_locale_id"], "outdated": False}
    ctx.store["dynamic_content_items"].put(stamp_created(item))
    for variant in data["variants"]:
        _new_variant(ctx.store, item, variant)
    return json_response(201, {"item": render(ctx, item)})


def update_item(ctx: RequestContext, item_id: str):
    item = get_or_404(ctx.store["dynamic_content_items"], parse_id(item_id))
    data = ctx.wrapped("item")
    if "name" in data:
        require(data, "name")
        item["name"] = data["name"]
    touch(item)
    return json_response(200, {"item": render(ctx, item)})


def delete_item(ctx: RequestContext, item_id: str):
    item = get_or_404(ctx.store["dynamic_content_items"], parse_id(item_id))
    for variant in _variants_of(ctx.store, item["id"]):
        ctx.store["dynamic_content_variants"].remove(variant["id"])
    ctx.store["dynamic_content_items"].remove(item["id"])
    return json_response(204)


def _variant(ctx: RequestContext, item: dict[str, Any], variant_id: Any) -> dict[str, Any]:
    variant = ctx.store["dynamic_content_variants"].get(variant_id)
    if variant is None or variant["item_id"] != item["id"]:
        raise not_found()
    return variant


def _update_variant(ctx: RequestContext, item: dict[str, Any], variant: dict[str, Any], data: dict[str, Any]) -> None:
    merged = {**variant, **{k: v for k, v in data.items() if k in {"content", "locale_id", "active"}}}
    _check_variant(merged)
    others = [v for v in _variants_of(ctx.store, item["id"]) if v is not variant]
    _check_locales_unique(others + [merged])
    if data.get("default") is False and variant["default"]:
        raise invalid("default", "Default: an item must keep one default variant")
    variant.update({k: merged[k] for k in ("content", "locale_id", "active")})
    if data.get("default") is True or variant["default"]:
        _make_default(ctx.store, item, variant)
    touch(variant)


def list_variants(ctx: RequestContext, item_id: str):
    item = get_or_404(ctx.store["dynamic_content_items"], parse_id(item_id))
    return respond_list(ctx, "variants", [_variant_out(ctx, v) for v in _variants_of(ctx.store, item["id"])])


def show_variant(ctx: RequestContext, item_id: str, variant_id: str):
    item = get_or_404(ctx.store["dynamic_content_items"], parse_id(item_id))
    return json_response(200, {"variant": _variant_out(ctx, _variant(ctx, item, parse_id(variant_id)))})


def _create_variant(ctx: RequestContext, item: dict[str, Any], data: Any) -> dict[str, Any]:
    _check_variant(data)
    _check_locales_unique(_variants_of(ctx.store, item["id"]) + [data])
    variant = _new_variant(ctx.store, item, data)
    if data.get("default"):
        _make_default(ctx.store, item, variant)
    return variant


def create_variant(ctx: RequestContext, item_id: str):
    item = get_or_404(ctx.store["dynamic_content_items"], parse_id(item_id))
    variant = _create_variant(ctx, item, ctx.wrapped("variant"))
    return json_response(201, {"variant": _variant_out(ctx, variant)})


def create_many(ctx: RequestContext, item_id: str):
    item = get_or_404(ctx.store["dynamic_content_items"], parse_id(item_id))
    created = [_create_variant(ctx, item, data) for data in ctx.wrapped_list("variants")]
    return json_response(201, {"variants": [_variant_out(ctx, v) for v in created]})


def update_variant(ctx: RequestContext, item_id: str, variant_id: str):
    item = get_or_404(ctx.store["dynamic_content_items"], parse_id(item_id))
    variant = _variant(ctx, item, parse_id(variant_id))
    _update_variant(ctx, item, variant, ctx.wrapped("variant"))
    return json_response(200, {"variant": _variant_out(ctx, variant)})


def update_many(ctx: RequestContext, item_id: str):
    item = get_or_404(ctx.store["dynamic_content_items"], parse_id(item_id))
    entries = ctx.wrapped_list("variants")
    pairs = [(_variant(ctx, item, (e or {}).get("id")), e) for e in entries]
    for variant, entry in pairs:
        _update_variant(ctx, item, variant, entry)
    return json_response(200, {"variants": [_variant_out(ctx, v) for v, _ in pairs]})


def delete_variant(ctx: RequestContext, item_id: str, variant_id: str):
    item = get_or_404(ctx.store["dynamic_content_items"], parse_id(item_id))
    variant = _variant(ctx, item, parse_id(variant_id))
    if variant["default"]:
        raise invalid("base", "The default variant cannot be deleted")
    ctx.store["dynamic_content_variants"].remove(variant["id"])
    return json_response(204)


def register(router: Router) -> None:
    router.add("GET", BASE, list_items)
    router.add("POST", BASE, create_item)
    router.add("GET", f"{BASE}/show_many", show_many)
    router.add("GET", f"{BASE}/{{item_id}}", show_item)
    router.add("PUT", f"{BASE}/{{item_id}}", update_item)
    router.add("DELETE", f"{BASE}/{{item_id}}", delete_item)
    variants = f"{BASE}/{{item_id}}/variants"
    router.add("GET", variants, list_variants)
    router.add("POST", variants, create_variant)
    router.add("POST", f"{variants}/create_many", create_many)
    router.add("PUT", f"{variants}/update_many", update_many)
    router.add("GET", f"{variants}/{{variant_id}}", show_variant)
    router.add("PUT", f"{variants}/{{variant_id}}", update_variant)
    router.add("DELETE", f"{variants}/{{variant_id}}", delete_variant)
