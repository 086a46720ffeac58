"""Dynamic content items, variants and placeholder rendering."""

from __future__ import annotations

from zendesk_emu_helpers import assert_matches_schema

BASE = "/api/v2/dynamic_content/items"


def _item(client, name="Greeting", variants=None):
    variants = variants or [{"locale_id": 1, "content": "Hello"}, {"locale_id": 8, "content": "Hallo"}]
    return client.post(BASE, json={"item": {"name": name, "default_locale_id": 1, "variants": variants}})


def test_create_item_with_placeholder_and_default_variant(client):
    created = _item(client, "Support Greeting")
    assert created.status_code == 201
    assert_matches_schema(created.json(), "DynamicContentResponse")
    item = created.json()["item"]
    assert item["placeholder"] == "{{dc.support_greeting}}"
    assert [(v["locale_id"], v["default"]) for v in item["variants"]] == [(1, True), (8, False)]
    assert_matches_schema(client.get(BASE).json(), "DynamicContentsResponse")


def test_item_validation(client):
    assert client.post(BASE, json={"item": {"name": "x", "default_locale_id": 1}}).status_code == 422
    assert _item(client, variants=[{"locale_id": 999, "content": "?"}]).status_code == 422
    assert _item(client, variants=[{"locale_id": 8, "content": "Nur Deutsch"}]).status_code == 422
    assert _item(client, variants=[{"locale_id": 1, "content": "a"}, {"locale_id": 1, "content": "b"}]).status_code == 422
    _item(client, "Dup")
    assert _item(client, "dup").status_code == 422


def test_put_item_changes_only_the_name(client):
    item = _item(client).json()["item"]
    updated = client.put(f"{BASE}/{item['id']}", json={"item": {"name": "Welcome", "default_locale_id": 8}})
    assert updated.status_code == 200
    body = updated.json()["item"]
    assert body["name"] == "Welcome" and body["default_locale_id"] == 1


def test_variant_crud_and_default_rules(client):
    item = _item(client).json()["item"]
    variants = f"{BASE}/{item['id']}/variants"
    created = client.post(variants, json={"variant": {"locale_id": 16, "content": "Bonjour"}})
    assert created.status_code == 201
    assert_matches_schema(created.json(), "DynamicContentVariantResponse")
    assert client.post(variants, json={"variant": {"locale_id": 16, "content": "Salut"}}).status_code == 422
    default_id = item["variants"][0]["id"]
    assert client.delete(f"{variants}/{default_id}").status_code == 422
    french = created.json()["variant"]["id"]
    client.put(f"{variants}/{french}", json={"variant": {"default": True}})
    flags = {v["locale_id"]: v["default"] for v in client.get(variants).json()["variants"]}
    assert flags == {1: False, 8: False, 16: True}
    assert client.get(f"{BASE}/{item['id']}").json()["item"]["default_locale_id"] == 16
    assert client.delete(f"{variants}/{default_id}").status_code == 204
    many = client.put(f"{variants}/update_many", json={"variants": [{"id": french, "content": "Bonjour !"}]})
    assert_matches_schema(many.json(), "DynamicContentVariantsResponse")
    assert many.json()["variants"][0]["content"] == "Bonjour !"


def test_raw_title_placeholder_renders_into_title(client):
    _item(client, "Order number", [{"locale_id": 1, "content": "Order #"}])
    field = client.post("/api/v2/ticket_fields", json={"ticket_field": {
        "type": "text", "raw_title": "{{dc.order_number}}"}}).json()["ticket_field"]
    assert (field["raw_title"], field["title"]) == ("{{dc.order_number}}", "Order #")


def test_locales_list_the_active_locales(client):
    body = client.get("/api/v2/locales").json()
    assert_matches_schema(body, "LocalesResponse")
    assert {loc["locale"] for loc in body["locales"]} >= {"en-US", "de"}
