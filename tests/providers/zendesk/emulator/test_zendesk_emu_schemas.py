"""Response bodies of the skeleton kinds validate against Zendesk's own OpenAPI schemas.

Every check goes through HTTP (GET list, GET one, POST, PUT) and validates the body against
the response schema support-oas.yaml names for that operation. Where the spec is narrower
than the live API, ``zendesk_emu_helpers.KNOWN_SPEC_GAPS`` says so explicitly.
"""

from __future__ import annotations

import pytest
from zendesk_emu_helpers import assert_matches_schema

STATUS_ALL = [{"field": "status", "operator": "is", "value": "new"}]


def _field_id(client):
    return client.post("/api/v2/ticket_fields", json={"ticket_field": {
        "type": "tagger", "title": "Product",
        "custom_field_options": [{"name": "A", "value": "prod_a"}]}}).json()["ticket_field"]["id"]


CASES = {
    # kind: (path, wrapper, plural, single schema, list schema, create body, update body, create status)
    "group": ("/api/v2/groups", "group", "groups", "GroupResponse", "GroupsResponse",
              {"name": "Tier 2"}, {"description": "Escalations"}, 201),
    "ticket_field": ("/api/v2/ticket_fields", "ticket_field", "ticket_fields", "TicketFieldResponse",
                     "TicketFieldsResponse",
                     {"type": "multiselect", "title": "Fruit", "custom_field_options": [
                         {"name": "Apple", "value": "apple"}]},
                     {"title": "Fruits", "required": True}, 201),
    "ticket_form": ("/api/v2/ticket_forms", "ticket_form", "ticket_forms", "TicketFormResponse",
                    "TicketFormsResponse", {"name": "Returns"}, {"active": False}, 201),
    "trigger": ("/api/v2/triggers", "trigger", "triggers", "TriggerResponse", "TriggersResponse",
                {"title": "T", "conditions": {"all": STATUS_ALL}, "actions": [{"field": "status", "value": "open"}]},
                {"description": "Why"}, 201),
    "automation": ("/api/v2/automations", "automation", "automations", "AutomationResponse",
                   "AutomationsResponse",
                   {"title": "A", "conditions": {"all": [
                       {"field": "status", "operator": "is", "value": "solved"},
                       {"field": "hours_since_solved", "operator": "greater_than", "value": "96"}]},
                    "actions": [{"field": "status", "value": "closed"}]},
                   {"active": False}, 201),
    "macro": ("/api/v2/macros", "macro", "macros", "MacroResponse", "MacrosResponse",
              {"title": "M", "actions": [{"field": "status", "value": "solved"}]}, {"description": "d"}, 200),
    "view": ("/api/v2/views", "view", "views", "ViewResponse", "ViewsResponse",
             {"title": "V", "all": STATUS_ALL, "output": {"columns": ["status", "requester"]}},
             {"output": {"columns": ["status"], "sort_by": "updated", "sort_order": "desc"}}, 200),
    "sla_policy": ("/api/v2/slas/policies", "sla_policy", "sla_policies", "SLAPolicyResponse",
                   "SLAPoliciesResponse",
                   {"title": "S", "filter": {"all": [{"field": "type", "operator": "is", "value": "incident"}]},
                    "policy_metrics": [{"priority": "high", "metric": "first_reply_time", "target": 60,
                                        "business_hours": False}]},
                   {"title": "S2"}, 201),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_kind_bodies_match_the_vendor_schema(client, kind):
    path, wrapper, plural, single, many, create, update, create_status = CASES[kind]
    created = client.post(path, json={wrapper: create})
    assert created.status_code == create_status, created.text
    assert_matches_schema(created.json(), single)
    obj_id = created.json()[wrapper]["id"]
    updated = client.put(f"{path}/{obj_id}", json={wrapper: update})
    assert updated.status_code == 200, updated.text
    assert_matches_schema(updated.json(), single)
    assert_matches_schema(client.get(f"{path}/{obj_id}").json(), single)
    listed = client.get(path).json()
    assert_matches_schema(listed, many)
    assert obj_id in [o["id"] for o in listed[plural]]


def test_ticket_field_option_bodies_match_the_vendor_schema(client):
    field_id = _field_id(client)
    base = f"/api/v2/ticket_fields/{field_id}/options"
    created = client.post(base, json={"custom_field_option": {"name": "B", "value": "prod_b"}})
    assert_matches_schema(created.json(), "CustomFieldOptionResponse")
    assert_matches_schema(client.get(base).json(), "CustomFieldOptionsResponse")


def test_bulk_endpoint_bodies_match_the_vendor_schema(client):
    triggers = client.get("/api/v2/triggers").json()["triggers"]
    body = client.put("/api/v2/triggers/update_many", json={"triggers": [{"id": triggers[0]["id"], "active": False}]})
    assert_matches_schema(body.json(), "TriggersResponse")
    views = client.get("/api/v2/views").json()["views"]
    body = client.put("/api/v2/views/update_many", json={"views": [{"id": views[0]["id"], "position": 2}]})
    assert_matches_schema(body.json(), "ViewsResponse")
    forms = client.get("/api/v2/ticket_forms").json()["ticket_forms"]
    body = client.put("/api/v2/ticket_forms/reorder", json={"ticket_form_ids": [f["id"] for f in forms]})
    assert_matches_schema(body.json(), "TicketFormsResponse")


def test_cursor_page_of_groups_matches_the_vendor_schema(client):
    assert_matches_schema(client.get("/api/v2/groups", params={"page[size]": 1}).json(), "GroupsResponse")


def test_schema_check_is_not_vacuous(client):
    """The validator must reject a body of the wrong shape, or the tests above prove nothing."""
    group = client.get("/api/v2/groups").json()["groups"][0]
    with pytest.raises(AssertionError):
        assert_matches_schema({"group": {**group, "id": str(group["id"])}}, "GroupResponse")
    with pytest.raises(AssertionError):
        assert_matches_schema({"sla_policy": {"title": 5}}, "SLAPolicyResponse")
