"""Cursor and offset pagination as Zendesk documents them."""

from __future__ import annotations

from zendesk_emu_helpers import all_pages


def _make_groups(client, count):
    return [client.post("/api/v2/groups", json={"group": {"name": f"G{i:02d}"}}).json()["group"]["id"]
            for i in range(count)]


def test_cursor_pages_cover_every_record_once_with_absolute_links(client):
    ids = _make_groups(client, 7)
    first = client.get("/api/v2/groups", params={"page[size]": 3}).json()
    assert len(first["groups"]) == 3
    assert first["meta"]["has_more"] is True
    assert first["links"]["next"].startswith("https://acme.zendesk.com/api/v2/groups")
    seen = [g["id"] for g in all_pages(client, "/api/v2/groups?page[size]=3", "groups")]
    assert seen[1:] == ids and len(seen) == len(set(seen)) == 8


def test_cursor_survives_deletes_and_creates_between_pages(client):
    made = [client.post("/api/v2/ticket_fields", json={"ticket_field": {"type": "text", "title": f"F{i}"}})
            .json()["ticket_field"]["id"] for i in range(4)]
    first = client.get("/api/v2/ticket_fields", params={"page[size]": 8}).json()
    first_ids = [f["id"] for f in first["ticket_fields"]]
    assert first_ids[-1] == made[0]
    client.delete(f"/api/v2/ticket_fields/{made[0]}")  # last item of the page we already have
    client.delete(f"/api/v2/ticket_fields/{made[2]}")  # an item still ahead of us
    late = client.post("/api/v2/ticket_fields", json={"ticket_field": {"type": "text", "title": "Late"}})
    rest = client.get(first["links"]["next"]).json()
    assert [f["id"] for f in rest["ticket_fields"]] == [made[1], made[3], late.json()["ticket_field"]["id"]]
    assert rest["meta"]["has_more"] is False


def test_prev_link_goes_back_to_the_previous_page(client):
    _make_groups(client, 5)
    first = client.get("/api/v2/groups", params={"page[size]": 2}).json()
    second = client.get(first["links"]["next"]).json()
    back = client.get(second["links"]["prev"]).json()
    assert [g["id"] for g in back["groups"]] == [g["id"] for g in first["groups"]]


def test_page_size_over_100_is_a_400(client):
    response = client.get("/api/v2/groups", params={"page[size]": 101})
    assert response.status_code == 400
    assert response.json()["error"] == "InvalidPaginationParameter"


def test_bad_cursor_is_a_400(client):
    assert client.get("/api/v2/groups", params={"page[after]": "%%%"}).status_code == 400


def test_offset_pagination_has_next_previous_and_count(client):
    _make_groups(client, 4)
    page1 = client.get("/api/v2/groups", params={"per_page": 2}).json()
    assert page1["count"] == 5 and len(page1["groups"]) == 2
    assert page1["previous_page"] is None
    page2 = client.get(page1["next_page"]).json()
    page3 = client.get(page2["next_page"]).json()
    assert page3["next_page"] is None and len(page3["groups"]) == 1
    assert "page=2" in page3["previous_page"]


def test_per_page_is_capped_at_100(client):
    _make_groups(client, 101)
    body = client.get("/api/v2/groups", params={"per_page": 500}).json()
    assert len(body["groups"]) == 100 and body["next_page"]


def test_offset_beyond_10000_records_is_a_400(client):
    assert client.get("/api/v2/groups", params={"page": 100, "per_page": 100}).status_code == 200
    response = client.get("/api/v2/groups", params={"page": 101, "per_page": 100})
    assert response.status_code == 400
