"""The standard business rules a new Zendesk account starts with.

New accounts ship with notification triggers, the "close solved tickets" automation, a few
shared views and macros. They matter to a provisioner: they show up in every list, trigger
reorder must include them, and "delete what YAML does not manage" would wipe them. Titles and
shapes follow Zendesk's standard rules; bodies of notification emails are shortened.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Store
from providers.zendesk.emulator.records import new_id, stamp_created
from providers.zendesk.emulator.trigger_categories import make_category
from providers.zendesk.emulator.view_execution import DEFAULT_OUTPUT


def _c(field: str, operator: str, value: str) -> dict[str, str]:
    return {"field": field, "operator": operator, "value": value}


def _a(field: str, value: Any) -> dict[str, Any]:
    return {"field": field, "value": value}


STANDARD_TRIGGERS = (
    ("Notify requester and CCs of received request", True,
     [_c("update_type", "is", "Create"), _c("status", "is_not", "solved")],
     [_a("notification_user", ["requester_and_ccs", "[{{ticket.account}}] Re: {{ticket.title}}",
                               "Your request ({{ticket.id}}) has been received."])]),
    ("Notify requester and CCs of comment update", True,
     [_c("update_type", "is", "Change"), _c("comment_is_public", "is", "true")],
     [_a("notification_user", ["requester_and_ccs", "[{{ticket.account}}] Re: {{ticket.title}}",
                               "{{ticket.latest_public_comment_html}}"])]),
    ("Notify assignee of comment update", True,
     [_c("update_type", "is", "Change"), _c("comment_is_public", "not_relevant", "")],
     [_a("notification_user", ["assignee_id", "[{{ticket.account}}] Re: {{ticket.title}}",
                               "{{ticket.comments_formatted}}"])]),
    ("Notify assignee of assignment", True,
     [_c("assignee_id", "changed", ""), _c("assignee_id", "is_not", "current_user")],
     [_a("notification_user", ["assignee_id", "[{{ticket.account}}] Assignment: {{ticket.title}}",
                               "You have been assigned to this ticket ({{ticket.id}})."])]),
    ("Notify group of assignment", True,
     [_c("group_id", "changed", ""), _c("assignee_id", "is", "")],
     [_a("notification_group", ["group_id", "[{{ticket.account}}] Assignment: {{ticket.title}}",
                                "A ticket ({{ticket.id}}) has been assigned to a group you belong to."])]),
    ("Notify all agents of received request", False,
     [_c("update_type", "is", "Create")],
     [_a("notification_user", ["all_agents", "[{{ticket.account}}] {{ticket.title}}",
                               "A ticket ({{ticket.id}}) by {{ticket.requester.name}} has been received."])]),
)

STANDARD_AUTOMATIONS = (
    ("Close ticket 4 days after status is set to solved", True,
     [_c("status", "is", "solved"), _c("SOLVED", "greater_than", "96")], [_a("status", "closed")]),
    ("Pending notification 24 hours", False,
     [_c("PENDING", "is", "24"), _c("status", "is", "pending")],
     [_a("notification_user", ["requester_id", "[{{ticket.account}}] Pending request: {{ticket.title}}",
                               "This is a friendly reminder about your pending request."])]),
)

STANDARD_VIEWS = (
    ("Your unsolved tickets", [_c("status", "less_than", "solved"), _c("assignee_id", "is", "current_user")]),
    ("Unassigned tickets", [_c("status", "less_than", "solved"), _c("assignee_id", "is", "")]),
    ("All unsolved tickets", [_c("status", "less_than", "solved")]),
    ("Recently updated tickets", [_c("status", "less_than", "closed"), _c("updated_at", "less_than", "24")]),
    ("Pending tickets", [_c("status", "is", "pending")]),
)

STANDARD_MACROS = (
    ("Close and redirect to topics", [_a("status", "solved"), _a("comment_value",
     "This issue is a known issue. For more information, please visit our forums.")]),
    ("Downgrade and inform", [_a("priority", "low"), _a("comment_value",
     "We're currently experiencing unusually high traffic. We'll get back to you as soon as possible.")]),
    ("Customer not responding", [_a("status", "pending"), _a("comment_value",
     "Hello {{ticket.requester.name}}. Our agent has tried to contact you about this request.")]),
)


def _rule(store: Store, collection: str, title: str, position: int, **extra: Any) -> dict[str, Any]:
    rule = {"id": new_id(store, collection), "title": title, "raw_title": title, "active": True,
            "default": False, "position": position, **extra}
    return store[collection].put(stamp_created(rule))


def seed_rules(store: Store) -> None:
    category = make_category(store, "Notifications", 0)
    for position, (title, active, conditions, actions) in enumerate(STANDARD_TRIGGERS, start=1):
        _rule(store, "triggers", title, position, active=active, description="",
              conditions={"all": conditions, "any": []}, actions=actions, restriction=None,
              category_id=category["id"])
    for position, (title, active, conditions, actions) in enumerate(STANDARD_AUTOMATIONS, start=1):
        _rule(store, "automations", title, position, active=active,
              conditions={"all": conditions, "any": []}, actions=actions)
    for position, (title, conditions) in enumerate(STANDARD_VIEWS, start=1):
        _rule(store, "views", title, position, description="", restriction=None,
              conditions={"all": conditions, "any": []}, output=dict(DEFAULT_OUTPUT))
    for position, (title, actions) in enumerate(STANDARD_MACROS, start=1):
        _rule(store, "macros", title, position, description=None, actions=actions, restriction=None)
