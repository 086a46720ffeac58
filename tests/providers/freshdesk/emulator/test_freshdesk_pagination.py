"""Freshdesk pagination: page/per_page, the Link header, and the two endpoints that differ."""

from __future__ import annotations

import re

import httpx
import pytest


def next_link(response: httpx.Response) -> str | None:
    found = re.match(r'<([^>]+)>;\s*rel="next"', response.headers.get("Link", ""))
    return found.group(1) if found else None


@pytest.fixture
def many_groups(client) -> list[int]:
    return [client.post("/groups", json={"name": f"Group {n:02d}"}).json()["id"] for n in range(35)]


def test_default_page_is_30_with_a_link_to_the_rest(client, many_groups):
    first = client.get("/groups")
    assert [g["id"] for g in first.json()] == many_groups[:30]
    link = next_link(first)
    assert link is not None and "page=2" in link
    second = client.get(link)
    assert [g["id"] for g in second.json()] == many_groups[30:]
    assert next_link(second) is None


def test_explicit_per_page_is_kept_in_the_next_link(client, many_groups):
    seen, url = [], "/groups?per_page=10"
    while url:
        response = client.get(url)
        seen.extend(g["id"] for g in response.json())
        url = next_link(response)
        if url:
            assert "per_page=10" in url
    assert seen == many_groups


def test_the_last_full_page_has_no_link(client):
    for n in range(3):
        client.post("/groups", json={"name": f"G{n}"})
    assert next_link(client.get("/groups?per_page=3")) is None
    assert client.get("/groups?per_page=3&page=2").json() == []


@pytest.mark.parametrize("query, field", [
    ("per_page=101", "per_page"),
    ("per_page=0", "per_page"),
    ("per_page=ten", "per_page"),
    ("page=0", "page"),
])
def test_out_of_range_page_parameters_are_refused(client, error_codes, query, field):
    response = client.get(f"/agents?{query}")
    assert response.status_code == 400
    assert error_codes(response) == {(field, "invalid_value")}


def test_per_page_100_is_the_maximum_allowed(client, many_groups):
    assert len(client.get("/groups?per_page=100").json()) == 35


def test_admin_ticket_fields_rejects_paging_and_returns_everything(client, error_codes):
    for n in range(35):
        assert client.post("/admin/ticket_fields", json={"label": f"Field {n}", "type": "custom_text"}).status_code == 201
    everything = client.get("/admin/ticket_fields")
    assert len(everything.json()) == 10 + 35
    assert "Link" not in everything.headers
    refused = client.get("/admin/ticket_fields?page=1&per_page=100")
    assert refused.status_code == 400
    assert error_codes(refused) == {("page", "invalid_field"), ("per_page", "invalid_field")}


def test_ticket_forms_accept_at_most_50_per_page(client, error_codes):
    assert client.get("/ticket-forms?per_page=50").status_code == 200
    refused = client.get("/ticket-forms?per_page=51")
    assert refused.status_code == 400
    assert error_codes(refused) == {("per_page", "invalid_value")}
