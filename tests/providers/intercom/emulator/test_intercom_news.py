"""News items and newsfeeds."""

from __future__ import annotations

import pytest

from intercom_emu_support import OWNER_ID, ok

FEED_ID = 51  # the seeded "Visitor Feed"


def news(client, **fields):
    return client.post("/news/news_items", json={"title": "We have news", "sender_id": OWNER_ID, **fields})


def test_defaults_sorted_labels_and_default_reaction_slots(client):
    item = ok(news(client, labels=["Product", "Update", "New"]))
    assert item["labels"] == ["New", "Product", "Update"]
    assert item["reactions"] == [None, None, None, None]
    assert (item["state"], item["deliver_silently"], item["type"]) == ("draft", False, "news-item")
    assert ok(news(client, reactions=[]))["reactions"] == []


@pytest.mark.parametrize("missing", ["title", "sender_id"])
def test_title_and_sender_are_required(client, missing):
    body = {"title": "News", "sender_id": OWNER_ID}
    del body[missing]
    assert client.post("/news/news_items", json=body).status_code == 400


def test_sender_must_be_a_teammate(client):
    assert news(client, sender_id=1).status_code == 400


def test_invalid_state_is_422(client):
    response = news(client, state="published")
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "Invalid state. Must be one of: draft, live"


def test_going_live_stamps_the_publish_date_and_drafts_ignore_it(client, clock):
    draft = ok(news(client, newsfeed_assignments=[{"newsfeed_id": FEED_ID, "published_at": int(clock.now) - 100}]))
    assert draft["newsfeed_assignments"] == [{"newsfeed_id": FEED_ID}]
    clock.advance(60)
    live = ok(client.put(f"/news/news_items/{draft['id']}", json={"state": "live"}))
    assert live["newsfeed_assignments"] == [{"newsfeed_id": FEED_ID, "published_at": int(clock.now)}]
    backdated = ok(news(client, state="live", newsfeed_assignments=[{"newsfeed_id": FEED_ID, "published_at": 1664638214}]))
    assert backdated["newsfeed_assignments"][0]["published_at"] == 1664638214


def test_future_publish_dates_and_unknown_feeds_are_refused(client, clock):
    future = news(client, state="live", newsfeed_assignments=[{"newsfeed_id": FEED_ID, "published_at": int(clock.now) + 3600}])
    assert future.status_code == 400
    assert news(client, newsfeed_assignments=[{"newsfeed_id": 999}]).status_code == 400


def test_update_list_and_delete(client):
    item = ok(news(client))
    updated = ok(client.put(f"/news/news_items/{item['id']}", json={"title": "Christmas is here!", "reactions": ["😝"]}))
    assert (updated["title"], updated["reactions"], updated["sender_id"]) == ("Christmas is here!", ["😝"], OWNER_ID)
    listed = ok(client.get("/news/news_items"))
    assert listed["pages"]["per_page"] == 10 and [i["id"] for i in listed["data"]] == [item["id"]]
    assert ok(client.delete(f"/news/news_items/{item['id']}")) == {"id": item["id"], "object": "news-item", "deleted": True}
    assert client.get(f"/news/news_items/{item['id']}").status_code == 404


def test_newsfeeds_are_readable_but_not_writable(client):
    feeds = ok(client.get("/news/newsfeeds"))
    assert [f["name"] for f in feeds["data"]] == ["Visitor Feed"]
    assert ok(client.get(f"/news/newsfeeds/{FEED_ID}"))["type"] == "newsfeed"
    assert client.post("/news/newsfeeds", json={"name": "x"}).status_code == 404
