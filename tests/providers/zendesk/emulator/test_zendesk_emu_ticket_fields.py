"""Ticket fields and their options."""

from __future__ import annotations

SYSTEM = ["subject", "description", "status", "tickettype", "priority", "group", "assignee"]


def _create(client, **field):
    return client.post("/api/v2/ticket_fields", json={"ticket_field": field})


def _dropdown(client, title="Product", values=("apple", "pear")):
    options = [{"name": v.capitalize(), "value": v} for v in values]
    return _create(client, type="tagger", title=title, custom_field_options=options)


def test_fresh_account_has_the_system_fields_which_cannot_be_deleted(client):
    fields = client.get("/api/v2/ticket_fields").json()["ticket_fields"]
    assert [f["type"] for f in fields] == SYSTEM
    assert all(f["removable"] is False for f in fields)
    response = client.delete(f"/api/v2/ticket_fields/{fields[0]['id']}")
    assert response.status_code == 422
    assert len(client.get("/api/v2/ticket_fields").json()["ticket_fields"]) == 7


def test_unpaginated_without_page_size(client):
    for i in range(105):
        _create(client, type="text", title=f"T{i}")
    body = client.get("/api/v2/ticket_fields").json()
    assert len(body["ticket_fields"]) == 112 and body["next_page"] is None


def test_create_text_field_with_raw_title_mirroring(client):
    response = _create(client, type="text", title="Order number")
    assert response.status_code == 201
    field = response.json()["ticket_field"]
    assert field["raw_title"] == "Order number" and field["removable"] is True
    assert field["position"] > 7
    renamed = client.put(f"/api/v2/ticket_fields/{field['id']}", json={"ticket_field": {"raw_title": "Order #"}})
    assert renamed.json()["ticket_field"]["title"] == "Order #"


def test_type_and_title_required_and_type_must_be_known(client):
    assert _create(client, title="No type").status_code == 422
    assert _create(client, type="text").status_code == 422
    assert _create(client, type="colour", title="Bad").status_code == 422


def test_type_cannot_change(client):
    field = _create(client, type="text", title="Notes").json()["ticket_field"]
    response = client.put(f"/api/v2/ticket_fields/{field['id']}", json={"ticket_field": {"type": "textarea"}})
    assert response.status_code == 422
    assert response.json()["details"]["type"]
    assert client.get(f"/api/v2/ticket_fields/{field['id']}").json()["ticket_field"]["type"] == "text"


def test_tagger_and_multiselect_need_options(client):
    assert _create(client, type="tagger", title="Empty").status_code == 422
    assert _create(client, type="multiselect", title="Empty", custom_field_options=[]).status_code == 422


def test_options_get_ids_raw_name_and_positions(client):
    field = _dropdown(client).json()["ticket_field"]
    options = field["custom_field_options"]
    assert [(o["name"], o["raw_name"], o["value"], o["position"], o["default"]) for o in options] == [
        ("Apple", "Apple", "apple", 0, False), ("Pear", "Pear", "pear", 1, False)]
    assert all(isinstance(o["id"], int) for o in options)


def test_put_options_replaces_the_list_and_keeps_ids_matched_by_id_or_value(client):
    field = _dropdown(client, values=("apple", "pear", "plum")).json()["ticket_field"]
    apple, pear, _plum = field["custom_field_options"]
    new_list = [{"id": pear["id"], "name": "Pear!", "value": "pear"},
                {"name": "Apple again", "value": "apple"},
                {"name": "Kiwi", "value": "kiwi"}]
    updated = client.put(f"/api/v2/ticket_fields/{field['id']}",
                         json={"ticket_field": {"custom_field_options": new_list}}).json()["ticket_field"]
    got = {o["value"]: o for o in updated["custom_field_options"]}
    assert set(got) == {"pear", "apple", "kiwi"}
    assert got["pear"]["id"] == pear["id"] and got["pear"]["name"] == "Pear!"
    assert got["apple"]["id"] == apple["id"]
    assert got["kiwi"]["id"] not in {apple["id"], pear["id"], _plum["id"]}


def test_tag_cannot_be_reused_across_fields(client):
    _dropdown(client, title="First", values=("shared",))
    response = _dropdown(client, title="Second", values=("shared",))
    assert response.status_code == 422
    assert response.json()["details"]["base"][0]["description"] == (
        "The tag shared is already used in a custom field drop-down, multi-select or checkbox.")
    checkbox = _create(client, type="checkbox", title="Flag", tag="shared")
    assert checkbox.status_code == 422


def test_checkbox_tag_blocks_option_values(client):
    assert _create(client, type="checkbox", title="VIP", tag="vip").status_code == 201
    assert _dropdown(client, title="Tiers", values=("vip", "basic")).status_code == 422


def test_at_most_2000_options(client):
    too_many = [{"name": f"O{i}", "value": f"o_{i}"} for i in range(2001)]
    assert _create(client, type="tagger", title="Huge", custom_field_options=too_many).status_code == 422
    assert _create(client, type="tagger", title="Big", custom_field_options=too_many[:2000]).status_code == 201


def test_option_endpoints_create_update_show_delete(client):
    field = _dropdown(client).json()["ticket_field"]
    base = f"/api/v2/ticket_fields/{field['id']}/options"
    created = client.post(base, json={"custom_field_option": {"name": "Grapes", "value": "grape"}})
    assert created.status_code == 201 and created.headers["Location"].endswith(f"/ticket_fields/{field['id']}/options")
    option = created.json()["custom_field_option"]
    assert option["url"].endswith(f"/options/{option['id']}.json") and option["position"] == 2
    updated = client.post(base, json={"custom_field_option": {"id": option["id"], "name": "Grapes!"}})
    assert updated.status_code == 200 and updated.json()["custom_field_option"]["value"] == "grape"
    assert client.get(f"{base}/{option['id']}").json()["custom_field_option"]["name"] == "Grapes!"
    assert [o["value"] for o in client.get(base).json()["custom_field_options"]] == ["apple", "pear", "grape"]
    assert client.delete(f"{base}/{option['id']}").status_code == 204
    assert client.get(f"{base}/{option['id']}").status_code == 404


def test_option_endpoint_refuses_tag_used_by_another_field(client):
    _dropdown(client, title="A", values=("red",))
    other = _dropdown(client, title="B", values=("blue",)).json()["ticket_field"]
    response = client.post(f"/api/v2/ticket_fields/{other['id']}/options",
                           json={"custom_field_option": {"name": "Red", "value": "red"}})
    assert response.status_code == 422


def test_reorder_puts_listed_first_and_appends_the_rest(client):
    a = _create(client, type="text", title="A").json()["ticket_field"]["id"]
    b = _create(client, type="text", title="B").json()["ticket_field"]["id"]
    response = client.put("/api/v2/ticket_fields/reorder", json={"ticket_field_ids": [b, a]})
    assert response.status_code == 200
    ids = [f["id"] for f in client.get("/api/v2/ticket_fields").json()["ticket_fields"]]
    assert ids[:2] == [b, a] and len(ids) == 9
    positions = [f["position"] for f in client.get("/api/v2/ticket_fields").json()["ticket_fields"]]
    assert positions == sorted(positions)


def test_deleting_a_custom_field(client):
    field = _create(client, type="text", title="Gone").json()["ticket_field"]
    assert client.delete(f"/api/v2/ticket_fields/{field['id']}").status_code == 204
    assert client.get(f"/api/v2/ticket_fields/{field['id']}").status_code == 404
