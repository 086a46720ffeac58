"""Wrongly typed fields are refused with Intercom's error envelope, never a crash.

For every write endpoint, each field of a valid body is replaced in turn by values of the wrong
shape (null, numbers, booleans, empty strings, lists, objects). Whatever the emulator answers, it
must be a response — a 2xx the body allowed, or a 4xx ``error.list`` — and never an exception
escaping the transport, which a client would see as a dropped connection when served.
"""

from __future__ import annotations

import pytest

from providers.intercom.emulator import IntercomEmulator

from intercom_emu_support import OWNER_ID, FakeClock, make_client, ok

WRONG_VALUES = [None, 0, -1, 1.5, True, "", "x", [], [None], [1], {}, {"a": None}, "2026-13-45",
                [{"value": None}], [{"start_minute": "a"}], [{"newsfeed_id": "abc"}]]


def _write_endpoints(http):
    collection = ok(http.post("/help_center/collections", json={"name": "C"}))
    article = ok(http.post("/articles", json={"title": "A", "author_id": OWNER_ID}))
    ticket_type = ok(http.post("/ticket_types", json={"name": "T"}))
    tt_attr = ok(http.post(f"/ticket_types/{ticket_type['id']}/attributes",
                           json={"name": "n", "description": "d", "data_type": "list", "list_items": "a,b"}))
    data_attr = ok(http.post("/data_attributes", json={"name": "n1", "model": "contact", "data_type": "string"}))
    news = ok(http.post("/news/news_items", json={"title": "N", "sender_id": OWNER_ID}))
    interval = [{"start_minute": 0, "end_minute": 60}]
    schedule = ok(http.post("/office_hours_schedules", json={"name": "O", "time_zone_name": "Etc/UTC",
                                                             "time_intervals": interval}), 201)
    exceptions = f"/office_hours_schedules/{schedule['id']}/office_hours_exceptions"
    exception = ok(http.post(exceptions, json={"exception_date": "2026-01-01", "exception_type": "closed"}), 201)
    conv = ok(http.post("/conversations/attributes", json={"name": "L", "data_type": "list",
                                                           "options": [{"label": "a"}, {"label": "b"}]}))
    option = conv["options"][0]["id"]
    return {
        ("POST", "/data_attributes"): dict(name="ok1", model="contact", data_type="string", description="d",
                                           messenger_writable=True, options=[{"value": "a"}, {"value": "b"}]),
        ("PUT", f"/data_attributes/{data_attr['id']}"): dict(archived=True, description="d", data_type="string",
                                                              messenger_writable=True, options=[{"value": "a"}, {"value": "b"}]),
        ("POST", "/tags"): dict(name="t", id=None, companies=[], users=[]),
        ("POST", "/ticket_types"): dict(name="x", description="d", category="Customer", icon="i", is_internal=False),
        ("PUT", f"/ticket_types/{ticket_type['id']}"): dict(name="x", description="d", category="Customer", icon="i",
                                                             archived=True, is_internal=False),
        ("POST", f"/ticket_types/{ticket_type['id']}/attributes"): dict(
            name="x", description="d", data_type="string", list_items="a", multiline=True,
            allow_multiple_values=True, required_to_create=True),
        ("PUT", f"/ticket_types/{ticket_type['id']}/attributes/{tt_attr['id']}"): dict(
            name="x", description="d", data_type="list", list_items="a", archived=True, visible_to_contacts=True),
        ("POST", "/help_center/collections"): dict(name="x", description="d", parent_id=collection["id"],
                                                   help_center_id=71, translated_content={"fr": {"name": "y"}}),
        ("PUT", f"/help_center/collections/{collection['id']}"): dict(name="x", description="d", parent_id=None,
                                                                       translated_content={"fr": {"name": "y"}}),
        ("POST", "/articles"): dict(title="x", author_id=OWNER_ID, body="b", description="d", state="draft",
                                    parent_id=int(collection["id"]), parent_type="collection", audience_ids=[],
                                    translated_content={"fr": {"title": "y"}}, ai_chatbot_availability=True),
        ("PUT", f"/articles/{article['id']}"): dict(title="x", author_id=OWNER_ID, body_markdown="b", state="draft",
                                                    parent_id=collection["id"], audience_ids=[],
                                                    translated_content={"fr": {"title": "y"}}),
        ("POST", "/news/news_items"): dict(title="x", sender_id=OWNER_ID, body="b", state="draft", labels=["a"],
                                           reactions=[], deliver_silently=True, newsfeed_assignments=[{"newsfeed_id": 51}]),
        ("PUT", f"/news/news_items/{news['id']}"): dict(title="x", sender_id=OWNER_ID, state="live", labels=["a"],
                                                        reactions=[], newsfeed_assignments=[{"newsfeed_id": 51}]),
        ("POST", "/office_hours_schedules"): dict(name="x", time_zone_name="Etc/UTC", time_intervals=interval),
        ("PUT", f"/office_hours_schedules/{schedule['id']}"): dict(name="x", time_zone_name="Etc/UTC", time_intervals=interval),
        ("POST", exceptions): dict(exception_date="2026-01-02", exception_type="custom_hours", time_intervals=interval,
                                   name="n", recurring_annually=True),
        ("PUT", f"{exceptions}/{exception['id']}"): dict(exception_date="2026-01-02", exception_type="closed", name="n",
                                                         recurring_annually=True),
        ("POST", "/conversations/attributes"): dict(name="x", data_type="list", description="d", required=True,
                                                    options=[{"label": "a"}, {"label": "b"}], visible_to_team_ids=[],
                                                    multiline=True, reference={"type": "one"}),
        ("PUT", f"/conversations/attributes/{conv['id']}"): dict(name="x", description="d", required=True,
                                                                 visible_to_team_ids=[], data_type="list"),
        ("POST", f"/conversations/attributes/{conv['id']}/options"): dict(label="z"),
        ("PUT", f"/conversations/attributes/{conv['id']}/options/{option}"): dict(label="z"),
    }


def test_every_wrongly_typed_field_gets_a_response_never_a_crash():
    with make_client(IntercomEmulator(clock=FakeClock())) as http:
        endpoints = _write_endpoints(http)
        refused = 0
        for (method, path), valid in endpoints.items():
            for field in valid:
                for wrong in WRONG_VALUES:
                    response = http.request(method, path, json={**valid, field: wrong})
                    assert response.status_code < 500, (method, path, field, wrong)
                    if response.status_code >= 400:
                        refused += 1
                        assert response.json()["type"] == "error.list", (method, path, field, wrong)
    assert refused > 500  # most wrong shapes are refused, not silently stored


@pytest.mark.parametrize("raw", [b"[]", b'"x"', b"null", b"5", b"{"])
def test_bodies_that_are_not_json_objects_are_refused(client, raw):
    for path in ("/tags", "/articles", "/ticket_types", "/conversations/attributes"):
        response = client.post(path, content=raw, headers={"Content-Type": "application/json"})
        assert response.status_code == 400 and response.json()["type"] == "error.list"


@pytest.mark.parametrize("query", ["/articles?page=x", "/articles?per_page=-1", "/help_center/collections?page=0",
                                   "/data_attributes?include_archived=maybe", "/macros?starting_after=WzFd",
                                   "/news/news_items?per_page=1000"])
def test_bad_query_parameters_are_refused(client, query):
    response = client.get(query)
    assert response.status_code == 400 and response.json()["type"] == "error.list"
