"""``/macros`` (2.16+): saved replies, **read-only** (list and get; there is no write endpoint).

Documented behaviour (2.16 description, ``examples/macro-list.json``):
- the list is cursor-paginated: ``per_page`` 1–150 (default 50), ``starting_after`` is base64 of
  ``[updated_at, id]``, ``pages {type, per_page, next: {starting_after} | null}``, newest
  ``updated_at`` first; ``updated_since`` (unix seconds) keeps macros updated after it, and a
  non-integer answers 400 "Invalid updated_since timestamp";
- ``body`` is HTML with Intercom placeholders rewritten to XML-like tags:
  ``{{user.name | fallback: 'there'}}`` becomes ``<attribute key="user.name" default="there"/>``
  (default HTML-escaped), while ``body_text`` is plain text keeping the placeholders as
  ``{{user.name|fallback:"there"}}``; timestamps are ISO-8601 strings with milliseconds;
- ``GET /macros/{id}`` answers 404 "Macro not found" when the macro is limited to teams the
  token's teammate is not in (the list is not filtered).
Macros are created in the Intercom UI; the emulator seeds a few (``seed``) and ``ui.add_macro``
adds more.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .errors import ApiError
from .pagination import cursor_list

_PLACEHOLDER = re.compile(r"\{\{\s*([\w.]+)\s*(?:\|\s*fallback:\s*(['\"])(.*?)\2\s*)?\}\}")


def iso_millis(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def body_html(source: str) -> str:
    def tag(match: re.Match[str]) -> str:
        key, default = match.group(1), match.group(3)
        if default is None:
            return f'<attribute key="{key}"/>'
        return f'<attribute key="{key}" default="{html.escape(default)}"/>'
    return _PLACEHOLDER.sub(tag, source)


def body_text(source: str) -> str:
    def placeholder(match: re.Match[str]) -> str:
        key, default = match.group(1), match.group(3)
        return "{{" + key + ("" if default is None else f'|fallback:"{default}"') + "}}"
    text = re.sub(r"</p>\s*<p[^>]*>", "\n\n", source)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return _PLACEHOLDER.sub(placeholder, text)


def render(macro: dict[str, Any]) -> dict[str, Any]:
    return {"type": "macro", "id": macro["id"], "name": macro["name"],
            "body": body_html(macro["_source_html"]), "body_text": body_text(macro["_source_html"]),
            "created_at": iso_millis(macro["_created_at"]), "updated_at": iso_millis(macro["_updated_at"]),
            "visible_to": macro["visible_to"], "visible_to_team_ids": list(macro["visible_to_team_ids"]),
            "available_on": list(macro["available_on"])}


def register(router: Router, emu: Any) -> None:
    macros = emu.store["macros"]

    def list_macros(request: httpx.Request) -> httpx.Response:
        items = macros.values()
        since = request.url.params.get("updated_since")
        if since is not None:
            if not since.isdigit():
                raise ApiError(400, "parameter_invalid", "Invalid updated_since timestamp")
            items = [m for m in items if m["_updated_at"] > int(since)]
        return json_response(200, cursor_list(request, items, sort_key=lambda m: (float(m["_updated_at"]), m["id"]),
                                              default_per_page=50, max_per_page=150, render=render))

    def get_macro(request: httpx.Request, macro_id: str) -> httpx.Response:
        macro = macros.get(macro_id)
        if macro is None or not _visible_to_owner(emu, macro):
            raise ApiError(404, "not_found", "Macro not found")
        return json_response(200, render(macro))

    router.add("GET", "/macros", list_macros)
    router.add("GET", "/macros/{macro_id}", get_macro)


def _visible_to_owner(emu: Any, macro: dict[str, Any]) -> bool:
    if macro["visible_to"] == "everyone":
        return True
    owner_teams = {str(t) for t in emu.store["admins"].get(emu.owner_admin_id)["team_ids"]}
    return bool(owner_teams & set(macro["visible_to_team_ids"]))
