"""``/help_center/collections``: Help Center collections, and sections as nested collections.

Documented behaviour (2.16 description, ``examples/collection-*.json``):
- a section is a collection with ``parent_id`` (a string id); ``help_center_id`` (an int) is set
  on top-level collections and ``null`` on nested ones, as the list example shows;
- create needs ``name`` ("Name is a required parameter.", 400 ``parameter_not_found``) — given at
  the top level or as the default locale's ``translated_content`` name; ``description``
  defaults to "" and ``icon`` to ``book-bookmark``; ``url``, ``order``, ``icon`` and
  ``workspace_id`` are server-owned;
- the list is page-number paginated (default ``per_page`` 20, as in the example) and sorted by
  ``updated_at`` descending;
- DELETE answers ``{"id", "object": "collection", "deleted": true}``.
Undocumented, chosen here: an unknown ``parent_id``, or one that would make a cycle, answers 400
``parameter_invalid``; deleting a collection deletes its nested collections and leaves their
articles standalone.
"""

from __future__ import annotations

from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .article_html import slug
from .errors import invalid, missing, not_found
from .inputs import as_int_id, body_object, optional_str
from .pagination import page_number_list
from .records import public
from .seed import new_id
from .translations import requested_translations

CONTENT_FIELDS = ("name", "description")


def register(router: Router, emu: Any) -> None:
    collections = emu.store["collections"]

    def lookup(collection_id: str) -> dict[str, Any]:
        collection = collections.get(collection_id)
        if collection is None:
            raise not_found()
        return collection

    def render(collection: dict[str, Any]) -> dict[str, Any]:
        body = public(collection)
        if emu.multilingual:
            content = {emu.default_locale: {"name": collection["name"], "description": collection["description"]},
                       **collection.get("_translations", {})}
            body["default_locale"] = emu.default_locale
            body["translated_content"] = {"type": "group_translated_content", **{
                locale: {"type": "group_content", "name": c.get("name", ""), "description": c.get("description", "")}
                for locale, c in content.items()}}
        return body

    def resolve_parent(raw: Any, moving: dict[str, Any] | None) -> str | None:
        if raw is None:
            return None
        parent_id = str(as_int_id(raw, "parent_id"))
        parent = collections.get(parent_id)
        if parent is None:
            raise invalid("parent_id must be the id of an existing collection")
        node: dict[str, Any] | None = parent
        while moving is not None and node is not None:
            if node["id"] == moving["id"]:
                raise invalid("A collection cannot be moved inside itself")
            node = collections.get(node["parent_id"]) if node["parent_id"] else None
        return parent_id

    def apply_content(collection: dict[str, Any], body: dict[str, Any]) -> None:
        translations = requested_translations(emu, body, CONTENT_FIELDS)
        default = translations.pop(emu.default_locale, {})
        for field in CONTENT_FIELDS:
            value = optional_str(body, field)
            if value is None:
                value = default.get(field)
            if value is not None:
                collection[field] = value
        stored = collection.setdefault("_translations", {})
        for locale, content in translations.items():
            stored.setdefault(locale, {}).update(content)

    def list_collections(request: httpx.Request) -> httpx.Response:
        ordered = sorted(collections.values(), key=lambda c: (c["updated_at"], int(c["id"])), reverse=True)
        return json_response(200, page_number_list(request, [render(c) for c in ordered], default_per_page=20))

    def create_collection(request: httpx.Request) -> httpx.Response:
        body = body_object(request)
        collection: dict[str, Any] = {"description": ""}
        apply_content(collection, body)
        if not collection.get("name", "").strip():
            raise missing("Name is a required parameter.")
        parent_id = resolve_parent(body.get("parent_id"), None)
        help_center = emu.default_help_center()
        if body.get("help_center_id") is not None:
            help_center = emu.store["help_centers"].get(str(as_int_id(body["help_center_id"], "help_center_id")))
            if help_center is None:
                raise not_found()
        collection_id = new_id(emu.store, "collections")
        siblings = [c for c in collections.values() if c["parent_id"] == parent_id]
        now = emu.now()
        collection.update({
            "id": collection_id, "workspace_id": emu.workspace_id,
            "url": f"{help_center['url']}/{emu.default_locale}/collections/{collection_id}-{slug(collection['name'])}",
            "order": len(siblings) + 1, "created_at": now, "updated_at": now, "icon": "book-bookmark",
            "parent_id": parent_id, "help_center_id": None if parent_id else int(help_center["id"]),
        })
        collections.put(collection)
        return json_response(200, render(collection))

    def get_collection(request: httpx.Request, collection_id: str) -> httpx.Response:
        return json_response(200, render(lookup(collection_id)))

    def update_collection(request: httpx.Request, collection_id: str) -> httpx.Response:
        collection = lookup(collection_id)
        body = body_object(request)
        if "name" in body and not (optional_str(body, "name") or "").strip():
            raise invalid("Name can't be blank")
        apply_content(collection, body)
        if "parent_id" in body:
            parent_id = resolve_parent(body["parent_id"], collection)
            if parent_id != collection["parent_id"]:
                collection["parent_id"] = parent_id
                collection["help_center_id"] = None if parent_id else int(emu.default_help_center()["id"])
        collection["updated_at"] = emu.now()
        return json_response(200, render(collection))

    def delete_collection(request: httpx.Request, collection_id: str) -> httpx.Response:
        lookup(collection_id)
        doomed = {collection_id}
        grew = True
        while grew:
            children = {c["id"] for c in collections.values() if c["parent_id"] in doomed} - doomed
            doomed |= children
            grew = bool(children)
        for each in doomed:
            collections.remove(each)
        for article in emu.store["articles"].values():
            if article.get("_parent_id") is not None and str(article["_parent_id"]) in doomed:
                article["_parent_id"] = None
                article["_parent_type"] = None
        return json_response(200, {"id": collection_id, "object": "collection", "deleted": True})

    router.add("GET", "/help_center/collections", list_collections)
    router.add("POST", "/help_center/collections", create_collection)
    router.add("GET", "/help_center/collections/{collection_id}", get_collection)
    router.add("PUT", "/help_center/collections/{collection_id}", update_collection)
    router.add("DELETE", "/help_center/collections/{collection_id}", delete_collection)
