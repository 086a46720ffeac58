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


def default_settings() -> dict[str, Any]:
    return {
        "active_features": {"business_hours": True, "custom_dkim_domain": True, "allow_ccs": True,
                            "benchmark_opt_out": False, "customer_satisfaction": False,
                            "on_hold_status": True, "user_tagging": False, "ticket_tagging": True},
        "agents": {"agent_workspace": True, "focus_mode": False},
        "api": {"accepted_api_agreement": True, "api_password_access": False,
                "api_token_access": True},
        "brands": {"default_brand_id": None, "require_brand_on_new_tickets": False},
        "branding": {"header_color": "1F73B7", "page_background_color": "FFFFFF",
                     "tab_background_color": "FFFFFF", "text_color": "FFFFFF"},
        "localization": {"locale_ids": [1]},
        "routing": {"enabled": False, "autorouting_tag": "", "max_email_capacity": 0,
                    "max_messaging_capacity": 0},
        "rule": {"macro_most_used": True, "macro_order": "alphabetical",
                 "skill_based_filtered_views": [], "using_skill_based_routing": False},
        "ticket_form": {"ticket_forms_instructions": "Please choose your issue below"},
        "tickets": {"accepted_new_collaboration_tos": True, "agent_collision": True,
                    "assign_default_organization": True, "comments_public_by_default": True,
                    "status_hold": True, "tagging": True, "list_empty_views": True,
                    "collaborators_addable_only_by_agents": False},
        "user": {"tagging": True, "time_zone_selection": True, "multiple_organizations": False},
        "voice": {"enabled": False},
    }


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
