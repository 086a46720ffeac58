"""Canned response folders: ``/api/v2/canned_response_folders`` (list, view, create, update).

- Create works on the **plural** path; the singular ``/canned_response_folder`` the docs name
  answers 404 on a live account (research note 1.5, [L]), so it is not routed.
- There is **no DELETE**: the folder endpoints accept only GET, POST and PUT (405 otherwise).
- The list shows ``responses_count``; viewing one folder adds a short ``canned_responses`` list;
  ``/canned_response_folders/{id}/responses`` lists the full responses of a folder (the only way
  to list canned responses).
- A new account has a shared "General" folder and the admin's "Personal" folder.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator.canned_responses import render as render_response
from providers.freshdesk.emulator.context import RequestContext, created, ok, parse_id
from providers.freshdesk.emulator.errors import validation_failed
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import by_id, find, new_id, public, stamp
from providers.freshdesk.emulator.validation import Rule, check_body

RULES = {"name": Rule("string", required=True)}


def responses_in(ctx: RequestContext, folder_id: int) -> list[dict[str, Any]]:
    return by_id(r for r in ctx.store["canned_responses"].values() if r["folder_id"] == folder_id)


def render(ctx: RequestContext, folder: dict[str, Any], *, with_responses: bool = False) -> dict[str, Any]:
    body = public(folder)
    responses = responses_in(ctx, folder["id"])
    body["responses_count"] = len(responses)
    if with_responses:
        body["canned_responses"] = [{k: r[k] for k in ("id", "title", "folder_id", "created_at", "updated_at")}
                                    for r in responses]
    return body


def _validate(ctx: RequestContext, body: dict[str, Any], folder: dict[str, Any] | None) -> None:
    errors = check_body(body, RULES, creating=folder is None)
    if errors:
        raise validation_failed(errors)


def list_folders(ctx: RequestContext):
    return paged(ctx, [render(ctx, f) for f in by_id(ctx.store["canned_response_folders"].values())])


def view_folder(ctx: RequestContext, folder_id: str):
    folder = find(ctx.store, "canned_response_folders", parse_id(folder_id))
    return ok(render(ctx, folder, with_responses=True))


def list_folder_responses(ctx: RequestContext, folder_id: str):
    folder = find(ctx.store, "canned_response_folders", parse_id(folder_id))
    return paged(ctx, [render_response(r) for r in responses_in(ctx, folder["id"])])


def create_folder(ctx: RequestContext):
    body = ctx.body()
    _validate(ctx, body, None)
    folder = {"id": new_id(ctx.store, "canned_response_folders"), "name": body["name"], "personal": False}
    ctx.store["canned_response_folders"].put(stamp(folder, created=True))
    return created(render(ctx, folder))


def update_folder(ctx: RequestContext, folder_id: str):
    folder = find(ctx.store, "canned_response_folders", parse_id(folder_id))
    body = ctx.body()
    _validate(ctx, body, folder)
    folder.update(body)
    stamp(folder)
    return ok(render(ctx, folder))


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/canned_response_folders", list_folders)
    router.add("POST", "/api/v2/canned_response_folders", create_folder)
    router.add("GET", "/api/v2/canned_response_folders/{folder_id}", view_folder)
    router.add("PUT", "/api/v2/canned_response_folders/{folder_id}", update_folder)
    router.add("GET", "/api/v2/canned_response_folders/{folder_id}/responses", list_folder_responses)
