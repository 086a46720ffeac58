"""App installations (``/apps/installations``). Not in the vendored OAS.

Follows Zendesk's Apps API: requests and single-object responses are *not* wrapped (the body
is ``{"app_id": ..., "settings": {...}}`` and the answer is the installation itself), while the
list answers ``{"installations": [...]}``. ``settings.name`` is required; secure settings are
accepted but, like webhook credentials, never echoed back — and never stored: the account
keeps only their digest, so a saved emulator state holds no credential. A wrapped
``{"installation": {...}}`` request is accepted too.
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.errors import bad_request, invalid
from providers.zendesk.emulator.pagination import respond_list
from providers.zendesk.emulator.records import get_or_404, new_id, parse_id, stamp_created, touch
from providers.zendesk.emulator.webhooks import credential_digest

BASE = "/api/v2/apps/installations"


def _payload(ctx: RequestContext) -> dict[str, Any]:
    body = ctx.body()
    if isinstance(body, dict) and isinstance(body.get("installation"), dict):
        body = body["installation"]
    if not isinstance(body, dict):
        raise bad_request("ParameterMissing", "param is missing or the value is empty: installation")
    return body


def render(installation: dict[str, Any]) -> dict[str, Any]:
    secure = set(installation.get("secure_settings", []))
    settings = {k: v for k, v in installation["settings"].items() if k not in secure}
    shown = {k: v for k, v in installation.items() if k != "secure_settings"}
    shown["settings"] = settings
    shown["settings_objects"] = [{"name": k, "value": v} for k, v in settings.items()]
    return shown


def _settings(given: Any, current: dict[str, Any] | None = None, secure: Any = ()) -> dict[str, Any]:
    if not isinstance(given, dict):
        raise invalid("settings", "Settings: must be an object")
    hidden = set(secure or ())
    merged = {**(current or {}), **{k: credential_digest(v) if k in hidden else v for k, v in given.items()}}
    if not merged.get("name"):
        raise invalid("settings", "Settings: name cannot be blank", "BlankValue")
    return merged


def list_installations(ctx: RequestContext):
    installations = sorted(ctx.store["app_installations"].values(), key=lambda i: i["id"])
    return respond_list(ctx, "installations", [render(i) for i in installations], mode="unpaginated")


def show_installation(ctx: RequestContext, installation_id: str):
    return json_response(200, render(get_or_404(ctx.store["app_installations"], parse_id(installation_id))))


def create_installation(ctx: RequestContext):
    data = _payload(ctx)
    app_id = data.get("app_id")
    try:
        app_id = int(app_id)
    except (TypeError, ValueError):
        raise invalid("app_id", "App: cannot be blank", "BlankValue") from None
    settings = _settings(data.get("settings"), secure=data.get("secure_settings"))
    installation = {
        "id": new_id(ctx.store, "app_installations"), "app_id": app_id, "product": "support",
        "settings": settings, "secure_settings": sorted(data.get("secure_settings") or []),
        "enabled": bool(data.get("enabled", True)), "role_restrictions": data.get("role_restrictions"),
        "group_restrictions": data.get("group_restrictions") or [], "paid": False,
        "recurring_payment": False, "collapsible": True, "has_unpaid_subscription": False,
        "has_incomplete_subscription": False, "plan": None,
    }
    ctx.store["app_installations"].put(stamp_created(installation))
    return json_response(201, render(installation))


def update_installation(ctx: RequestContext, installation_id: str):
    installation = get_or_404(ctx.store["app_installations"], parse_id(installation_id))
    data = _payload(ctx)
    if "settings" in data:
        installation["settings"] = _settings(data["settings"], installation["settings"],
                                             installation.get("secure_settings"))
    for key in ("enabled", "role_restrictions", "group_restrictions"):
        if key in data:
            installation[key] = data[key]
    touch(installation)
    return json_response(200, render(installation))


def delete_installation(ctx: RequestContext, installation_id: str):
    installation = get_or_404(ctx.store["app_installations"], parse_id(installation_id))
    ctx.store["app_installations"].remove(installation["id"])
    return json_response(204)


def register(router: Router) -> None:
    router.add("GET", BASE, list_installations)
    router.add("POST", BASE, create_installation)
    router.add("GET", f"{BASE}/{{installation_id}}", show_installation)
    router.add("PUT", f"{BASE}/{{installation_id}}", update_installation)
    router.add("DELETE", f"{BASE}/{{installation_id}}", delete_installation)
