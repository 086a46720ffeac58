"""Ticket field options (``/ticket_fields/{id}/options``, wrapper ``custom_field_option``).

POST creates or updates: with the ``id`` of an existing option it updates (200), otherwise it
creates (201); both answer with a ``Location`` header. Only drop-down and multi-select fields
have options. Create/update has its own budget of 100 requests a minute (enforced when the
emulator runs with ``rpm``). Deleting the last option of such a field is allowed here (the field itself then
fails validation on its next update, as in the admin UI).
"""

from __future__ import annotations

import math
from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import ZendeskError, invalid, not_found
from providers.zendesk.emulator.field_options import OPTION_TYPES, upsert_option
from providers.zendesk.emulator.pagination import by_position, respond_list
from providers.zendesk.emulator.records import get_or_404, parse_id, touch
from providers.zendesk.emulator.ticket_fields import tags_in_use

BASE = "/api/v2/ticket_fields/{field_id}/options"


def render(ctx: RequestContext, field_id: int, option: dict[str, Any]) -> dict[str, Any]:
    return {**option, "url": ctx.api_url(f"/ticket_fields/{field_id}/options/{option['id']}")}


def _field(ctx: RequestContext, field_id: str) -> dict[str, Any]:
    return get_or_404(ctx.store["ticket_fields"], parse_id(field_id))


def _option(field: dict[str, Any], option_id: str) -> dict[str, Any]:
    wanted = parse_id(option_id)
    for option in field.get("custom_field_options") or []:
        if option["id"] == wanted:
            return option
    raise not_found()


def list_options(ctx: RequestContext, field_id: str):
    field = _field(ctx, field_id)
    options = sorted(field.get("custom_field_options") or [], key=lambda o: (o["position"], o["id"]))
    return respond_list(ctx, "custom_field_options", [render(ctx, field["id"], o) for o in options],
                        sort_key=by_position)


def _option_budget(ctx: RequestContext) -> None:
    """Create/update of options has its own documented budget of 100 requests a minute."""
    allowed, _remaining, reset_in = ctx.emulator.endpoint_windows["ticket_field_options_write"].take()
    if not allowed:
        raise ZendeskError(429, {"error": "TooManyRequests",
                                 "description": "Ticket field option create/update is limited to 100 requests a minute"},
                           {"Retry-After": str(max(1, math.ceil(reset_in)))})


def upsert(ctx: RequestContext, field_id: str):
    _option_budget(ctx)
    field = _field(ctx, field_id)
    if field["type"] not in OPTION_TYPES:
        raise invalid("custom_field_option", "Custom field option: field does not support options")
    options = field.setdefault("custom_field_options", [])
    option, created = upsert_option(ctx.store, options, ctx.wrapped("custom_field_option"),
                                    tags_in_use(ctx.store, field["id"]))
    touch(field)
    location = f"/api/v2/ticket_fields/{field['id']}/options"
    return json_response(201 if created else 200,
                         {"custom_field_option": render(ctx, field["id"], option)},
                         headers={"Location": location})


def show_option(ctx: RequestContext, field_id: str, option_id: str):
    field = _field(ctx, field_id)
    option = _option(field, option_id)
    return json_response(200, {"custom_field_option": render(ctx, field["id"], option)})


def delete_option(ctx: RequestContext, field_id: str, option_id: str):
    field = _field(ctx, field_id)
    option = _option(field, option_id)
    field["custom_field_options"].remove(option)
    touch(field)
    return json_response(204)


def register(router: Router) -> None:
    router.add("GET", BASE, list_options)
    router.add("POST", BASE, upsert)
    router.add("GET", f"{BASE}/{{option_id}}", show_option)
    router.add("DELETE", f"{BASE}/{{option_id}}", delete_option)
