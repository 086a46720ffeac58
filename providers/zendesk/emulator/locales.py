"""The account's active locales (``GET /locales``): dynamic content variants and Help Center
translations may only use these."""

from __future__ import annotations

from providers.common.emulation import Router, json_response
from providers.zendesk.emulator.context import RequestContext

# id -> (locale code, name); Zendesk's locale ids for these languages.
ACTIVE_LOCALES = {1: ("en-US", "English"), 2: ("es", "Español"), 8: ("de", "Deutsch"), 16: ("fr", "Français")}
DEFAULT_LOCALE_ID = 1


def locale_code(locale_id: object) -> str | None:
    entry = ACTIVE_LOCALES.get(locale_id) if isinstance(locale_id, int) else None
    return entry[0] if entry else None


def list_locales(ctx: RequestContext):
    locales = [{"id": i, "locale": code, "name": name, "url": ctx.api_url(f"/locales/{i}"),
                "created_at": "2009-07-20T22:55:29Z", "updated_at": "2009-07-20T22:55:29Z"}
               for i, (code, name) in sorted(ACTIVE_LOCALES.items())]
    return json_response(200, {"locales": locales})


def register(router: Router) -> None:
    router.add("GET", "/api/v2/locales", list_locales)
