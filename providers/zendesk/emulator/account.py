"""The account itself: ``GET /account`` and the ``/account/settings`` singleton.

Settings are nested sections (``active_features``, ``agents``, ``tickets``, ``routing``...).
A PUT deep-merges what it sends into the current settings and answers with the whole
object, as Zendesk does; unknown sections are a 422 rather than silently kept, so a typo in a
YAML key shows up at apply time.
"""

from __future__ import annotations

import copy
from typing import Any

from providers.common.emulation import Router, json_response, now_iso
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid


def _merge(current: dict[str, Any], update: dict[str, Any], path: str) -> None:
    for key, value in update.items():
        if key not in current:
            raise invalid("settings", f"Settings: {path}{key} is not a known setting")
        if isinstance(current[key], dict) and isinstance(value, dict):
            _merge(current[key], value, f"{path}{key}.")
        else:
            current[key] = value


def show_account(ctx: RequestContext):
    subdomain = ctx.emulator.subdomain
    account = {"name": subdomain.capitalize(), "subdomain": subdomain,
               "url": f"https://{subdomain}.zendesk.com", "time_zone": "Pacific Time (US & Canada)",
               "plan": "enterprise", "created_at": "2024-01-01T00:00:00Z", "updated_at": now_iso()}
    return json_response(200, {"account": account})


def show_settings(ctx: RequestContext):
    return json_response(200, {"settings": ctx.store.extra["account_settings"]})


def update_settings(ctx: RequestContext):
    data = ctx.wrapped("settings")
    settings = copy.deepcopy(ctx.store.extra["account_settings"])
    _merge(settings, data, "")
    ctx.store.extra["account_settings"] = settings
    return json_response(200, {"settings": settings})


def register(router: Router) -> None:
    router.add("GET", "/api/v2/account", show_account)
    router.add("GET", "/api/v2/account/settings", show_settings)
    router.add("PUT", "/api/v2/account/settings", update_settings)
