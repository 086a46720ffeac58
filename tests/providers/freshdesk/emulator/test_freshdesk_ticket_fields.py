"""Admin ticket fields: generated names, choices, nested fields, built-in fields and positions."""

from __future__ import annotations

import pytest


def dropdown(client, label="Issue Type", values=("Refund", "Faulty product")):
    body = {"label": label, "type": "custom_dropdown",
            "choices": [{"value": v, "position": n} for n, v in enumerate(values, start=1)]}
    response = client.post("/admin/ticket_fields", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def test_new_account_has_built_in_fields_in_position_order(client):
    fields = client.get("/admin/ticket_fields").json()
    assert [f["position"] for f in fields] == list(range(1, len(fields) + 1))
    by_name = {f["name"]: f for f in fields}
    assert {"requester", "subject", "status", "priority", "source", "ticket_type"} <= set(by_name)
    assert all(f["default"] is True for f in fields)
    assert by_name["status"]["choices"]["2"][0] == "Open"
    assert by_name["priority"]["choices"]["Urgent"] == 4


def test_custom_field_gets_a_generated_cf_name_that_survives_relabelling(client, error_codes):
    field = dropdown(client)
    assert field["name"] == "cf_issue_type" and field["default"] is False
    assert [(c["value"], c["position"]) for c in field["choices"]] == [("Refund", 1), ("Faulty product", 2)]
    assert all(isinstance(c["id"], int) for c in field["choices"])
    relabelled = client.put(f"/admin/ticket_fields/{field['id']}", json={"label": "Reason"}).json()
    assert relabelled["label"] == "Reason" and relabelled["name"] == "cf_issue_type"
    assert relabelled["choices"] == field["choices"]


@pytest.mark.parametrize("body, expected", [
    ({"type": "custom_text"}, {("label", "missing_field")}),
    ({"label": "Order", "type": "custom_rocket"}, {("type", "invalid_value")}),
    ({"label": "Order", "type": "custom_text", "name": "cf_order"}, {("name", "invalid_field")}),
    ({"label": "Order", "type": "custom_dropdown"}, {("choices", "missing_field")}),
    ({"label": "Order", "type": "custom_text", "choices": [{"value": "a"}]}, {("choices", "invalid_field")}),
    ({"label": "Order", "type": "custom_dropdown", "choices": [{"value": "a"}, {"value": "A"}]},
     {("choices", "duplicate_value")}),
])
def test_invalid_ticket_field_bodies(client, error_codes, body, expected):
    response = client.post("/admin/ticket_fields", json=body)
    assert response.status_code == 400
    assert error_codes(response) == expected


def test_type_is_immutable_and_labels_are_unique(client, error_codes):
    field = dropdown(client)
    changed = client.put(f"/admin/ticket_fields/{field['id']}", json={"type": "custom_text"})
    assert error_codes(changed) == {("type", "invalid_field")}
    clash = client.post("/admin/ticket_fields", json={"label": "issue type", "type": "custom_text"})
    assert clash.status_code == 409 and error_codes(clash) == {("label", "duplicate_value")}


def test_choices_merge_on_update_add_rename_delete_and_move(client):
    field = dropdown(client, values=("Refund", "Faulty product", "Late delivery"))
    refund, faulty, late = (c["id"] for c in field["choices"])
    body = {"choices": [
        {"id": faulty, "value": "Broken product"},
        {"id": late, "deleted": True},
        {"value": "Wrong item", "position": 1},
    ]}
    updated = client.put(f"/admin/ticket_fields/{field['id']}", json=body).json()
    values = [(c["value"], c["position"]) for c in updated["choices"]]
    assert values == [("Wrong item", 1), ("Refund", 2), ("Broken product", 3)]
    assert {c["id"] for c in updated["choices"]} >= {refund, faulty}
    assert late not in {c["id"] for c in updated["choices"]}


def test_choice_update_with_unknown_id_or_clashing_value_is_refused(client, error_codes):
    field = dropdown(client)
    unknown = client.put(f"/admin/ticket_fields/{field['id']}", json={"choices": [{"id": 1, "value": "x"}]})
    assert error_codes(unknown) == {("choices", "invalid_value")}
    clash = client.put(f"/admin/ticket_fields/{field['id']}", json={"choices": [{"value": "refund"}]})
    assert error_codes(clash) == {("choices", "duplicate_value")}


def test_nested_field_has_dependent_fields_with_their_own_names(client, error_codes):
    body = {
        "label": "Category", "type": "nested_field",
        "choices": [{"value": "Books", "choices": [{"value": "Fiction", "choices": [{"value": "Thriller"}]}]}],
        "dependent_fields": [{"label": "Subcategory", "label_for_customers": "Subcategory", "level": 2},
                             {"label": "Item", "label_for_customers": "Item", "level": 3}],
    }
    created = client.post("/admin/ticket_fields", json=body)
    assert created.status_code == 201, created.text
    field = created.json()
    assert [(d["name"], d["level"]) for d in field["dependent_fields"]] == [("cf_subcategory", 2), ("cf_item", 3)]
    assert all(d["ticket_field_id"] == field["id"] for d in field["dependent_fields"])
    assert field["choices"][0]["choices"][0]["choices"][0]["value"] == "Thriller"
    too_deep = dict(body, label="Other", dependent_fields=[{"label": "Sub", "level": 2}])
    assert error_codes(client.post("/admin/ticket_fields", json=too_deep)) == {("choices", "invalid_value")}
    no_levels = {"label": "Third", "type": "nested_field", "choices": [{"value": "a"}]}
    assert error_codes(client.post("/admin/ticket_fields", json=no_levels)) == {("dependent_fields", "missing_field")}


def test_built_in_fields_cannot_be_deleted_or_relabelled(client, error_codes):
    status = next(f for f in client.get("/admin/ticket_fields").json() if f["name"] == "status")
    refused = client.delete(f"/admin/ticket_fields/{status['id']}")
    assert refused.status_code == 400
    assert client.get(f"/admin/ticket_fields/{status['id']}").status_code == 200
    relabel = client.put(f"/admin/ticket_fields/{status['id']}", json={"label": "State"})
    assert error_codes(relabel) == {("label", "invalid_field")}
    flags = client.put(f"/admin/ticket_fields/{status['id']}", json={"label_for_customers": "Ticket state"})
    assert flags.status_code == 200 and flags.json()["label_for_customers"] == "Ticket state"


def test_position_inserts_and_shifts_the_others(client):
    field = client.post("/admin/ticket_fields", json={"label": "Order number", "type": "custom_text", "position": 2}).json()
    listed = client.get("/admin/ticket_fields").json()
    assert listed[1]["id"] == field["id"] and field["position"] == 2
    assert [f["position"] for f in listed] == list(range(1, len(listed) + 1))
    assert listed[2]["name"] == "subject"


def test_deleting_a_custom_field(client):
    field = client.post("/admin/ticket_fields", json={"label": "Order number", "type": "custom_number"}).json()
    assert client.delete(f"/admin/ticket_fields/{field['id']}").status_code == 204
    assert client.get(f"/admin/ticket_fields/{field['id']}").status_code == 404
    assert field["id"] not in {f["id"] for f in client.get("/admin/ticket_fields").json()}
