"""Help Center collections (nesting, translations, paging) and articles (bodies, parents, state)."""

from __future__ import annotations

import pytest

from intercom_emu_support import OWNER_ID, error_codes, ok


def article(client, **fields):
    return client.post("/articles", json={"title": "Reset your password", "author_id": OWNER_ID, **fields})


# -- collections ------------------------------------------------------------------------------

def test_collection_create_fills_server_owned_fields(create_collection):
    collection = create_collection("Billing")
    assert collection["description"] == "" and collection["icon"] == "book-bookmark"
    assert collection["parent_id"] is None and collection["help_center_id"] == 71
    assert collection["order"] == 1 and collection["url"].startswith("https://intercom.help/")


def test_sections_are_nested_collections_with_string_parent_and_no_help_center(create_collection):
    top = create_collection("Billing")
    section = create_collection("Invoices", parent_id=top["id"])
    by_int = create_collection("Refunds", parent_id=int(top["id"]))
    assert section["parent_id"] == top["id"] == by_int["parent_id"]
    assert section["help_center_id"] is None
    assert (section["order"], by_int["order"]) == (1, 2)


def test_collection_name_is_required(client):
    response = client.post("/help_center/collections", json={"description": "Missing required parameter"})
    assert response.status_code == 400
    assert response.json()["errors"][0] == {"code": "parameter_not_found", "message": "Name is a required parameter."}


def test_unknown_parent_or_a_cycle_is_refused(client, create_collection):
    assert client.post("/help_center/collections", json={"name": "x", "parent_id": "99999"}).status_code == 400
    top = create_collection("Top")
    child = create_collection("Child", parent_id=top["id"])
    response = client.put(f"/help_center/collections/{top['id']}", json={"parent_id": child["id"]})
    assert response.status_code == 400
    assert ok(client.get(f"/help_center/collections/{top['id']}"))["parent_id"] is None


def test_moving_a_section_to_top_level_gives_it_the_help_center(client, create_collection):
    top = create_collection("Top")
    child = create_collection("Child", parent_id=top["id"])
    moved = ok(client.put(f"/help_center/collections/{child['id']}", json={"parent_id": None}))
    assert (moved["parent_id"], moved["help_center_id"]) == (None, 71)


def test_translations_round_trip_on_a_multilingual_help_center(client):
    collection = ok(client.post("/help_center/collections", json={
        "name": "Billing", "description": "Money matters",
        "translated_content": {"fr": {"name": "Facturation", "description": "Argent"}}}))
    content = collection["translated_content"]
    assert collection["default_locale"] == "en"
    assert content["en"] == {"type": "group_content", "name": "Billing", "description": "Money matters"}
    assert content["fr"]["name"] == "Facturation"
    updated = ok(client.put(f"/help_center/collections/{collection['id']}",
                            json={"translated_content": {"en": {"name": "Payments"}, "de": {"name": "Zahlungen"}}}))
    assert updated["name"] == "Payments"
    assert {k: v["name"] for k, v in updated["translated_content"].items() if k != "type"} == {
        "en": "Payments", "fr": "Facturation", "de": "Zahlungen"}


def test_unknown_locale_is_refused(client):
    response = client.post("/help_center/collections", json={"name": "x", "translated_content": {"xx": {"name": "y"}}})
    assert response.status_code == 400
    assert response.json()["errors"][0] == {"code": "parameter_invalid", "message": "Unknown locale"}


def test_single_language_help_center_ignores_translations(single_language_client):
    collection = ok(single_language_client.post("/help_center/collections", json={
        "name": "Billing", "translated_content": {"fr": {"name": "Facturation"}}}))
    assert "translated_content" not in collection and "default_locale" not in collection


def test_collections_page_by_number_newest_update_first(client, clock, create_collection):
    made = []
    for index in range(5):
        made.append(create_collection(f"C{index}"))
        clock.advance(1)
    ok(client.put(f"/help_center/collections/{made[0]['id']}", json={"description": "touched"}))
    first = ok(client.get("/help_center/collections", params={"per_page": 2}))
    assert first["total_count"] == 5
    assert first["pages"]["total_pages"] == 3 and first["pages"]["page"] == 1
    assert [c["name"] for c in first["data"]] == ["C0", "C4"]
    names = []
    response = first
    while True:
        names += [c["name"] for c in response["data"]]
        if "next" not in response["pages"]:
            break
        response = ok(client.get(response["pages"]["next"]))
    assert names == ["C0", "C4", "C3", "C2", "C1"]
    assert response["pages"]["page"] == 3


def test_deleting_a_collection_removes_its_sections_and_frees_its_articles(client, create_collection):
    top = create_collection("Top")
    section = create_collection("Section", parent_id=top["id"])
    inside = ok(article(client, parent_id=int(section["id"])))
    deleted = ok(client.delete(f"/help_center/collections/{top['id']}"))
    assert deleted == {"id": top["id"], "object": "collection", "deleted": True}
    assert client.get(f"/help_center/collections/{section['id']}").status_code == 404
    assert ok(client.get(f"/articles/{inside['id']}"))["parent_ids"] == []


# -- articles ---------------------------------------------------------------------------------

def test_article_body_is_rewritten_by_the_server(client):
    plain = ok(article(client, body="Body of the Article"))
    html = ok(article(client, body="<p>New gifts</p><p>More</p>"))
    assert plain["body"] == '<p class="no-margin">Body of the Article</p>'
    assert html["body"] == '<p class="no-margin">New gifts</p><p class="no-margin">More</p>'


def test_markdown_body_is_stored_as_html_and_excludes_body(client):
    created = ok(article(client, body_markdown="# Title\n\nSome **bold** text."))
    assert created["body_markdown"] == "# Title\n\nSome **bold** text."
    assert created["body"] == '<h1>Title</h1><p class="no-margin">Some <b>bold</b> text.</p>'
    assert article(client, body="x", body_markdown="y").status_code == 400


def test_article_defaults_to_draft_and_update_without_state_keeps_it(client):
    created = ok(article(client))
    assert created["state"] == "draft"
    updated = ok(client.put(f"/articles/{created['id']}", json={"title": "New title"}))
    assert (updated["state"], updated["title"]) == ("draft", "New title")
    published = ok(client.put(f"/articles/{created['id']}", json={"state": "published"}))
    assert published["state"] == "published"
    assert ok(client.put(f"/articles/{created['id']}", json={"description": "d"}))["state"] == "published"


@pytest.mark.parametrize("body, message", [
    ({"title": "t"}, "author_id must be in the main body or default locale translated_content object"),
    ({"author_id": OWNER_ID}, "title must be in the main body or default locale translated_content object"),
])
def test_article_create_requires_title_and_author(client, body, message):
    response = client.post("/articles", json=body)
    assert response.status_code == 400
    assert response.json()["errors"][0] == {"code": "parameter_not_found", "message": message}


def test_author_may_come_from_the_default_locale_translation(client):
    created = ok(client.post("/articles", json={"translated_content": {
        "en": {"title": "Hello", "author_id": OWNER_ID}, "fr": {"title": "Bonjour", "state": "published"}}}))
    assert (created["title"], created["author_id"]) == ("Hello", OWNER_ID)
    assert created["translated_content"]["fr"]["title"] == "Bonjour"
    assert created["translated_content"]["fr"]["author_id"] == OWNER_ID


def test_author_must_be_a_teammate(client):
    assert article(client, author_id=123).status_code == 400


def test_parent_id_is_int_on_create_string_on_update_and_read_back_as_parent_ids(client, create_collection):
    first = create_collection("First")
    second = create_collection("Second")
    created = ok(article(client, parent_id=int(first["id"]), parent_type="collection"))
    assert created["parent_ids"] == [int(first["id"])]
    assert "parent_id" not in created and "parent_type" not in created  # removed from responses in 2.16
    moved = ok(client.put(f"/articles/{created['id']}", json={"parent_id": second["id"], "parent_type": "collection"}))
    assert moved["parent_ids"] == [int(second["id"])]
    assert article(client, parent_id=987654).status_code == 400


def test_unknown_audience_ids_are_a_404(client):
    response = article(client, audience_ids=[999])
    assert response.status_code == 404
    assert response.json()["errors"][0] == {"code": "parameter_invalid",
                                            "message": "audience_ids contains unknown audience IDs: 999"}


def test_refused_update_changes_nothing(client):
    created = ok(article(client))
    response = client.put(f"/articles/{created['id']}", json={"title": "Changed", "parent_id": 424242})
    assert response.status_code == 400
    assert ok(client.get(f"/articles/{created['id']}"))["title"] == "Reset your password"


def test_list_items_omit_statistics_single_reads_include_them(client):
    created = ok(article(client))
    assert created["statistics"]["type"] == "article_statistics"
    listed = ok(client.get("/articles"))
    assert listed["total_count"] == 1 and listed["pages"]["per_page"] == 25
    assert "statistics" not in listed["data"][0]


def test_delete_article(client):
    created = ok(article(client))
    assert ok(client.delete(f"/articles/{created['id']}")) == {"id": created["id"], "object": "article", "deleted": True}
    assert error_codes(client.get(f"/articles/{created['id']}")) == ["not_found"]
