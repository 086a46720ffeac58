"""Legacy targets (``/targets``, wrapper ``target``), unpaginated.

URL and branded targets stopped working on 2024-10-28 (replaced by webhooks); only email
targets still work, so creating any other type is refused with a 422 that points to
webhooks. Reading, updating and deleting existing targets of any type still works, which is
what a provisioner needs to migrate an old account. Passwords are never echoed back.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import invalid
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, require, stamp_created, touch

BASE = "/api/v2/targets"
DEPRECATED = frozenset({"url_target", "url_target_v2", "http_target", "basecamp_target", "campfire_target",
                        "clickatell_target", "flowdock_target", "get_satisfaction_target", "jira_target",
                        "pivotal_target", "twitter_target", "yammer_target"})
EMAIL_REQUIRED = ("email", "subject")


def render(ctx: RequestContext, target: dict[str, Any]) -> dict[str, Any]:
    shown = {k: v for k, v in target.items() if k != "password"}
    shown["url"] = ctx.api_url(f"/targets/{target['id']}")
    return shown


def list_targets(ctx: RequestContext):
    targets = sorted(ctx.store["targets"].values(), key=lambda t: t["id"])
    return respond_list(ctx, "targets", [render(ctx, t) for t in targets], mode="unpaginated")


def show_target(ctx: RequestContext, target_id: str):
    return json_response(200, {"target": render(ctx, get_or_404(ctx.store["targets"], parse_id(target_id)))})


def create_target(ctx: RequestContext):
    data = ctx.wrapped("target")
    require(data, "title", "type")
    if data["type"] in DEPRECATED:
        raise invalid("type", f"Type: {data['type']} targets are deprecated and can no longer be created. "
                              "Use a webhook instead.", "Deprecated")
    if data["type"] != "email_target":
        raise invalid("type", f"Type: {data['type']} is not a valid target type")
    require(data, *EMAIL_REQUIRED)
    target = {"id": new_id(ctx.store, "targets"), "title": data["title"], "type": "email_target",
              "active": bool(data.get("active", True)), "email": data["email"], "subject": data["subject"]}
    ctx.store["targets"].put(stamp_created(target))
    return json_response(201, {"target": render(ctx, target)})


def update_target(ctx: RequestContext, target_id: str):
    target = get_or_404(ctx.store["targets"], parse_id(target_id))
    data = ctx.wrapped("target")
    if "type" in data and data["type"] != target["type"]:
        raise invalid("type", "Type: cannot be changed")
    for key, value in data.items():
        if key not in {"id", "type", "created_at", "url"}:
            target[key] = value
    touch(target)
    return json_response(200, {"target": render(ctx, target)})


def delete_target(ctx: RequestContext, target_id: str):
    target = get_or_404(ctx.store["targets"], parse_id(target_id))
    ctx.store["targets"].remove(target["id"])
    return json_response(204)


def register(router: Router) -> None:
    router.add("GET", BASE, list_targets)
    router.add("POST", BASE, create_target)
    router.add("GET", f"{BASE}/{{target_id}}", show_target)
    router.add("PUT", f"{BASE}/{{target_id}}", update_target)
    router.add("DELETE", f"{BASE}/{{target_id}}", delete_target)
