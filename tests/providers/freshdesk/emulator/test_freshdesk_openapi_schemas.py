"""Emulator response bodies validate against the community Freshdesk OpenAPI description.

The vendored spec (``shared/vendor-specs/freshdesk/``) covers groups, agents, roles, contact and
company fields, SLA policies, business hours and solutions; it has nothing for the other kinds.
Where it contradicts what a live account returns, the live behaviour wins and the schema is
corrected here, each correction with its source (research note 1.5 and the live client it cites):

- ``Group.auto_ticket_assign`` is 0/1 on the groups endpoint, not a boolean (doc example
  ``group-create-response.json``, [L] groups.go);
- ``Field.choices`` is an array of objects on custom fields and one of several map shapes on
  built-in ones, not an array of strings ([L] types.go);
- ``SLAPolicy.id`` and ``BusinessHour.id`` are JSON strings on a live account ([L] README).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

SPEC_PATH = Path(__file__).resolve().parents[4].parent / "shared" / "vendor-specs" / "freshdesk" / \
    "freshdesk-rest-api-openapi.community.yml"
CORRECTIONS = {
    ("Group", "auto_ticket_assign"): {"type": "integer", "enum": [0, 1]},
    ("Field", "choices"): {},
    ("SLAPolicy", "id"): {"type": "string"},
    ("BusinessHour", "id"): {"type": "string"},
}
SCHEMA_KEYWORDS_DROPPED = {"nullable", "description", "example"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    assert SPEC_PATH.exists(), f"the vendored spec is expected at {SPEC_PATH} (shared/ beside the project)"
    loaded = yaml.safe_load(SPEC_PATH.read_text())
    corrected = copy.deepcopy(loaded)
    for (schema, prop), replacement in CORRECTIONS.items():
        corrected["components"]["schemas"][schema]["properties"][prop] = replacement
    return corrected


def lookup(spec: dict[str, Any], ref: str) -> dict[str, Any]:
    node: Any = spec
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


def to_json_schema(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Inline ``$ref``s and turn OpenAPI 3.0 ``nullable`` into JSON Schema type unions."""
    if "$ref" in schema:
        return to_json_schema(spec, lookup(spec, schema["$ref"]))
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in SCHEMA_KEYWORDS_DROPPED:
            continue
        if key == "properties":
            out[key] = {name: to_json_schema(spec, sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties") and isinstance(value, dict):
            out[key] = to_json_schema(spec, value)
        elif key in ("allOf", "anyOf", "oneOf"):
            out[key] = [to_json_schema(spec, sub) for sub in value]
        else:
            out[key] = value
    if schema.get("nullable"):
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
    return out


def response_schema(spec: dict[str, Any], method: str, path: str, status: int) -> dict[str, Any]:
    response = spec["paths"][path][method.lower()]["responses"][str(status)]
    if "$ref" in response:
        response = lookup(spec, response["$ref"])
    return to_json_schema(spec, response["content"]["application/json"]["schema"])


def assert_valid(spec: dict[str, Any], method: str, path: str, response) -> None:
    schema = response_schema(spec, method, path, response.status_code)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(response.json())]
    assert not problems, f"{method} {path} -> {response.status_code}: {problems}"


@pytest.fixture
def account(client, agent_ids) -> dict[str, Any]:
    """One object of every spec-covered writable kind, created through the API."""
    group = client.post("/groups", json={"name": "Billing", "agent_ids": agent_ids[:1], "escalate_to": agent_ids[0]})
    targets = {f"priority_{n}": {"respond_within": 900, "resolve_within": 3600, "business_hours": True,
                                 "escalation_enabled": False} for n in range(1, 5)}
    client.post("/sla_policies", json={"name": "Billing SLA", "sla_target": targets,
                                       "applicable_to": {"group_ids": [group.json()["id"]]}})
    client.post("/contact_fields", json={"label": "Plan", "label_for_customers": "Plan", "type": "custom_dropdown",
                                         "choices": [{"value": "Gold"}]})
    client.post("/company_fields", json={"label": "Tier", "type": "custom_text"})
    category = client.post("/solutions/categories", json={"name": "FAQ"})
    folder = client.post(f"/solutions/categories/{category.json()['id']}/folders",
                         json={"name": "Accounts", "visibility": 4, "company_ids": [7]})
    article = client.post(f"/solutions/folders/{folder.json()['id']}/articles",
                          json={"title": "Reset", "description": "<p>Reset it</p>", "status": 1, "tags": ["login"]})
    return {"group": group, "category": category, "folder": folder, "article": article, "agent": agent_ids[1]}


def test_create_responses_match_the_spec(spec, account):
    assert_valid(spec, "POST", "/groups", account["group"])
    assert_valid(spec, "POST", "/solutions/categories", account["category"])
    assert_valid(spec, "POST", "/solutions/categories/{category_id}/folders", account["folder"])
    assert_valid(spec, "POST", "/solutions/folders/{folder_id}/articles", account["article"])


def test_list_and_view_responses_match_the_spec(spec, client, account):
    group_id = account["group"].json()["id"]
    category_id = account["category"].json()["id"]
    folder_id = account["folder"].json()["id"]
    article_id = account["article"].json()["id"]
    role_id = client.get("/roles").json()[0]["id"]
    hours_id = client.get("/business_hours").json()[0]["id"]
    checks = [
        ("/groups", "/groups"), (f"/groups/{group_id}", "/groups/{group_id}"),
        ("/agents", "/agents"), (f"/agents/{account['agent']}", "/agents/{agent_id}"),
        ("/roles", "/roles"), (f"/roles/{role_id}", "/roles/{role_id}"),
        ("/contact_fields", "/contact_fields"), ("/company_fields", "/company_fields"),
        ("/sla_policies", "/sla_policies"),
        ("/business_hours", "/business_hours"), (f"/business_hours/{hours_id}", "/business_hours/{business_hour_id}"),
        ("/solutions/categories", "/solutions/categories"),
        (f"/solutions/categories/{category_id}", "/solutions/categories/{category_id}"),
        (f"/solutions/categories/{category_id}/folders", "/solutions/categories/{category_id}/folders"),
        (f"/solutions/folders/{folder_id}", "/solutions/folders/{folder_id}"),
        (f"/solutions/folders/{folder_id}/articles", "/solutions/folders/{folder_id}/articles"),
        (f"/solutions/articles/{article_id}", "/solutions/articles/{article_id}"),
    ]
    for url, template in checks:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_valid(spec, "GET", template, response)


def test_update_responses_match_the_spec(spec, client, account):
    group_id = account["group"].json()["id"]
    assert_valid(spec, "PUT", "/groups/{group_id}", client.put(f"/groups/{group_id}", json={"description": None}))
    assert_valid(spec, "PUT", "/agents/{agent_id}", client.put(f"/agents/{account['agent']}", json={"occasional": True}))
    category_id = account["category"].json()["id"]
    assert_valid(spec, "PUT", "/solutions/categories/{category_id}",
                 client.put(f"/solutions/categories/{category_id}", json={"description": "Questions"}))
    folder_id = account["folder"].json()["id"]
    assert_valid(spec, "PUT", "/solutions/folders/{folder_id}",
                 client.put(f"/solutions/folders/{folder_id}", json={"visibility": 2}))
    article_id = account["article"].json()["id"]
    assert_valid(spec, "PUT", "/solutions/articles/{article_id}",
                 client.put(f"/solutions/articles/{article_id}", json={"status": 2}))


def test_error_responses_match_the_spec(spec, client, make_client, emulator):
    assert_valid(spec, "POST", "/groups", client.post("/groups", json={"name": 5}))
    assert_valid(spec, "GET", "/groups/{group_id}", client.get("/groups/1"))
    assert_valid(spec, "GET", "/groups", make_client(emulator, auth=None).get("/groups"))


def test_the_schema_check_itself_catches_a_wrong_body(spec, client, account):
    """Guard against a converter that accepts anything: a corrupted group must fail."""
    response = client.get(f"/groups/{account['group'].json()['id']}")
    schema = response_schema(spec, "GET", "/groups/{group_id}", 200)
    corrupted = dict(response.json(), name=123, agent_ids=["x"])
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(corrupted))
    assert {tuple(e.absolute_path) for e in errors} == {("name",), ("agent_ids", 0)}
