"""Zendesk rule conditions and actions in plain words, for the generated documents.

The field and operator names are Zendesk's (conditions and actions references); custom fields
are shown by title and their option tags by option name, looked up in the desired state.
"""

from __future__ import annotations

from typing import Any

from provisioner.desired.state import DesiredState

OPERATORS = {
    "is": "is", "is_not": "is not", "less_than": "is less than", "greater_than": "is greater than",
    "includes": "includes", "not_includes": "does not include", "changed": "changed",
    "not_changed": "did not change", "value": "changed to", "value_previous": "changed from",
    "present": "is present", "not_present": "is not present",
}
FIELDS = {
    "status": "status", "priority": "priority", "type": "type", "group_id": "group", "assignee_id": "assignee",
    "requester_id": "requester", "current_tags": "tags", "via_id": "channel", "brand_id": "brand",
    "ticket_form_id": "form", "subject_includes_word": "subject", "comment_includes_word": "subject or comment",
    "satisfaction_score": "satisfaction rating", "recipient": "received at",
}
HOURS_SINCE = {"NEW": "new", "OPEN": "open", "PENDING": "pending", "HOLD": "on hold", "SOLVED": "solved",
               "CLOSED": "closed", "assigned_at": "assigned", "updated_at": "updated",
               "requester_updated_at": "updated by the requester", "assignee_updated_at": "updated by the assignee"}
CUSTOM = "custom_fields:"


def option_name(state: DesiredState, field_title: str, tag: Any) -> str:
    field = state.find("ticket_fields", field_title)
    for option in (field.doc.get("custom_field_options") or []) if field else []:
        if option.get("value") == tag:
            return str(option.get("name"))
    return str(tag)


def condition(state: DesiredState, item: dict[str, Any]) -> str:
    field, operator, value = item.get("field", ""), item.get("operator", ""), item.get("value")
    words = OPERATORS.get(operator, operator.replace("_", " "))
    if field == "update_type":
        return "the ticket is created" if value == "Create" else "the ticket is updated"
    if field in {"comment_includes_word", "subject_includes_word"}:
        terms = ", ".join(f"'{w}'" for w in str(value).split())
        where = FIELDS[field]
        return f"{where} contains {'one of ' if ' ' in str(value) else ''}{terms}" if operator == "includes" \
            else f"{where} does not contain {terms}"
    if field in HOURS_SINCE or field.startswith("hours_since_"):
        since = HOURS_SINCE.get(field, field.removeprefix("hours_since_").replace("_", " "))
        return f"hours since {since} {words} {value}"
    if field.startswith(CUSTOM):
        title = field[len(CUSTOM):]
        return f"{title} {words} {option_name(state, title, value)}"
    return f"{FIELDS.get(field, field.replace('_', ' '))} {words} {value}"


def action(state: DesiredState, item: dict[str, Any]) -> str:
    field, value = item.get("field", ""), item.get("value")
    if field == "group_id":
        return f"assign to group {value}"
    if field == "assignee_id":
        return f"assign to {value}"
    if field in {"set_tags", "current_tags"}:
        return f"add tags {value}"
    if field == "remove_tags":
        return f"remove tags {value}"
    if field.startswith(CUSTOM):
        title = field[len(CUSTOM):]
        return f"set {title} to {option_name(state, title, value)}"
    return f"set {FIELDS.get(field, field.replace('_', ' '))} to {value}"
