"""``/news/news_items`` (full CRUD) and ``/news/newsfeeds`` (read-only).

Documented behaviour (2.16 description examples):
- create needs ``title`` and ``sender_id`` (a teammate); ``state`` is ``draft`` (default) or
  ``live``; an invalid state answers 422 "Invalid state. Must be one of: draft, live";
- ``labels`` come back sorted (sent Product, Update, New; answered New, Product, Update);
- without ``reactions`` the item shows the four default reaction slots as ``[null, null, null,
  null]``; ``[]`` disables reactions;
- ``newsfeed_assignments [{newsfeed_id, published_at}]``: ``published_at`` is ignored while the
  item is a draft, defaults to now when it goes live, and may not be in the future ("Publish
  dates cannot be in the future");
- lists are page-number paginated (default ``per_page`` 10) with ``type: "list"``;
- DELETE answers ``{"id", "object": "news-item", "deleted": true}``.
Newsfeeds cannot be edited through the API; an unknown ``newsfeed_id`` answers 400 here.
"""

from __future__ import annotations

from typing import Any

import httpx

from providers.common.emulation import Router, json_response

from .errors import ApiError, invalid, missing, not_found
from .inputs import as_int_id, body_object, optional_bool, optional_str
from .pagination import page_number_list
from .records import by_numeric_id, public
from .seed import new_id

STATES = ("draft", "live")
DEFAULT_REACTIONS = [None, None, None, None]


def register(router: Router, emu: Any) -> None:
    items = emu.store["news_items"]
    feeds = emu.store["newsfeeds"]

    def lookup(news_item_id: str) -> dict[str, Any]:
        item = items.get(news_item_id)
        if item is None:
            raise not_found()
        return item

    def render(item: dict[str, Any]) -> dict[str, Any]:
        body = public(item)
        body["newsfeed_assignments"] = [
            {k: v for k, v in a.items() if k != "published_at" or item["state"] == "live"}
            for a in item["_assignments"]]
        return body

    def assignments(raw: Any, now: int) -> list[dict[str, Any]]:
        if not isinstance(raw, list):
            raise invalid("newsfeed_assignments must be an array")
        result = []
        for entry in raw:
            if not isinstance(entry, dict) or entry.get("newsfeed_id") is None:
                raise missing("newsfeed_id is a required parameter")
            feed_id = as_int_id(entry["newsfeed_id"], "newsfeed_id")
            if feeds.get(feed_id) is None:
                raise invalid(f"Newsfeed {feed_id} not found")
            published_at = entry.get("published_at")
            if published_at is not None:
                if isinstance(published_at, bool) or not isinstance(published_at, int):
                    raise invalid("published_at must be a Unix timestamp")
                if published_at > now:
                    raise invalid("Publish dates cannot be in the future")
            result.append({"newsfeed_id": feed_id, "published_at": published_at})
        return result

    def changes_from(body: dict[str, Any], now: int) -> dict[str, Any]:
        changes: dict[str, Any] = {}
        for field in ("title", "body"):
            value = optional_str(body, field)
            if value is not None:
                changes[field] = value
        if body.get("sender_id") is not None:
            changes["sender_id"] = emu.require_admin(body["sender_id"], "sender_id")
        if body.get("state") is not None:
            if body["state"] not in STATES:
                raise ApiError(422, "parameter_invalid", "Invalid state. Must be one of: draft, live")
            changes["state"] = body["state"]
        deliver_silently = optional_bool(body, "deliver_silently")
        if deliver_silently is not None:
            changes["deliver_silently"] = deliver_silently
        if body.get("labels") is not None:
            if not isinstance(body["labels"], list) or not all(isinstance(x, str) for x in body["labels"]):
                raise invalid("labels must be an array of strings")
            changes["labels"] = sorted(set(body["labels"]))
        if body.get("reactions") is not None:
            if not isinstance(body["reactions"], list):
                raise invalid("reactions must be an array")
            changes["reactions"] = list(body["reactions"])
        if body.get("newsfeed_assignments") is not None:
            changes["_assignments"] = assignments(body["newsfeed_assignments"], now)
        return changes

    def stamp_live_assignments(item: dict[str, Any], now: int) -> None:
        for assignment in item["_assignments"]:
            if item["state"] == "live" and assignment.get("published_at") is None:
                assignment["published_at"] = now
            if item["state"] == "draft":
                assignment["published_at"] = None

    def list_items(request: httpx.Request) -> httpx.Response:
        data = [render(i) for i in by_numeric_id(items.values())]
        return json_response(200, page_number_list(request, data, default_per_page=10))

    def create_item(request: httpx.Request) -> httpx.Response:
        body = body_object(request)
        now = emu.now()
        changes = changes_from(body, now)
        if not changes.get("title", "").strip():
            raise missing("title is a required parameter")
        if "sender_id" not in changes:
            raise missing("sender_id is a required parameter")
        item = {"id": new_id(emu.store, "news_items"), "type": "news-item", "workspace_id": emu.workspace_id,
                "title": "", "body": "", "sender_id": None, "state": "draft", "labels": [],
                "cover_image_url": None, "reactions": list(DEFAULT_REACTIONS), "deliver_silently": False,
                "created_at": now, "updated_at": now, "_assignments": []}
        item.update(changes)
        stamp_live_assignments(item, now)
        items.put(item)
        return json_response(200, render(item))

    def get_item(request: httpx.Request, news_item_id: str) -> httpx.Response:
        return json_response(200, render(lookup(news_item_id)))

    def update_item(request: httpx.Request, news_item_id: str) -> httpx.Response:
        item = lookup(news_item_id)
        now = emu.now()
        changes = changes_from(body_object(request), now)
        if "title" in changes and not changes["title"].strip():
            raise invalid("title can't be blank")
        item.update(changes)
        item["updated_at"] = now
        stamp_live_assignments(item, now)
        return json_response(200, render(item))

    def delete_item(request: httpx.Request, news_item_id: str) -> httpx.Response:
        lookup(news_item_id)
        items.remove(news_item_id)
        return json_response(200, {"id": news_item_id, "object": "news-item", "deleted": True})

    def list_feeds(request: httpx.Request) -> httpx.Response:
        return json_response(200, page_number_list(request, by_numeric_id(feeds.values()), default_per_page=10))

    def get_feed(request: httpx.Request, newsfeed_id: str) -> httpx.Response:
        feed = feeds.get(newsfeed_id)
        if feed is None:
            raise not_found()
        return json_response(200, feed)

    router.add("GET", "/news/news_items", list_items)
    router.add("POST", "/news/news_items", create_item)
    router.add("GET", "/news/news_items/{news_item_id}", get_item)
    router.add("PUT", "/news/news_items/{news_item_id}", update_item)
    router.add("DELETE", "/news/news_items/{news_item_id}", delete_item)
    router.add("GET", "/news/newsfeeds", list_feeds)
    router.add("GET", "/news/newsfeeds/{newsfeed_id}", get_feed)
