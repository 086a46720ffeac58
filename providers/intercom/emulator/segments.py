"""``/segments``: read-only (segments are built in the Intercom UI).

Here because a segment filtering on a tag is what makes ``DELETE /tags/{id}`` refuse; the
emulator records that link privately (``_tag_ids``, set through ``ui.add_segment``).
"""

from __future__ import annotations

from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .errors import not_found
from .inputs import query_bool
from .records import public


def register(router: Router, emu: Any) -> None:
    segments = emu.store["segments"]

    def render(segment: dict[str, Any], with_count: bool) -> dict[str, Any]:
        body = public(segment)
        if with_count:
            body["count"] = 0  # the emulated workspace has no contacts
        return body

    def list_segments(request: httpx.Request) -> httpx.Response:
        with_count = query_bool(request, "include_count")
        return json_response(200, {"type": "segment.list",
                                   "segments": [render(s, with_count) for s in segments.values()]})

    def get_segment(request: httpx.Request, segment_id: str) -> httpx.Response:
        segment = segments.get(segment_id)
        if segment is None:
            raise not_found()
        return json_response(200, render(segment, False))

    router.add("GET", "/segments", list_segments)
    router.add("GET", "/segments/{segment_id}", get_segment)
