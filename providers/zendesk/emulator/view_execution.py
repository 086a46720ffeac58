"""Views' write shape (``output``) → read shape (``execution``).

Zendesk takes ``output: {columns: [ids], group_by, group_order, sort_by, sort_order}`` on
create/update but answers with ``execution: {columns: [{id, title}], fields, custom_fields,
group, sort, group_by, ...}``. Column ids come from the documented "View columns" table;
custom fields are given by numeric id and answered with the field's current title. At most
10 columns; ``description``, ``submitter`` and ``custom_status_id`` cannot group or sort.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Store
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid

MAX_COLUMNS = 10
COLUMN_TITLES = {
    "assigned": "Assigned", "assignee": "Assignee", "due_date": "Due Date", "group": "Group",
    "nice_id": "ID", "updated": "Updated", "updated_assignee": "Assignee updated",
    "updated_requester": "Requester updated", "updated_by_type": "Updater",
    "organization": "Organization", "priority": "Priority", "created": "Requested",
    "requester": "Requester", "locale_id": "Requester language",
    "satisfaction_score": "Satisfaction", "solved": "Solved", "status": "Status category",
    "description": "Subject", "subject": "Subject", "submitter": "Submitter",
    "ticket_form": "Ticket form", "type": "Type", "brand": "Brand",
    "custom_status_id": "Ticket status",
}
NOT_SORTABLE = frozenset({"description", "submitter", "custom_status_id"})
# Used when a create sends no ``output`` (the agent UI's starting columns). (verify)
DEFAULT_OUTPUT = {
    "columns": ["status", "description", "requester", "created", "assignee"],
    "group_by": "status", "group_order": "asc", "sort_by": "created", "sort_order": "asc",
}


def _column_id(store: Store, raw: Any) -> str | int:
    if isinstance(raw, bool):
        raise invalid("output", f"Output: {raw} is not a valid column")
    if isinstance(raw, int) or (isinstance(raw, str) and raw.isdigit()):
        if store["ticket_fields"].get(int(raw)) is None:
            raise invalid("output", f"Output: ticket field {raw} does not exist")
        return int(raw)
    if raw not in COLUMN_TITLES:
        raise invalid("output", f"Output: {raw} is not a valid column")
    return raw


def merge_output(store: Store, current: dict[str, Any] | None, given: Any) -> dict[str, Any]:
    """The stored output after a write; keys the write leaves out keep their old values."""
    if not isinstance(given, dict):
        raise invalid("output", "Output: must be an object")
    output = dict(current or DEFAULT_OUTPUT)
    if "columns" in given:
        columns = given["columns"] or []
        if not isinstance(columns, list):
            raise invalid("output", "Output: columns must be a list")
        if len(columns) > MAX_COLUMNS:
            raise invalid("output", f"Output: You can only have up to {MAX_COLUMNS} columns")
        output["columns"] = [_column_id(store, c) for c in columns]
    for key in ("group_by", "sort_by"):
        if key in given:
            value = given[key]
            if value is not None:
                value = _column_id(store, value)
                if value in NOT_SORTABLE:
                    raise invalid("output", f"Output: {value} cannot be used to group or sort")
            output[key] = value
    for key in ("group_order", "sort_order"):
        if key in given:
            if given[key] not in {"asc", "desc", None}:
                raise invalid("output", f"Output: {key} must be asc or desc")
            output[key] = given[key] or "asc"
    return output


def _title(store: Store, column: str | int) -> str:
    if isinstance(column, int):
        field = store["ticket_fields"].get(column)
        return field["title"] if field else str(column)
    return COLUMN_TITLES.get(column, column)


def execution(ctx: RequestContext, output: dict[str, Any]) -> dict[str, Any]:
    store = ctx.store
    columns = [{"id": c, "title": _title(store, c)} for c in output["columns"]]
    custom_fields = []
    for column in output["columns"]:
        field = store["ticket_fields"].get(column) if isinstance(column, int) else None
        if field:
            custom_fields.append({"id": column, "title": field["title"], "type": field["type"],
                                  "url": ctx.api_url(f"/ticket_fields/{column}")})

    def ordering(key: str, order_key: str) -> dict[str, Any] | None:
        column = output.get(key)
        if column is None:
            return None
        return {"id": column, "title": _title(store, column), "order": output.get(order_key) or "asc"}

    return {
        "group_by": output.get("group_by"), "group_order": output.get("group_order"),
        "sort_by": output.get("sort_by"), "sort_order": output.get("sort_order"),
        "group": ordering("group_by", "group_order"), "sort": ordering("sort_by", "sort_order"),
        "columns": columns,
        "fields": [c for c in columns if not isinstance(c["id"], int)],
        "custom_fields": custom_fields,
    }
