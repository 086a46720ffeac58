"""Changes only the Intercom web UI can make, for setting up tests and drift scenarios.

Segments, macros and teams cannot be written through the 2.16 API, yet they matter to it: a
segment filtering on a tag blocks ``DELETE /tags/{id}``, and macros/teams are what read-only
kinds resolve. These helpers change the stored workspace directly, as a teammate clicking in
the UI would; they do not appear in ``request_log``.
"""

from __future__ import annotations

from typing import Any

from .seed import new_id


class WorkspaceUI:
    def __init__(self, emulator: Any) -> None:
        self._emu = emulator

    def add_segment(self, name: str, *, tag_ids: list[str] = ()) -> dict[str, Any]:
        store = self._emu.store
        now = self._emu.now()
        segment_id = f"6762f25c1bb69f9f2193{len(store['segments'].items) + 0x100:04x}"
        return store["segments"].put({"type": "segment", "id": segment_id, "name": name, "created_at": now,
                                      "updated_at": now, "person_type": "user", "_tag_ids": [str(t) for t in tag_ids]})

    def add_macro(self, name: str, body_html: str, *, visible_to: str = "everyone", team_ids: list[str] = (),
                  available_on: list[str] = ("inbox",), updated_at: int | None = None) -> dict[str, Any]:
        """``body_html`` uses Intercom's own placeholders, e.g. ``{{user.name | fallback: 'there'}}``."""
        stamp = self._emu.now() if updated_at is None else updated_at
        store = self._emu.store
        return store["macros"].put({"id": new_id(store, "macros"), "name": name, "_source_html": body_html,
                                    "_created_at": stamp, "_updated_at": stamp, "visible_to": visible_to,
                                    "visible_to_team_ids": [str(t) for t in team_ids],
                                    "available_on": list(available_on)})

    def rename_team(self, team_id: str, name: str) -> None:
        self._emu.store["teams"].get(team_id)["name"] = name
