"""Brands (``/brands``, wrapper ``brand``), cursor-paginated only.

Every account has one default brand named after it. ``name`` and ``subdomain`` are required,
subdomains are unique account-wide and limited to letters, digits and hyphens, the default
brand cannot be deleted, and ``ticket_form_ids`` (read-only) lists the forms offered on the
brand: forms in all brands plus those restricted to it.
"""

from __future__ import annotations

import re
from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, require, stamp_created, touch

BASE = "/api/v2/brands"
SUBDOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
WRITABLE = ("name", "subdomain", "active", "host_mapping", "signature_template", "brand_url")


def make_brand(store: Store, name: str, subdomain: str, *, default: bool = False) -> dict[str, Any]:
    brand = {
        "id": new_id(store, "brands"), "name": name, "subdomain": subdomain,
        "brand_url": f"https://{subdomain}.zendesk.com", "active": True, "default": default,
        "is_deleted": False, "has_help_center": default, "help_center_state": "enabled" if default else "disabled",
        "signature_template": "{{agent.signature}}",
    }
    return store["brands"].put(stamp_created(brand))


def render(ctx: RequestContext, brand: dict[str, Any]) -> dict[str, Any]:
    forms = [f["id"] for f in sorted(ctx.store["ticket_forms"].values(), key=lambda f: (f["position"], f["id"]))
             if f.get("in_all_brands", True) or brand["id"] in (f.get("restricted_brand_ids") or [])]
    return {**brand, "ticket_form_ids": forms, "url": ctx.api_url(f"/brands/{brand['id']}")}


def _check_subdomain(store: Store, subdomain: Any, own_id: Any = None) -> None:
    if not isinstance(subdomain, str) or not SUBDOMAIN.match(subdomain):
        raise invalid("subdomain", "Subdomain: must contain only lowercase letters, numbers and hyphens")
    for other in store["brands"].values():
        if other["id"] != own_id and other["subdomain"] == subdomain:
            raise invalid("subdomain", f"Subdomain: {subdomain} has already been taken", "DuplicateValue")


def list_brands(ctx: RequestContext):
    brands = sorted(ctx.store["brands"].values(), key=lambda b: b["id"])
    return respond_list(ctx, "brands", brands, mode="cursor", render=lambda b: render(ctx, b))


def show_brand(ctx: RequestContext, brand_id: str):
    return json_response(200, {"brand": render(ctx, get_or_404(ctx.store["brands"], parse_id(brand_id)))})


def create_brand(ctx: RequestContext):
    data = ctx.wrapped("brand")
    require(data, "name", "subdomain")
    _check_subdomain(ctx.store, data["subdomain"])
    brand = make_brand(ctx.store, data["name"], data["subdomain"])
    for key in WRITABLE:
        if key in data:
            brand[key] = data[key]
    if "brand_url" not in data:
        brand["brand_url"] = f"https://{brand['subdomain']}.zendesk.com"
    return json_response(201, {"brand": render(ctx, brand)})


def update_brand(ctx: RequestContext, brand_id: str):
    brand = get_or_404(ctx.store["brands"], parse_id(brand_id))
    data = ctx.wrapped("brand")
    if "name" in data:
        require(data, "name")
    if "subdomain" in data:
        _check_subdomain(ctx.store, data["subdomain"], brand["id"])
    if data.get("default") is True and not brand["default"]:
        for other in ctx.store["brands"].values():
            other["default"] = False
        brand["default"] = True
        ctx.store.extra["account_settings"]["brands"]["default_brand_id"] = brand["id"]
    for key in WRITABLE:
        if key in data:
            brand[key] = data[key]
    touch(brand)
    return json_response(200, {"brand": render(ctx, brand)})


def delete_brand(ctx: RequestContext, brand_id: str):
    brand = get_or_404(ctx.store["brands"], parse_id(brand_id))
    if brand["default"]:
        raise invalid("base", "The default brand cannot be deleted")
    ctx.store["brands"].remove(brand["id"])
    return json_response(204)


def check_host_mapping(ctx: RequestContext):
    host_mapping = ctx.query("host_mapping") or ""
    return json_response(200, {"cname": [f"{ctx.query('subdomain') or ''}.zendesk.com"],
                               "expected_cnames": [f"{ctx.query('subdomain') or ''}.zendesk.com"],
                               "is_valid": bool(host_mapping), "reason": None})


def register(router: Router) -> None:
    router.add("GET", BASE, list_brands)
    router.add("POST", BASE, create_brand)
    router.add("GET", f"{BASE}/check_host_mapping", check_host_mapping)
    router.add("GET", f"{BASE}/{{brand_id}}", show_brand)
    router.add("PUT", f"{BASE}/{{brand_id}}", update_brand)
    router.add("DELETE", f"{BASE}/{{brand_id}}", delete_brand)
