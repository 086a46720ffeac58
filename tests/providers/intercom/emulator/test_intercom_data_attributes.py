"""Data attributes: built-ins, create rules, archive instead of delete, immutable data_type."""

from __future__ import annotations

import pytest

from intercom_emu_support import error_codes, ok


def create(client, **fields):
    return client.post("/data_attributes", json={"model": "contact", "data_type": "string", **fields})


def listed(client, **params):
    return ok(client.get("/data_attributes", params=params))["data"]


def test_fresh_workspace_lists_standard_attributes_that_are_not_writable_objects(client):
    contact = listed(client, model="contact")
    company = listed(client, model="company")
    assert {a["model"] for a in contact} == {"contact"} and {a["model"] for a in company} == {"company"}
    assert {"email", "name", "phone"} <= {a["name"] for a in contact}
    assert {"plan.name", "monthly_spend", "website"} <= {a["full_name"] for a in company}
    assert all(a["custom"] is False and "id" not in a for a in contact + company)
    both = listed(client)
    assert len(both) == len(contact) + len(company)


def test_create_answers_the_documented_custom_attribute_shape(client):
    attribute = ok(create(client, name="Mithril Shirt", model="company", description="Armour"))
    assert isinstance(attribute["id"], int)
    assert attribute["full_name"] == "custom_attributes.Mithril Shirt"
    assert attribute["label"] == "Mithril Shirt"
    assert (attribute["custom"], attribute["archived"], attribute["api_writable"]) == (True, False, True)
    assert attribute["admin_id"] == "991267401"
    assert attribute in listed(client, model="company")
    assert attribute not in listed(client, model="contact")


def test_options_type_is_answered_as_string_with_option_values(client):
    attribute = ok(create(client, name="plan_tier", data_type="options",
                          options=[{"value": "gold"}, {"value": "silver"}]))
    assert attribute["data_type"] == "string"
    assert attribute["options"] == ["gold", "silver"]


@pytest.mark.parametrize("options", [[{"value": "only"}], [], {"value": "x"}, None])
def test_options_type_needs_at_least_two_options(client, options):
    response = create(client, name="tier", data_type="options", options=options)
    assert response.status_code == 400
    assert error_codes(response) == ["parameter_invalid"]


def test_name_is_unique_across_contact_and_company_models(client):
    ok(create(client, name="The One Ring", model="company"))
    response = create(client, name="the one ring", model="contact", data_type="integer")
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        "You already have 'The One Ring' in your company data. To save this as new people data, use a different name.")


@pytest.mark.parametrize("name", ["!nv@l!d n@me", "dotted.name", "semi;colon"])
def test_names_allow_only_alphanumerics_currency_symbols_and_hyphens(client, name):
    response = create(client, name=name)
    assert response.status_code == 400
    assert "alphanumeric characters, currency symbols, and hyphens" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("name", ["price_€", "tier-2", "Plan Name"])
def test_names_with_currency_hyphen_underscore_and_space_are_accepted(client, name):
    assert create(client, name=name).status_code == 200


@pytest.mark.parametrize("fields, message", [
    ({"data_type": "mithril"}, "Data Type isn't an option"),
    ({"model": "conversation"}, "The Data Attribute model field must be either contact or company"),
])
def test_invalid_type_or_model_is_refused(client, fields, message):
    response = create(client, name="ring", **fields)
    assert response.status_code == 400
    assert response.json()["errors"][0] == {"code": "parameter_invalid", "message": message}


def test_listing_the_conversation_model_is_gone_in_2_16(client):
    response = client.get("/data_attributes", params={"model": "conversation"})
    assert response.status_code == 422
    assert error_codes(response) == ["parameter_invalid"]


def test_archive_hides_the_attribute_unless_include_archived_and_unarchive_restores(client):
    attribute = ok(create(client, name="legacy_flag", data_type="boolean"))
    archived = ok(client.put(f"/data_attributes/{attribute['id']}", json={"archived": True}))
    assert archived["archived"] is True
    assert attribute["id"] not in [a.get("id") for a in listed(client, model="contact")]
    assert attribute["id"] in [a.get("id") for a in listed(client, model="contact", include_archived="true")]
    ok(client.put(f"/data_attributes/{attribute['id']}", json={"archived": False}))
    assert attribute["id"] in [a.get("id") for a in listed(client, model="contact")]


def test_archived_name_stays_taken(client):
    attribute = ok(create(client, name="old_score", data_type="integer"))
    ok(client.put(f"/data_attributes/{attribute['id']}", json={"archived": True}))
    assert create(client, name="old_score", data_type="integer").status_code == 400


def test_update_changes_description_and_options_but_not_data_type(client):
    attribute = ok(create(client, name="size_band", data_type="options", options=[{"value": "S"}, {"value": "M"}]))
    updated = ok(client.put(f"/data_attributes/{attribute['id']}",
                            json={"description": "T-shirt size", "options": [{"value": "S"}, {"value": "L"}]}))
    assert (updated["description"], updated["options"]) == ("T-shirt size", ["S", "L"])
    refused = client.put(f"/data_attributes/{attribute['id']}", json={"data_type": "integer"})
    assert refused.status_code == 400
    assert [a for a in listed(client) if a.get("id") == attribute["id"]][0]["data_type"] == "string"


def test_update_with_a_non_array_options_value_is_refused(client):
    attribute = ok(create(client, name="band", data_type="options", options=[{"value": "a"}, {"value": "b"}]))
    response = client.put(f"/data_attributes/{attribute['id']}", json={"options": {"value": "1-10"}})
    assert response.json()["errors"][0] == {"code": "parameter_invalid", "message": "Options isn't an array"}


def test_update_of_unknown_attribute_is_field_not_found(client):
    response = client.put("/data_attributes/999999", json={"description": "x"})
    assert response.status_code == 404
    assert response.json()["errors"][0] == {"code": "field_not_found",
                                            "message": "We couldn't find that data attribute to update"}
