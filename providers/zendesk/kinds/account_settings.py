"""Account settings (Block 1): the one settings object of the account, by section.

Write only the settings the build decides; everything left out is not managed. Sections and
the settings each may hold (the ones a helpdesk build touches; Zendesk has more, mostly plan
features that are read-only):
agents, branding, brands (``default_brand_id`` names a brand by name), groups, localization
(``locale_ids``: the languages the account offers), routing (omnichannel routing), rule
(macro order, skills-based routing; ``skill_based_filtered_views`` names views by title),
side_conversations, statistics, ticket_form (the instructions above the form picker),
tickets (collaboration, comments, tagging, statuses), user (end-user profile options),
voice. A PUT merges what it sends into the current settings, so only changed sections are sent.
The account's own time zone and default language are set in Admin Center (Account → Localization)
and are not in the settings API; schedules carry their own ``time_zone``.
"""

from __future__ import annotations

from typing import Any

from pydantic import create_model

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Capabilities, Doc, Kind
from provisioner.references import Ref

PATH = "/api/v2/account/settings"
KEY = "name"

# section -> setting -> YAML type. Kept to what the settings API writes.
SETTINGS: dict[str, dict[str, Any]] = {
    "agents": {"agent_home": bool, "agent_workspace": bool, "focus_mode": bool, "idle_timeout_enabled": bool,
               "unified_agent_statuses": bool},
    "apps": {"use": bool, "create_private": bool, "create_public": bool},
    "branding": {"header_color": str, "page_background_color": str, "tab_background_color": str,
                 "text_color": str},
    "brands": {"default_brand_id": str, "require_brand_on_new_tickets": bool, "end_user_across_brand_requests": bool},
    "groups": {"check_group_name_uniqueness": bool},
    "localization": {"locale_ids": list[int]},
    "routing": {"enabled": bool, "autorouting_tag": str, "max_email_capacity": int, "max_messaging_capacity": int},
    "rule": {"macro_most_used": bool, "macro_order": str, "skill_based_filtered_views": list[str],
             "using_skill_based_routing": bool},
    "side_conversations": {"email_channel": bool, "msteams_channel": bool, "show_in_context_panel": bool,
                           "slack_channel": bool, "tickets_channel": bool},
    "statistics": {"forum": bool, "rule_usage": bool, "search": bool},
    "ticket_form": {"ticket_forms_instructions": str},
    "tickets": {name: bool for name in (
        "agent_collision", "agent_ticket_deletion", "allow_group_reset", "assign_default_organization",
        "assign_tickets_upon_solve", "auto_translation_enabled", "collaboration", "comments_public_by_default",
        "email_attachments", "emoji_autocompletion", "follower_and_email_cc_collaborations", "has_color_text",
        "is_first_comment_private_enabled", "list_empty_views", "list_newest_comments_first",
        "markdown_ticket_comments", "private_attachments", "rich_text_comments", "status_hold", "tagging")}
    | {"maximum_personal_views_to_list": int, "default_solved_ticket_reassignment_strategy": str},
    "user": {name: bool for name in (
        "agent_created_welcome_emails", "end_user_phone_number_validation", "have_gravatars_enabled",
        "language_selection", "multiple_organizations", "tagging", "time_zone_selection")},
    "voice": {"enabled": bool, "maximum_queue_size": int, "maximum_queue_wait_time": int,
              "only_during_business_hours": bool, "outbound_enabled": bool, "recordings_public": bool},
}


def _section_model(section: str, settings: dict[str, Any]) -> type:
    fields: dict[str, Any] = {name: (kind | None, None) for name, kind in settings.items()}
    title = "".join(part.title() for part in section.split("_"))
    return create_model(f"{title}Settings", __base__=Strict, **fields)


AccountSettings = create_model(
    "AccountSettings", __base__=Strict,
    **{section: (_section_model(section, settings) | None, None) for section, settings in SETTINGS.items()})
AccountSettings.__module__ = __name__


def normalize(doc: Doc) -> Doc:
    """The settings sections this kind knows, ``raw_*`` text preferred (dynamic content)."""
    out: Doc = {KEY: "account_settings"}
    for section in SETTINGS:
        values = dict(doc.get(section) or {})
        for name in [k for k in values if k.startswith("raw_")]:
            values[name[4:]] = values.pop(name)
        out[section] = values
    return out


def to_payload(doc: Doc) -> Doc:
    return {k: v for k, v in doc.items() if k != KEY}


class SettingsOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[Doc]:  # type: ignore[no-untyped-def]
        return [{"id": "settings", **adapter.get(PATH, "settings")}]


ACCOUNT_SETTINGS = Kind(
    name="account_settings", block=1, natural_key=KEY, path=PATH, envelope="settings", singleton=True,
    model=AccountSettings, normalize=normalize, to_payload=to_payload,
    references=(Ref("brands.default_brand_id", "brands"), Ref("rule.skill_based_filtered_views", "views")),
    capabilities=Capabilities(create=False, delete=False, why_not={
        "create": "every account has exactly one settings object", "delete": "every account has exactly one settings object"}),
    api={"operations": SettingsOperations},
    summary="The account's settings, by section (tickets, users, brands, routing...).",
    example=("account_settings:\n  tickets:\n    comments_public_by_default: false\n    agent_collision: true\n"
             "  brands:\n    default_brand_id: Acme\n"),
)
