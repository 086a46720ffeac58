"""Account settings singleton and brands."""

from __future__ import annotations

from zendesk_emu_helpers import assert_matches_schema


def test_settings_get_put_deep_merges_and_matches_schema(client):
    settings = client.get("/api/v2/account/settings").json()
    assert_matches_schema(settings, "AccountSettingsResponse")
    before_tickets = settings["settings"]["tickets"]
    response = client.put("/api/v2/account/settings", json={"settings": {"tickets": {"agent_collision": False}}})
    assert response.status_code == 200
    assert_matches_schema(response.json(), "AccountSettingsResponse")
    after = client.get("/api/v2/account/settings").json()["settings"]["tickets"]
    assert after == {**before_tickets, "agent_collision": False}


def test_unknown_setting_is_refused(client):
    response = client.put("/api/v2/account/settings", json={"settings": {"tickets": {"colour": "red"}}})
    assert response.status_code == 422
    assert "colour" not in client.get("/api/v2/account/settings").json()["settings"]["tickets"]


def test_default_brand_is_the_account_and_in_settings(client):
    brands = client.get("/api/v2/brands").json()
    assert_matches_schema(brands, "BrandsResponse")
    assert [b["default"] for b in brands["brands"]] == [True]
    assert "meta" in brands  # cursor-only endpoint
    default_id = client.get("/api/v2/account/settings").json()["settings"]["brands"]["default_brand_id"]
    assert default_id == brands["brands"][0]["id"]


def test_brand_create_update_delete(client):
    created = client.post("/api/v2/brands", json={"brand": {"name": "Acme Outlet", "subdomain": "acme-outlet"}})
    assert created.status_code == 201
    assert_matches_schema(created.json(), "BrandResponse")
    brand = created.json()["brand"]
    assert brand["brand_url"] == "https://acme-outlet.zendesk.com"
    form_ids = [f["id"] for f in client.get("/api/v2/ticket_forms").json()["ticket_forms"]]
    assert brand["ticket_form_ids"] == form_ids
    updated = client.put(f"/api/v2/brands/{brand['id']}", json={"brand": {"name": "Outlet"}})
    assert_matches_schema(updated.json(), "BrandResponse")
    assert updated.json()["brand"]["name"] == "Outlet"
    assert client.delete(f"/api/v2/brands/{brand['id']}").status_code == 204
    assert client.get(f"/api/v2/brands/{brand['id']}").status_code == 404


def test_brand_subdomain_rules(client):
    assert client.post("/api/v2/brands", json={"brand": {"name": "X"}}).status_code == 422
    assert client.post("/api/v2/brands", json={"brand": {"name": "X", "subdomain": "Bad_Sub"}}).status_code == 422
    assert client.post("/api/v2/brands", json={"brand": {"name": "X", "subdomain": "example"}}).status_code == 422


def test_default_brand_cannot_be_deleted(client):
    default = client.get("/api/v2/brands").json()["brands"][0]
    assert client.delete(f"/api/v2/brands/{default['id']}").status_code == 422


def test_restricted_form_shows_only_on_its_brand(client):
    brand = client.post("/api/v2/brands", json={"brand": {"name": "B", "subdomain": "bee"}}).json()["brand"]
    form = client.post("/api/v2/ticket_forms", json={"ticket_form": {
        "name": "Bee only", "in_all_brands": False, "restricted_brand_ids": [brand["id"]]}}).json()["ticket_form"]
    default = client.get("/api/v2/brands").json()["brands"][0]
    assert form["id"] not in client.get(f"/api/v2/brands/{default['id']}").json()["brand"]["ticket_form_ids"]
    assert form["id"] in client.get(f"/api/v2/brands/{brand['id']}").json()["brand"]["ticket_form_ids"]
