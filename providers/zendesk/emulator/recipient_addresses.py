"""Support addresses (``/recipient_addresses``, wrapper ``recipient_address``).

Every account has ``support@<subdomain>.zendesk.com`` as its default address. ``email`` is
required and unique; addresses on the account's own zendesk.com domain are verified at once,
external ones start ``unknown`` until forwarding is verified. Making an address the default
takes the flag from the old one, and the default address cannot be deleted.
"""

from __future__ import annotations

import re
from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, require, stamp_created, touch

BASE = "/api/v2/recipient_addresses"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def make_address(store: Store, email: str, brand_id: int, subdomain: str, *, name: str = "",
                 default: bool = False) -> dict[str, Any]:
    internal = email.lower().endswith(f"@{subdomain}.zendesk.com")
    status = "verified" if internal else "unknown"
    address = {"id": new_id(store, "recipient_addresses"), "email": email, "name": name,
               "brand_id": brand_id, "default": default, "forwarding_status": status,
               "spf_status": status, "cname_status": status, "domain_verification_status": status}
    return store["recipient_addresses"].put(stamp_created(address))


def render(ctx: RequestContext, address: dict[str, Any]) -> dict[str, Any]:
    return {**address, "url": ctx.api_url(f"/recipient_addresses/{address['id']}")}


def _check(ctx: RequestContext, data: dict[str, Any], own_id: Any = None) -> None:
    if "email" in data:
        email = data["email"]
        if not isinstance(email, str) or not EMAIL.match(email):
            raise invalid("email", f"Email: {email} is not properly formatted")
        for other in ctx.store["recipient_addresses"].values():
            if other["id"] != own_id and other["email"].lower() == email.lower():
                raise invalid("email", f"Email: {email} has already been taken", "DuplicateValue")
    if "brand_id" in data and ctx.store["brands"].get(data["brand_id"]) is None:
        raise invalid("brand_id", f"Brand: {data['brand_id']} does not exist")


def _take_default(ctx: RequestContext, address: dict[str, Any]) -> None:
    for other in ctx.store["recipient_addresses"].values():
        if other is not address and other["default"]:
            other["default"] = False
            touch(other)
    address["default"] = True


def list_addresses(ctx: RequestContext):
    addresses = sorted(ctx.store["recipient_addresses"].values(), key=lambda a: a["id"])
    return respond_list(ctx, "recipient_addresses", [render(ctx, a) for a in addresses])


def show_address(ctx: RequestContext, address_id: str):
    address = get_or_404(ctx.store["recipient_addresses"], parse_id(address_id))
    return json_response(200, {"recipient_address": render(ctx, address)})


def create_address(ctx: RequestContext):
    data = ctx.wrapped("recipient_address")
    require(data, "email")
    _check(ctx, data)
    brand_id = data.get("brand_id") or ctx.store.extra["account_settings"]["brands"]["default_brand_id"]
    address = make_address(ctx.store, data["email"], brand_id, ctx.emulator.subdomain, name=data.get("name") or "")
    if data.get("default"):
        _take_default(ctx, address)
    return json_response(201, {"recipient_address": render(ctx, address)})


def update_address(ctx: RequestContext, address_id: str):
    address = get_or_404(ctx.store["recipient_addresses"], parse_id(address_id))
    data = ctx.wrapped("recipient_address")
    _check(ctx, data, address["id"])
    for key in ("email", "name", "brand_id"):
        if key in data:
            address[key] = data[key]
    if data.get("default") is True:
        _take_default(ctx, address)
    touch(address)
    return json_response(200, {"recipient_address": render(ctx, address)})


def delete_address(ctx: RequestContext, address_id: str):
    address = get_or_404(ctx.store["recipient_addresses"], parse_id(address_id))
    if address["default"]:
        raise invalid("base", "The default support address cannot be deleted")
    ctx.store["recipient_addresses"].remove(address["id"])
    return json_response(204)


def register(router: Router) -> None:
    router.add("GET", BASE, list_addresses)
    router.add("POST", BASE, create_address)
    router.add("GET", f"{BASE}/{{address_id}}", show_address)
    router.add("PUT", f"{BASE}/{{address_id}}", update_address)
    router.add("DELETE", f"{BASE}/{{address_id}}", delete_address)
