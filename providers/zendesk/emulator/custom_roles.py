"""Custom agent roles (``/custom_roles``, wrapper ``custom_role``), unpaginated. Enterprise.

``name`` is required; ``configuration`` is merged over the defaults a new role gets, unknown
permission keys and values outside the documented choices are a 422, and the read-only
permissions are ignored. A role that agents still have cannot be deleted.
``team_member_count`` counts those agents. POST answers 200 (as the OAS documents).
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, require, stamp_created, touch

BASE = "/api/v2/custom_roles"
CHOICES = {
    "ticket_access": ("all", "within-groups", "within-groups-and-public-groups", "assigned-only"),
    "macro_access": ("full", "manage-group", "manage-personal", "readonly"),
    "view_access": ("full", "manage-group", "manage-personal", "playonly", "readonly"),
    "user_view_access": ("full", "manage-group", "manage-personal", "none", "readonly"),
    "report_access": ("full", "none", "readonly"),
    "forum_access": ("edit-topics", "full", "readonly"),
    "end_user_profile_access": ("edit", "edit-within-org", "full", "readonly"),
    "end_user_list_access": ("full", "none"),
    "explore_access": ("edit", "full", "none", "readonly"),
    "ticket_comment_access": ("public", "none"),
}
READ_ONLY = frozenset({"assign_tickets_to_any_group", "chat_access", "group_access", "light_agent",
                       "moderate_forums", "organization_notes_editing"})
DEFAULT_CONFIGURATION: dict[str, Any] = {
    "assign_tickets_to_any_group": False, "chat_access": True, "end_user_list_access": "full",
    "end_user_profile_access": "readonly", "explore_access": "readonly", "export_views": False,
    "forum_access": "readonly", "forum_access_restricted_content": False, "group_access": False,
    "light_agent": False, "macro_access": "readonly", "manage_business_rules": False,
    "manage_contextual_workspaces": False, "manage_dynamic_content": False,
    "manage_extensions_and_channels": False, "manage_facebook": False,
    "manage_organization_fields": False, "manage_ticket_fields": False,
    "manage_ticket_forms": False, "manage_user_fields": False, "moderate_forums": False,
    "organization_editing": False, "organization_notes_editing": False, "report_access": "none",
    "side_conversation_create": True, "ticket_access": "within-groups",
    "ticket_comment_access": "public", "ticket_deletion": False, "ticket_editing": True,
    "ticket_merge": False, "ticket_tag_editing": True, "twitter_search_access": False,
    "user_view_access": "readonly", "view_access": "readonly", "view_access_logs": False,
    "view_audit_logs": False, "view_deleted_tickets": False, "view_filter_tickets": True,
    "voice_access": True, "voice_dashboard_access": False,
}
STANDARD_ROLES = (
    ("Advisor", "Manages workflows and configures the account", {"manage_business_rules": True,
                                                                  "macro_access": "full", "view_access": "full"}),
    ("Staff", "Edits tickets within their groups", {}),
    ("Team Leader", "Has more access than staff and moderates the help center",
     {"ticket_access": "all", "macro_access": "full", "view_access": "full", "user_view_access": "full"}),
)


def make_role(store: Store, name: str, description: str = "", configuration: dict[str, Any] | None = None,
              role_type: int = 0) -> dict[str, Any]:
    role = {"id": new_id(store, "custom_roles"), "name": name, "description": description,
            "role_type": role_type, "configuration": {**DEFAULT_CONFIGURATION, **(configuration or {})}}
    return store["custom_roles"].put(stamp_created(role))


def seed_roles(store: Store) -> dict[str, dict[str, Any]]:
    return {name: make_role(store, name, description, config) for name, description, config in STANDARD_ROLES}


def render(ctx: RequestContext, role: dict[str, Any]) -> dict[str, Any]:
    members = sum(1 for u in ctx.store["users"].values() if u.get("custom_role_id") == role["id"])
    return {**role, "team_member_count": members}


def _configuration(current: dict[str, Any], given: Any) -> dict[str, Any]:
    if not isinstance(given, dict):
        raise invalid("configuration", "Configuration: must be an object")
    merged = dict(current)
    for key, value in given.items():
        if key not in DEFAULT_CONFIGURATION:
            raise invalid("configuration", f"Configuration: {key} is not a known permission")
        if key in READ_ONLY:
            continue
        if key in CHOICES and value not in CHOICES[key]:
            raise invalid("configuration", f"Configuration: {value!r} is not a valid {key}")
        if key not in CHOICES and not isinstance(value, bool):
            raise invalid("configuration", f"Configuration: {key} must be true or false")
        merged[key] = value
    return merged


def list_roles(ctx: RequestContext):
    roles = sorted(ctx.store["custom_roles"].values(), key=lambda r: r["id"])
    return respond_list(ctx, "custom_roles", [render(ctx, r) for r in roles], mode="unpaginated")


def show_role(ctx: RequestContext, role_id: str):
    return json_response(200, {"custom_role": render(ctx, get_or_404(ctx.store["custom_roles"], parse_id(role_id)))})


def create_role(ctx: RequestContext):
    data = ctx.wrapped("custom_role")
    require(data, "name")
    configuration = _configuration(DEFAULT_CONFIGURATION, data.get("configuration") or {})
    role = make_role(ctx.store, data["name"], data.get("description") or "", configuration)
    return json_response(200, {"custom_role": render(ctx, role)})


def update_role(ctx: RequestContext, role_id: str):
    role = get_or_404(ctx.store["custom_roles"], parse_id(role_id))
    data = ctx.wrapped("custom_role")
    if "name" in data:
        require(data, "name")
    configuration = _configuration(role["configuration"], data["configuration"]) if "configuration" in data else None
    for key in ("name", "description"):
        if key in data:
            role[key] = data[key]
    if configuration is not None:
        role["configuration"] = configuration
    touch(role)
    return json_response(200, {"custom_role": render(ctx, role)})


def delete_role(ctx: RequestContext, role_id: str):
    role = get_or_404(ctx.store["custom_roles"], parse_id(role_id))
    if any(u.get("custom_role_id") == role["id"] for u in ctx.store["users"].values()):
        raise invalid("base", "Role cannot be deleted while agents are assigned to it. "
                              "Reassign them to another role first.")
    ctx.store["custom_roles"].remove(role["id"])
    return json_response(204)


def register(router: Router) -> None:
    router.add("GET", BASE, list_roles)
    router.add("POST", BASE, create_role)
    router.add("GET", f"{BASE}/{{role_id}}", show_role)
    router.add("PUT", f"{BASE}/{{role_id}}", update_role)
    router.add("DELETE", f"{BASE}/{{role_id}}", delete_role)
