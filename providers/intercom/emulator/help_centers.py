"""``/help_center/help_centers``: read-only; a workspace starts with one default help center.

The list is unpaginated ``{"type": "list", "data": [...]}`` as the 2.16 example shows.
"""

from __future__ import annotations

from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .errors import not_found
from .records import by_numeric_id


def register(router: Router, emu: Any) -> None:
    help_centers = emu.store["help_centers"]

    def list_help_centers(request: httpx.Request) -> httpx.Response:
        return json_response(200, {"type": "list", "data": by_numeric_id(help_centers.values())})

    def get_help_center(request: httpx.Request, help_center_id: str) -> httpx.Response:
        help_center = help_centers.get(help_center_id)
        if help_center is None:
            raise not_found()
        return json_response(200, help_center)

    router.add("GET", "/help_center/help_centers", list_help_centers)
    router.add("GET", "/help_center/help_centers/{help_center_id}", get_help_center)
