"""Which custom statuses a ticket form offers (``ticket_form_statuses``; string ids).

A form with no associations offers every status. Associations are created in bulk
(``{"ticket_form_status": [{"custom_status_id": ...}]}``), bulk-edited with PUT (an entry with
``_destroy: "1"`` and an ``id`` removes that association, one with ``custom_status_id`` adds it),
and deleted by id. A status can be linked to a form once; unknown statuses or forms are 422.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid, not_found
from providers.zendesk.emulator.records import get_or_404, new_ulid, parse_id

FORM_BASE = "/api/v2/ticket_forms/{form_id}/ticket_form_statuses"


def _links_for(ctx: RequestContext, form_id: int) -> list[dict[str, Any]]:
    return sorted((link for link in ctx.store["ticket_form_statuses"].values() if link["ticket_form_id"] == form_id),
                  key=lambda link: link["id"])


def _respond(links: list[dict[str, Any]]):
    return json_response(200, {"ticket_form_statuses": links})


def _link(ctx: RequestContext, form_id: int, status_id: Any) -> dict[str, Any]:
    if ctx.store["ticket_forms"].get(form_id) is None:
        raise invalid("ticket_form_id", f"Ticket form: {form_id} does not exist")
    if status_id is None or ctx.store["custom_statuses"].get(status_id) is None:
        raise invalid("custom_status_id", f"Custom status: {status_id} does not exist")
    if any(link["custom_status_id"] == int(status_id) for link in _links_for(ctx, form_id)):
        raise invalid("custom_status_id", "Custom status: is already associated with this ticket form",
                      "DuplicateValue")
    link = {"id": new_ulid(ctx.store, "ticket_form_statuses"), "ticket_form_id": form_id,
            "custom_status_id": int(status_id)}
    return ctx.store["ticket_form_statuses"].put(link)


def _entries(ctx: RequestContext) -> list[dict[str, Any]]:
    entries = ctx.wrapped_list("ticket_form_status")
    if not all(isinstance(e, dict) for e in entries):
        raise invalid("ticket_form_status", "Ticket form status: must be a list of objects")
    return entries


def _form_id(ctx: RequestContext, raw: str) -> int:
    return get_or_404(ctx.store["ticket_forms"], parse_id(raw))["id"]


def list_all(ctx: RequestContext):
    links = sorted(ctx.store["ticket_form_statuses"].values(), key=lambda link: link["id"])
    form_id = ctx.query("ticket_form_id")
    if form_id:
        links = [link for link in links if str(link["ticket_form_id"]) == form_id]
    return _respond(links)


def show_many(ctx: RequestContext):
    wanted = set(ctx.query_list("ids"))
    return _respond([link for link in ctx.store["ticket_form_statuses"].values() if link["id"] in wanted])


def list_for_form(ctx: RequestContext, form_id: str):
    return _respond(_links_for(ctx, _form_id(ctx, form_id)))


def create_for_form(ctx: RequestContext, form_id: str):
    owner = _form_id(ctx, form_id)
    for entry in _entries(ctx):
        _link(ctx, owner, entry.get("custom_status_id"))
    return _respond(_links_for(ctx, owner))


def create_for_status(ctx: RequestContext, status_id: str):
    status = get_or_404(ctx.store["custom_statuses"], parse_id(status_id))
    created = [_link(ctx, entry.get("ticket_form_id"), status["id"]) for entry in _entries(ctx)]
    return _respond(created)


def bulk_update(ctx: RequestContext, form_id: str):
    owner = _form_id(ctx, form_id)
    links = ctx.store["ticket_form_statuses"]
    for entry in _entries(ctx):
        existing = links.get(entry["id"]) if entry.get("id") else None
        if entry.get("id") and (existing is None or existing["ticket_form_id"] != owner):
            raise not_found()
        if str(entry.get("_destroy", "")) in {"1", "true"}:
            links.remove(existing["id"])
        elif existing is not None:
            if ctx.store["custom_statuses"].get(entry.get("custom_status_id")) is None:
                raise invalid("custom_status_id", f"Custom status: {entry.get('custom_status_id')} does not exist")
            existing["custom_status_id"] = int(entry["custom_status_id"])
        else:
            _link(ctx, owner, entry.get("custom_status_id"))
    return _respond(_links_for(ctx, owner))


def update_one(ctx: RequestContext, form_id: str, link_id: str):
    owner = _form_id(ctx, form_id)
    link = ctx.store["ticket_form_statuses"].get(link_id)
    if link is None or link["ticket_form_id"] != owner:
        raise not_found()
    body = ctx.body() or {}
    data = body.get("ticket_form_status", body) if isinstance(body, dict) else {}
    if ctx.store["custom_statuses"].get(data.get("custom_status_id")) is None:
        raise invalid("custom_status_id", f"Custom status: {data.get('custom_status_id')} does not exist")
    link["custom_status_id"] = int(data["custom_status_id"])
    return _respond(_links_for(ctx, owner))


def delete_many(ctx: RequestContext, form_id: str):
    owner = _form_id(ctx, form_id)
    body = ctx.body()
    ids = body.get("id") if isinstance(body, dict) else None
    if not isinstance(ids, list) or not ids:
        raise invalid("id", "Id: cannot be blank", "BlankValue")
    for link_id in ids:
        link = ctx.store["ticket_form_statuses"].get(link_id)
        if link is None or link["ticket_form_id"] != owner:
            raise not_found()
    for link_id in ids:
        ctx.store["ticket_form_statuses"].remove(link_id)
    return json_response(204)


def delete_one(ctx: RequestContext, form_id: str, link_id: str):
    owner = _form_id(ctx, form_id)
    link = ctx.store["ticket_form_statuses"].get(link_id)
    if link is None or link["ticket_form_id"] != owner:
        raise not_found()
    ctx.store["ticket_form_statuses"].remove(link_id)
    return json_response(204)


def register(router: Router) -> None:
    router.add("GET", "/api/v2/ticket_form_statuses", list_all)
    router.add("GET", "/api/v2/ticket_form_statuses/show_many", show_many)
    router.add("POST", "/api/v2/custom_statuses/{status_id}/ticket_form_statuses", create_for_status)
    router.add("GET", FORM_BASE, list_for_form)
    router.add("POST", FORM_BASE, create_for_form)
    router.add("PUT", FORM_BASE, bulk_update)
    router.add("DELETE", FORM_BASE, delete_many)
    router.add("PUT", f"{FORM_BASE}/{{link_id}}", update_one)
    router.add("DELETE", f"{FORM_BASE}/{{link_id}}", delete_one)
