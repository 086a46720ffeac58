"""Canned responses: ``POST /api/v2/canned_responses`` and ``/canned_responses/{id}`` (view, update).

- There is no list on ``/canned_responses`` (list them per folder) and **DELETE is rejected**
  with 405: the endpoint accepts GET, PUT and PATCH (research note 1.5, [L]).
- Create needs ``title``, ``content_html``, ``folder_id`` and ``visibility`` (0 all agents,
  1 personal, 2 selected groups). ``group_ids`` is required with visibility 2 and refused
  otherwise; moving away from visibility 2 clears it.
- ``content`` is the plain text the server derives from ``content_html`` (read-only), and the
  stored HTML is the server's rewrite of what was sent (see ``html_text``).
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator import html_text
from providers.freshdesk.emulator.context import RequestContext, created, ok, parse_id
from providers.freshdesk.emulator.errors import field_error, validation_failed
from providers.freshdesk.emulator.records import find, new_id, public, require_ids, stamp
from providers.freshdesk.emulator.validation import Rule, check_body, missing

RULES = {
    "title": Rule("string", required=True),
    "content_html": Rule("string", required=True),
    "folder_id": Rule("integer", required=True),
    "visibility": Rule("integer", required=True, choices=(0, 1, 2)),
    "group_ids": Rule("array", items="integer"),
}


def render(response: dict[str, Any]) -> dict[str, Any]:
    return public(response)


def _validate(ctx: RequestContext, body: dict[str, Any], response: dict[str, Any] | None) -> None:
    errors = check_body(body, RULES, creating=response is None)
    visibility = body.get("visibility", (response or {}).get("visibility"))
    if not errors:
        if visibility == 2 and "group_ids" not in body and not (response or {}).get("group_ids"):
            errors.append(missing("group_ids", "array"))
        if visibility != 2 and body.get("group_ids"):
            errors.append(field_error("group_ids", "group_ids can be set only when visibility is 2", "invalid_value"))
        if isinstance(body.get("group_ids"), list) and visibility == 2 and not body["group_ids"]:
            errors.append(field_error("group_ids", "It should contain elements", "invalid_value"))
    if errors:
        raise validation_failed(errors)
    if "folder_id" in body:
        require_ids(ctx.store, "canned_response_folders", "folder_id", [body["folder_id"]])
    require_ids(ctx.store, "groups", "group_ids", body.get("group_ids"))


def _apply(response: dict[str, Any], body: dict[str, Any]) -> None:
    for key, value in body.items():
        if key == "content_html":
            response["content_html"] = html_text.rewrite(value)
            response["content"] = html_text.to_text(response["content_html"])
        else:
            response[key] = value
    if response["visibility"] != 2:
        response["group_ids"] = []


def create_response(ctx: RequestContext):
    body = ctx.body()
    _validate(ctx, body, None)
    response = {"id": new_id(ctx.store, "canned_responses"), "title": body["title"], "folder_id": body["folder_id"],
                "content": "", "content_html": "", "visibility": body["visibility"], "group_ids": [],
                "attachments": []}
    _apply(response, body)
    ctx.store["canned_responses"].put(stamp(response, created=True))
    return created(render(response))


def view_response(ctx: RequestContext, response_id: str):
    return ok(render(find(ctx.store, "canned_responses", parse_id(response_id))))


def update_response(ctx: RequestContext, response_id: str):
    response = find(ctx.store, "canned_responses", parse_id(response_id))
    body = ctx.body()
    _validate(ctx, body, response)
    _apply(response, body)
    stamp(response)
    return ok(render(response))


def register(router: Router, emulator: Any) -> None:
    router.add("POST", "/api/v2/canned_responses", create_response)
    router.add("GET", "/api/v2/canned_responses/{response_id}", view_response)
    router.add("PUT", "/api/v2/canned_responses/{response_id}", update_response)
    router.add("PATCH", "/api/v2/canned_responses/{response_id}", update_response)
