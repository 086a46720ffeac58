"""``/teams``, ``/admins`` and ``/me``: read-only in 2.16.

Teams and teammates cannot be created, renamed or deleted through the API (research 2.5), so
the provisioner can only reference them. Envelopes differ from the rest of the API:
``{"type": "team.list", "teams": [...]}`` and ``{"type": "admin.list", "admins": [...]}``.
Team ``admin_ids`` and admin ``team_ids`` are integers while the objects' own ids are strings.
Not found: ``team_not_found`` "Team not found", ``admin_not_found`` "Admin not found".
``/me`` is the teammate the token belongs to (the workspace owner here).
"""

from __future__ import annotations

from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .errors import ApiError
from .inputs import query_bool
from .records import by_numeric_id

DEFAULT_AVATAR = "https://static.intercomassets.com/assets/default-avatars/admins/128.png"


def register(router: Router, emu: Any) -> None:
    teams = emu.store["teams"]
    admins = emu.store["admins"]

    def list_teams(request: httpx.Request) -> httpx.Response:
        return json_response(200, {"type": "team.list", "teams": by_numeric_id(teams.values())})

    def get_team(request: httpx.Request, team_id: str) -> httpx.Response:
        team = teams.get(team_id)
        if team is None:
            raise ApiError(404, "team_not_found", "Team not found")
        return json_response(200, team)

    def list_admins(request: httpx.Request) -> httpx.Response:
        with_avatar = query_bool(request, "display_avatar")
        data = [{**a, "avatar": DEFAULT_AVATAR} if with_avatar else a for a in by_numeric_id(admins.values())]
        return json_response(200, {"type": "admin.list", "admins": data})

    def get_admin(request: httpx.Request, admin_id: str) -> httpx.Response:
        admin = admins.get(admin_id)
        if admin is None:
            raise ApiError(404, "admin_not_found", "Admin not found")
        return json_response(200, admin)

    def me(request: httpx.Request) -> httpx.Response:
        owner = admins.get(emu.owner_admin_id)
        hc = emu.default_help_center()
        return json_response(200, {
            "type": "admin", "id": owner["id"], "email": owner["email"], "name": owner["name"],
            "email_verified": True, "has_inbox_seat": owner["has_inbox_seat"],
            "avatar": {"type": "avatar", "image_url": DEFAULT_AVATAR},
            "app": {"type": "app", "id_code": emu.workspace_id, "name": hc["display_name"],
                    "created_at": hc["created_at"], "secure": False, "identity_verification": False,
                    "timezone": "Etc/UTC", "region": "US"},
        })

    router.add("GET", "/teams", list_teams)
    router.add("GET", "/teams/{team_id}", get_team)
    router.add("GET", "/admins", list_admins)
    router.add("GET", "/admins/{admin_id}", get_admin)
    router.add("GET", "/me", me)
