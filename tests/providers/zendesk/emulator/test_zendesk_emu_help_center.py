"""Help Center: categories, sections, articles and translations."""

from __future__ import annotations

import pytest
from zendesk_emu_helpers import assert_matches_schema

HC = "/api/v2/help_center"
SPEC = "help-center-oas.yaml"


def _tree(client):
    category = client.post(f"{HC}/categories", json={"category": {"name": "Billing", "locale": "en-us"}}).json()["category"]
    section = client.post(f"{HC}/categories/{category['id']}/sections",
                          json={"section": {"name": "Invoices", "locale": "en-us"}}).json()["section"]
    group_id = client.get("/api/v2/guide/permission_groups").json()["permission_groups"][0]["id"]
    article = client.post(f"{HC}/sections/{section['id']}/articles", json={"article": {
        "title": "Download an invoice", "body": "<p>Go to Billing.</p>", "locale": "en-us",
        "permission_group_id": group_id, "user_segment_id": None, "draft": True}}).json()["article"]
    return category, section, article, group_id


def test_tree_bodies_match_the_help_center_schemas(client):
    category, section, article, _ = _tree(client)
    assert_matches_schema({"category": category}, "CategoryResponse", SPEC)
    assert_matches_schema({"section": section}, "SectionResponse", SPEC)
    assert_matches_schema({"article": article}, "ArticleResponse", SPEC)
    assert_matches_schema(client.get(f"{HC}/categories").json(), "CategoriesResponse", SPEC)
    assert_matches_schema(client.get(f"{HC}/sections").json(), "SectionsResponse", SPEC)
    assert_matches_schema(client.get(f"{HC}/articles").json(), "ArticlesResponse", SPEC)
    assert_matches_schema(client.get(f"{HC}/articles/{article['id']}/translations").json(), "TranslationsResponse", SPEC)
    assert article["draft"] is True and article["section_id"] == section["id"]
    assert article["url"].endswith(f"/api/v2/help_center/en-us/articles/{article['id']}.json")
    assert "/hc/en-us/articles/" in article["html_url"]


def test_required_attributes_answer_400_with_errors_object(client):
    response = client.post(f"{HC}/categories", json={"category": {"locale": "en-us"}})
    assert response.status_code == 400 and response.json() == {"errors": {"name": ["can't be blank"]}}
    assert_matches_schema(response.json(), "BadRequestErrorResponse", SPEC)
    assert client.post(f"{HC}/categories", json={"category": {"name": "x", "locale": "xx-yy"}}).status_code == 400
    assert client.post(f"{HC}/de/categories", json={"category": {"name": "Konto"}}).json()["category"]["locale"] == "de"


def test_article_needs_permission_group_and_segment(client):
    _, section, _, group_id = _tree(client)
    base = f"{HC}/sections/{section['id']}/articles"
    no_segment = client.post(base, json={"article": {"title": "x", "locale": "en-us", "permission_group_id": group_id}})
    assert no_segment.status_code == 400 and "user_segment_id" in no_segment.json()["errors"]
    bad_group = client.post(base, json={"article": {"title": "x", "locale": "en-us", "permission_group_id": 1,
                                                    "user_segment_id": None}})
    assert bad_group.status_code == 400
    segment = client.get(f"{HC}/user_segments").json()["user_segments"][0]["id"]
    ok = client.post(base, json={"article": {"title": "x", "locale": "en-us", "permission_group_id": group_id,
                                             "user_segment_id": segment}})
    assert ok.status_code == 201 and ok.json()["article"]["user_segment_ids"] == [segment]


def test_article_put_changes_metadata_not_translated_text(client):
    _, section, article, _ = _tree(client)
    other = client.post(f"{HC}/categories/{section['category_id']}/sections",
                        json={"section": {"name": "Refunds", "locale": "en-us"}}).json()["section"]
    response = client.put(f"{HC}/articles/{article['id']}", json={"article": {
        "title": "Ignored", "draft": False, "promoted": True, "section_id": other["id"]}})
    assert response.status_code == 200
    updated = response.json()["article"]
    assert (updated["title"], updated["draft"]) == ("Download an invoice", True)
    assert updated["promoted"] is True and updated["section_id"] == other["id"]
    translated = client.put(f"{HC}/articles/{article['id']}/translations/en-us",
                            json={"translation": {"title": "Get your invoice", "draft": False}})
    assert_matches_schema(translated.json(), "TranslationResponse", SPEC)
    shown = client.get(f"{HC}/articles/{article['id']}").json()["article"]
    assert (shown["title"], shown["draft"]) == ("Get your invoice", False)


def test_category_put_changes_position_only_section_put_renames(client):
    category, section, _, _ = _tree(client)
    updated = client.put(f"{HC}/categories/{category['id']}", json={"category": {"name": "New", "position": 4}})
    assert (updated.json()["category"]["name"], updated.json()["category"]["position"]) == ("Billing", 4)
    renamed = client.put(f"{HC}/sections/{section['id']}", json={"section": {"name": "Bills", "position": 2}})
    assert (renamed.json()["section"]["name"], renamed.json()["section"]["position"]) == ("Bills", 2)


def test_translations_lifecycle_and_locale_views(client):
    _, _, article, _ = _tree(client)
    base = f"{HC}/articles/{article['id']}/translations"
    created = client.post(base, json={"translation": {"locale": "de", "title": "Rechnung herunterladen", "body": "..."}})
    assert created.status_code == 201
    assert client.post(base, json={"translation": {"locale": "de", "title": "again"}}).status_code == 400
    assert client.post(base, json={"translation": {"locale": "it", "title": "no"}}).status_code == 400
    german = client.get(f"{HC}/de/articles/{article['id']}").json()["article"]
    assert (german["title"], german["locale"]) == ("Rechnung herunterladen", "de")
    source = next(t for t in client.get(base).json()["translations"] if t["locale"] == "en-us")
    assert client.delete(f"{HC}/translations/{source['id']}").status_code == 400
    assert client.delete(f"{HC}/translations/{created.json()['translation']['id']}").status_code == 204
    assert [t["locale"] for t in client.get(base).json()["translations"]] == ["en-us"]


def test_section_parent_must_not_make_a_cycle(client):
    category, section, _, _ = _tree(client)
    child = client.post(f"{HC}/categories/{category['id']}/sections", json={"section": {
        "name": "Child", "locale": "en-us", "parent_section_id": section["id"]}}).json()["section"]
    cycle = client.put(f"{HC}/sections/{section['id']}", json={"section": {"parent_section_id": child["id"]}})
    assert cycle.status_code == 400 and cycle.json() == {"errors": {"parent_section_id": ["would result in a cycle"]}}


def test_delete_article_archives_it(client):
    _, section, article, _ = _tree(client)
    assert client.delete(f"{HC}/articles/{article['id']}").status_code == 204
    assert client.get(f"{HC}/articles/{article['id']}").status_code == 404
    assert client.get(f"{HC}/sections/{section['id']}/articles").json()["articles"] == []


def test_delete_category_cascades_to_sections_and_articles(client):
    category, section, article, _ = _tree(client)
    assert client.delete(f"{HC}/categories/{category['id']}").status_code == 204
    assert client.get(f"{HC}/sections/{section['id']}").status_code == 404
    assert client.get(f"{HC}/articles/{article['id']}").status_code == 404
    assert client.get(f"{HC}/articles").json()["articles"] == []


@pytest.mark.parametrize("per_page,expected", [(None, 30), ("5", 5)])
def test_articles_offset_pages_default_to_30(client, per_page, expected):
    _, section, _, group_id = _tree(client)
    for i in range(34):
        client.post(f"{HC}/sections/{section['id']}/articles", json={"article": {
            "title": f"A{i}", "locale": "en-us", "permission_group_id": group_id, "user_segment_id": None}})
    params = {"per_page": per_page} if per_page else {}
    body = client.get(f"{HC}/articles", params=params).json()
    assert len(body["articles"]) == expected and body["count"] == 35
