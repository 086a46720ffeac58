"""Solutions: categories, folders (with subfolders and visibility) and articles."""

from __future__ import annotations

import pytest


@pytest.fixture
def category(client):
    response = client.post("/solutions/categories", json={"name": "Getting started", "description": "Basics"})
    assert response.status_code == 201
    return response.json()


@pytest.fixture
def folder(client, category):
    response = client.post(f"/solutions/categories/{category['id']}/folders", json={"name": "FAQ", "visibility": 1})
    assert response.status_code == 201, response.text
    return response.json()


def new_article(client, folder, **extra):
    body = {"title": "Resetting your password", "description": "<p>Click <b>Forgot</b>.</p>", "status": 2, **extra}
    response = client.post(f"/solutions/folders/{folder['id']}/articles", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def test_category_crud_and_unique_names(client, category):
    assert category["visible_in_portals"] and category["description"] == "Basics"
    assert client.post("/solutions/categories", json={"name": "getting started"}).status_code == 409
    updated = client.put(f"/solutions/categories/{category['id']}", json={"description": "Start here"}).json()
    assert updated["name"] == "Getting started" and updated["description"] == "Start here"
    assert [c["id"] for c in client.get("/solutions/categories").json()] == [category["id"]]


def test_folder_needs_visibility_and_company_ids_for_selected_companies(client, category, error_codes):
    path = f"/solutions/categories/{category['id']}/folders"
    assert error_codes(client.post(path, json={"name": "X"})) == {("visibility", "missing_field")}
    assert error_codes(client.post(path, json={"name": "X", "visibility": 9})) == {("visibility", "invalid_value")}
    assert error_codes(client.post(path, json={"name": "X", "visibility": 4})) == {("company_ids", "missing_field")}
    assert error_codes(client.post(path, json={"name": "X", "visibility": 1, "company_ids": [5]})) == {
        ("company_ids", "invalid_value")}
    vip = client.post(path, json={"name": "VIP", "visibility": 4, "company_ids": [5]}).json()
    assert vip["company_ids"] == [5]
    opened = client.put(f"/solutions/folders/{vip['id']}", json={"visibility": 1}).json()
    assert "company_ids" not in opened


def test_folder_hierarchy_and_counts(client, category, folder):
    assert folder["category_id"] == category["id"] and "parent_folder_id" not in folder
    assert [(h["type"], h["data"]["id"]) for h in folder["hierarchy"]] == [("category", category["id"]), ("folder", folder["id"])]
    sub = client.post(f"/solutions/folders/{folder['id']}/subfolders", json={"name": "Passwords"}).json()
    assert sub["parent_folder_id"] == folder["id"] and sub["visibility"] == folder["visibility"]
    assert [h["level"] for h in sub["hierarchy"]] == [0, 1, 2]
    new_article(client, folder)
    viewed = client.get(f"/solutions/folders/{folder['id']}").json()
    assert viewed["articles_count"] == 1 and viewed["sub_folders_count"] == 1
    assert [f["id"] for f in client.get(f"/solutions/folders/{folder['id']}/subfolders").json()] == [sub["id"]]
    assert [f["id"] for f in client.get(f"/solutions/categories/{category['id']}/folders").json()] == [folder["id"]]
    assert client.post(f"/solutions/categories/{category['id']}/folders", json={"name": "faq", "visibility": 2}).status_code == 409


def test_article_text_is_derived_and_status_unpublishes(client, folder):
    article = new_article(client, folder, tags=["password", "login"])
    assert article["description_text"] == "Click Forgot." and article["status"] == 2
    assert article["category_id"] == folder["category_id"] and article["folder_id"] == folder["id"]
    assert article["agent_id"] == client.get("/agents/me").json()["id"]
    draft = client.put(f"/solutions/articles/{article['id']}", json={"status": 1}).json()
    assert draft["status"] == 1 and draft["title"] == article["title"] and draft["tags"] == ["password", "login"]


def test_article_validation(client, folder, error_codes):
    assert error_codes(client.post(f"/solutions/folders/{folder['id']}/articles", json={})) == {
        ("title", "missing_field"), ("description", "missing_field"), ("status", "missing_field")}
    bad = client.post(f"/solutions/folders/{folder['id']}/articles",
                      json={"title": "T", "description": "d", "status": 3, "seo_data": {"meta_colour": "x"}})
    assert error_codes(bad) == {("status", "invalid_value"), ("seo_data.meta_colour", "invalid_field")}


def test_moving_an_article_to_another_category_folder(client, folder):
    other_category = client.post("/solutions/categories", json={"name": "Billing"}).json()
    other = client.post(f"/solutions/categories/{other_category['id']}/folders", json={"name": "Invoices", "visibility": 3}).json()
    article = new_article(client, folder)
    moved = client.put(f"/solutions/articles/{article['id']}", json={"folder_id": other["id"]}).json()
    assert moved["folder_id"] == other["id"] and moved["category_id"] == other_category["id"]
    assert client.get(f"/solutions/folders/{folder['id']}/articles").json() == []
    assert [a["id"] for a in client.get(f"/solutions/folders/{other['id']}/articles").json()] == [article["id"]]


def test_deleting_a_category_deletes_everything_below_it(client, category, folder):
    sub = client.post(f"/solutions/folders/{folder['id']}/subfolders", json={"name": "Deep"}).json()
    article = new_article(client, sub)
    assert client.delete(f"/solutions/categories/{category['id']}").status_code == 204
    for path in (f"/solutions/categories/{category['id']}", f"/solutions/folders/{folder['id']}",
                 f"/solutions/folders/{sub['id']}", f"/solutions/articles/{article['id']}"):
        assert client.get(path).status_code == 404, path


def test_deleting_an_article(client, folder):
    article = new_article(client, folder)
    assert client.delete(f"/solutions/articles/{article['id']}").status_code == 204
    assert client.get(f"/solutions/articles/{article['id']}").status_code == 404
