"""Custom agent roles (Block 2, Enterprise): what agents with the role may see and change.

+ name: natural key (agents name their role by it). + description.
+ configuration: the permissions to set; those left out keep their current value. Choices
  are checked when the YAML is loaded (``ticket_access: within-groups``...). Permissions that
  Zendesk derives from others (``chat_access``, ``light_agent``...) are read-only and not listed.
A role that agents still hold cannot be deleted; the plan says so before anything is sent.
The standard roles a new account has (Advisor, Staff, Team Leader) are ordinary roles here.
"""

from __future__ import annotations

from typing import Literal

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Kind


class Configuration(Strict):
    ticket_access: Literal["all", "within-groups", "within-groups-and-public-groups", "assigned-only"] | None = None
    ticket_comment_access: Literal["public", "none"] | None = None
    ticket_editing: bool | None = None
    ticket_deletion: bool | None = None
    ticket_merge: bool | None = None
    ticket_tag_editing: bool | None = None
    view_deleted_tickets: bool | None = None
    view_filter_tickets: bool | None = None
    macro_access: Literal["full", "manage-group", "manage-personal", "readonly"] | None = None
    view_access: Literal["full", "manage-group", "manage-personal", "playonly", "readonly"] | None = None
    user_view_access: Literal["full", "manage-group", "manage-personal", "none", "readonly"] | None = None
    report_access: Literal["full", "none", "readonly"] | None = None
    explore_access: Literal["edit", "full", "none", "readonly"] | None = None
    forum_access: Literal["edit-topics", "full", "readonly"] | None = None
    forum_access_restricted_content: bool | None = None
    end_user_profile_access: Literal["edit", "edit-within-org", "full", "readonly"] | None = None
    end_user_list_access: Literal["full", "none"] | None = None
    organization_editing: bool | None = None
    export_views: bool | None = None
    manage_business_rules: bool | None = None
    manage_dynamic_content: bool | None = None
    manage_extensions_and_channels: bool | None = None
    manage_facebook: bool | None = None
    manage_ticket_fields: bool | None = None
    manage_ticket_forms: bool | None = None
    manage_user_fields: bool | None = None
    manage_organization_fields: bool | None = None
    manage_contextual_workspaces: bool | None = None
    side_conversation_create: bool | None = None
    twitter_search_access: bool | None = None
    voice_access: bool | None = None
    voice_dashboard_access: bool | None = None
    view_access_logs: bool | None = None
    view_audit_logs: bool | None = None


class CustomRole(Strict):
    name: str
    description: str | None = None
    configuration: Configuration | None = None


CUSTOM_ROLES = Kind(
    name="custom_roles", block=2, natural_key="name", path="/api/v2/custom_roles", envelope="custom_role",
    list_key="custom_roles",
    server_owned=frozenset({"id", "url", "created_at", "updated_at", "role_type", "team_member_count"}),
    model=CustomRole, api={"paging": "none"},
    summary="Custom agent roles and their permissions (Enterprise).",
    example=("custom_roles:\n  - name: Billing specialist\n    description: Works billing tickets, edits macros of the group\n"
             "    configuration:\n      ticket_access: within-groups\n      macro_access: manage-group\n"),
)
