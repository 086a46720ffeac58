"""What a workspace holds before anyone has called the API.

Only the things that exist without the API, or that the API cannot create: teammates (admins)
and teams, the default help center, a newsfeed, the four ticket states, the default segments,
and a few macros (macros are read-only in 2.16). Custom data attributes, tags, ticket types,
collections, articles, news items, office hours and conversation attributes start empty, as in a
new workspace. Standard data attributes are not stored: see ``builtin_data_attributes``.

The teammates, teams and macros are illustrative fixtures so that read-only kinds have something
to resolve references against; a brand-new real workspace has only its owner.
Id counters start at different numbers per kind so that a client mixing up ids gets a 404.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Store

OWNER_ADMIN_ID = "991267401"
SUPPORT_TEAM_ID = "991267901"
BILLING_TEAM_ID = "991267902"

ID_STARTS = {
    "admins": 991267401, "teams": 991267901, "help_centers": 71, "newsfeeds": 51,
    "ticket_states": 8321, "macros": 201, "tags": 101, "ticket_types": 61,
    "ticket_type_attributes": 151, "collections": 141, "articles": 31, "news_items": 21,
    "office_hours_schedules": 121, "office_hours_exceptions": 451, "conversation_attributes": 1,
    "data_attributes": 1,
}


def new_id(store: Store, kind: str) -> str:
    return str(store[kind].new_id(start=ID_STARTS.get(kind, 1)))


def seed_workspace(store: Store, *, now: int, workspace_id: str, locales: list[str]) -> None:
    store.extra.update({"workspace_id": workspace_id, "owner_admin_id": OWNER_ADMIN_ID})
    _seed_people(store)
    _seed_help_center(store, now, workspace_id, locales)
    store["newsfeeds"].put({"id": new_id(store, "newsfeeds"), "type": "newsfeed", "name": "Visitor Feed",
                            "created_at": now, "updated_at": now})
    for category, internal, external in (
        ("submitted", "Submitted", "Submitted"), ("in_progress", "In progress", "In progress"),
        ("waiting_on_customer", "Waiting on customer", "Waiting on you"), ("resolved", "Resolved", "Resolved"),
    ):
        store["ticket_states"].put({"type": "ticket_state", "id": new_id(store, "ticket_states"),
                                    "category": category, "internal_label": internal, "external_label": external})
    for index, name in enumerate(("Active", "New", "Slipping away")):
        segment_id = f"6762f25c1bb69f9f2193bc{index + 20:02x}"
        store["segments"].put({"type": "segment", "id": segment_id, "name": name, "created_at": now,
                               "updated_at": now, "person_type": "user", "_tag_ids": []})
    _seed_macros(store, now)


def _seed_people(store: Store) -> None:
    admins = (
        ("Ada Lovelace", "ada@example.com", [SUPPORT_TEAM_ID]),
        ("Grace Hopper", "grace@example.com", [SUPPORT_TEAM_ID, BILLING_TEAM_ID]),
        ("Alan Turing", "alan@example.com", [BILLING_TEAM_ID]),
    )
    for name, email, team_ids in admins:
        store["admins"].put({"type": "admin", "id": new_id(store, "admins"), "name": name, "email": email,
                             "away_mode_enabled": False, "away_mode_reassign": False,
                             "away_status_reason_id": None, "has_inbox_seat": True,
                             "team_ids": [int(t) for t in team_ids]})
    teams = (("Support", "round_robin", None), ("Billing", "balanced", 10))
    for name, method, limit in teams:
        team_id = new_id(store, "teams")
        members = [int(a["id"]) for a in store["admins"].values() if int(team_id) in a["team_ids"]]
        team: dict[str, Any] = {"type": "team", "id": team_id, "name": name, "admin_ids": members,
                                "admin_priority_level": {"primary_admin_ids": members, "secondary_admin_ids": []},
                                "distribution_method": method}
        if limit is not None:
            team["assignment_limit"] = limit
        store["teams"].put(team)


def _seed_help_center(store: Store, now: int, workspace_id: str, locales: list[str]) -> None:
    store["help_centers"].put({
        "id": new_id(store, "help_centers"), "workspace_id": workspace_id, "created_at": now,
        "updated_at": now, "identifier": workspace_id, "website_turned_on": False,
        "display_name": "Help Center", "url": f"https://intercom.help/{workspace_id}",
        "custom_domain": None, "default": True, "locales": list(locales),
    })


def _seed_macros(store: Store, now: int) -> None:
    macros = (
        ("Order Status Update", "<p>Hi {{user.name | fallback: 'there'}}, your order #{{order.number}} is ready!</p>",
         "everyone", [], ["inbox", "messenger"]),
        ("Welcome Message", "<p>Welcome! I'm {{teammate.name}}.</p><p>How can I help you today?</p>",
         "everyone", [], ["inbox"]),
        ("Billing escalation", "<p>I've passed this to our billing team, {{user.first_name | fallback: 'friend'}}.</p>",
         "specific_teams", [BILLING_TEAM_ID], ["inbox"]),
    )
    for offset, (name, source, visible_to, team_ids, available_on) in enumerate(macros):
        stamp = now - 3600 * (len(macros) - offset)
        store["macros"].put({"id": new_id(store, "macros"), "name": name, "_source_html": source,
                             "_created_at": stamp, "_updated_at": stamp, "visible_to": visible_to,
                             "visible_to_team_ids": list(team_ids), "available_on": list(available_on)})
