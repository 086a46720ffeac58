"""``/tags``: list, create-or-update by name, read, delete.

Documented behaviour (2.16 description, ``examples/tag-*.json``):
- ``POST /tags {"name"}`` creates the tag or, when a tag of that name exists (names are case
  insensitive), returns the existing one; ``{"id", "name"}`` renames tag ``id``;
- a body without a usable ``name`` answers 400 ``parameter_invalid`` "invalid tag parameters";
- the same POST tags/untags ``companies`` or ``users``; this workspace holds no companies or
  contacts, so those forms answer the documented 404s (``company_not_found``, "User Not Found");
- ``DELETE`` of a tag a segment filters on answers 400 ``tag_has_dependent_objects`` "Unable to
  delete Tag with dependent objects. Segments: <names>."; otherwise 200 with an empty body.
Renaming onto another tag's name is refused here (tag names are unique in the UI); the real
API's answer to that is undocumented.
"""

from __future__ import annotations

from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .errors import ApiError, invalid, not_found
from .inputs import body_object
from .records import by_numeric_id
from .seed import new_id


def register(router: Router, emu: Any) -> None:
    tags = emu.store["tags"]

    def find_by_name(name: str) -> dict[str, Any] | None:
        return next((t for t in tags.values() if t["name"].casefold() == name.casefold()), None)

    def list_tags(request: httpx.Request) -> httpx.Response:
        return json_response(200, {"type": "list", "data": by_numeric_id(tags.values())})

    def create_or_update(request: httpx.Request) -> httpx.Response:
        body = body_object(request)
        name = body.get("name")
        if not isinstance(name, str) or not name.strip():
            raise invalid("invalid tag parameters")
        if "companies" in body:
            raise ApiError(404, "company_not_found", "Company Not Found")
        if "users" in body:
            raise ApiError(404, "not_found", "User Not Found")
        if body.get("id") is not None:
            tag = tags.get(str(body["id"]))
            if tag is None:
                raise not_found()
            clash = find_by_name(name)
            if clash is not None and clash["id"] != tag["id"]:
                raise invalid(f"A tag named '{clash['name']}' already exists")
            tag["name"] = name
            return json_response(200, tag)
        tag = find_by_name(name)
        if tag is None:
            tag = tags.put({"type": "tag", "id": new_id(emu.store, "tags"), "name": name})
        return json_response(200, tag)

    def get_tag(request: httpx.Request, tag_id: str) -> httpx.Response:
        tag = tags.get(tag_id)
        if tag is None:
            raise not_found()
        return json_response(200, tag)

    def delete_tag(request: httpx.Request, tag_id: str) -> httpx.Response:
        tag = tags.get(tag_id)
        if tag is None:
            raise not_found()
        dependents = [s["name"] for s in emu.store["segments"].values() if tag_id in s.get("_tag_ids", [])]
        if dependents:
            raise ApiError(400, "tag_has_dependent_objects",
                           f"Unable to delete Tag with dependent objects. Segments: {', '.join(dependents)}.")
        tags.remove(tag_id)
        return json_response(200)

    router.add("GET", "/tags", list_tags)
    router.add("POST", "/tags", create_or_update)
    router.add("GET", "/tags/{tag_id}", get_tag)
    router.add("DELETE", "/tags/{tag_id}", delete_tag)
