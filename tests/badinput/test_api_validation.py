"""What only the vendor's API refuses (422): the error names the request and the vendor's reason,
in one line, exit 1, and no write succeeds.

Plan-time validators exist to catch many of these earlier; here they are switched off
(``--disable-validator`` for each one the provider registers) so the test exercises the path a
user meets when the API is the first to say no: a rule we do not model, a race with an admin,
or a check they disabled.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.badinput.harness import ServedAccount, ServerPool, error_line, names_request, open_account
from tests.conftest import write_yaml

HEADER = "provider: zendesk\n"
ELEVEN_COLUMNS = "[status, subject, requester, updated, created, assignee, group, priority, type, organization, brand]"

# name -> (YAML after the header, the request that is refused, the vendor's reason)
REFUSED_CREATES: dict[str, tuple[str, tuple[str, str], str]] = {
    "view_with_11_columns": (
        "views:\n  - title: Everything\n    conditions:\n      all:\n"
        "        - {field: status, operator: less_than, value: solved}\n"
        f"    execution:\n      columns: {ELEVEN_COLUMNS}\n",
        ("POST", "/api/v2/views"), "output: Output: You can only have up to 10 columns"),
    "view_without_a_qualifying_condition": (
        "views:\n  - title: Tagged urgent\n    conditions:\n      all:\n"
        "        - {field: current_tags, operator: includes, value: urgent}\n",
        ("POST", "/api/v2/views"), "You must test for at least one of the following ticket properties"),
    "automation_without_a_time_condition": (
        "automations:\n  - title: Close pending\n    conditions:\n      all:\n"
        "        - {field: status, operator: is, value: pending}\n"
        "    actions:\n      - {field: status, value: solved}\n",
        ("POST", "/api/v2/automations"), "Automation must have at least one time-based condition"),
    "ticket_field_of_an_unknown_type": (
        "ticket_fields:\n  - title: Product Area\n    type: dropdownlist\n",
        ("POST", "/api/v2/ticket_fields"), "type: Type: dropdownlist is not a valid field type"),
    "sla_policy_with_an_unknown_metric": (
        "sla_policies:\n  - title: Standard\n    filter:\n      all:\n"
        "        - {field: type, operator: is_not, value: task}\n"
        "    policy_metrics:\n      - {priority: urgent, metric: first_response_time, target: 60, business_hours: false}\n",
        ("POST", "/api/v2/slas/policies"), "metric 'first_response_time' is not valid"),
}


def without_validators(account: ServedAccount) -> list[str]:
    return [f"--disable-validator={name}" for name in account.provider.validators]


def out_of_band(account: ServedAccount, method: str, path: str, body: dict) -> dict:
    """An admin's change in the UI: straight to the account, not through the tool."""
    with httpx.Client(base_url=account.url, headers={"Authorization": "Bearer admin-session"}) as client:
        response = client.request(method, path, json=body)
    assert response.status_code < 300, response.text
    return response.json()


def assert_refused(result, account: ServedAccount, writes_before: int, request: tuple[str, str], reason: str) -> str:
    line = error_line(result)
    assert names_request(line, request[0], request[1]), line
    assert "answered 422" in line and reason in line, line
    attempted = account.writes()[writes_before:]
    assert attempted and all(r.status >= 400 for r in attempted), f"no write may succeed: {attempted}"
    return line


@pytest.mark.parametrize("name", sorted(REFUSED_CREATES))
def test_api_refuses_a_create(cli, account: ServedAccount, tmp_path: Path, name: str) -> None:
    body, request, reason = REFUSED_CREATES[name]
    state = write_yaml(tmp_path / "state", f"{name}.yaml", HEADER + body)
    result = cli("apply", state, "--auto-approve", *without_validators(account))
    assert_refused(result, account, 0, request, reason)
    assert len(account.writes()) == 1, "apply stops at the refused write"


def test_tag_already_used_by_a_field_the_yaml_does_not_manage(cli, account: ServedAccount, tmp_path: Path) -> None:
    out_of_band(account, "POST", "/api/v2/ticket_fields", {"ticket_field": {
        "title": "Legacy area", "type": "tagger", "custom_field_options": [{"name": "Billing", "value": "area_billing"}]}})
    before = len(account.writes())
    state = write_yaml(tmp_path / "state", "fields.yaml", HEADER + (
        "ticket_fields:\n  - title: Product Area\n    type: tagger\n    custom_field_options:\n"
        "      - {name: Billing, value: area_billing}\n"))
    result = cli("apply", state, "--auto-approve", *without_validators(account))
    line = assert_refused(result, account, before, ("POST", "/api/v2/ticket_fields"),
                          "The tag area_billing is already used in a custom field")
    assert line.startswith("Error: ticket_fields 'Product Area' (create): "), line


def test_tag_taken_between_plan_and_apply(cli, account: ServedAccount, tmp_path: Path) -> None:
    """A saved plan was fine when made; an admin used the tag before it was applied."""
    state = write_yaml(tmp_path / "state", "fields.yaml", HEADER + (
        "ticket_fields:\n  - title: Product Area\n    type: tagger\n    custom_field_options:\n"
        "      - {name: Billing, value: area_billing}\n"
        "  - title: Order Number\n    type: text\n"))
    plan = tmp_path / "fields.json"
    assert cli("plan", state, "--out", plan).code == 0
    out_of_band(account, "POST", "/api/v2/ticket_fields", {"ticket_field": {
        "title": "Legacy area", "type": "tagger", "custom_field_options": [{"name": "Billing", "value": "area_billing"}]}})
    before = len(account.writes())
    result = cli("apply", plan)
    assert_refused(result, account, before, ("POST", "/api/v2/ticket_fields"), "The tag area_billing is already used")
    assert len(account.writes()) == before + 1, "the second create is not attempted"


def test_api_refuses_an_update(cli, account: ServedAccount, tmp_path: Path) -> None:
    """A private group cannot be made public again: the PUT is refused."""
    folder = tmp_path / "state"
    state = write_yaml(folder, "groups.yaml", HEADER + "groups:\n  - name: Finance\n    is_public: false\n")
    assert cli("apply", state, "--auto-approve").code == 0
    before = len(account.writes())
    write_yaml(folder, "groups.yaml", HEADER + "groups:\n  - name: Finance\n    is_public: true\n")
    result = cli("apply", state, "--auto-approve", *without_validators(account))
    line = assert_refused(result, account, before, ("PUT", r"/api/v2/groups/\d+"),
                          "is_public: Is public: A private group cannot be made public")
    assert line.startswith("Error: groups 'Finance' (update): "), line


# -- Freshdesk and Intercom: their own envelopes and statuses (409, 400) --------------------------

def test_freshdesk_name_taken_in_another_case_is_409(cli, pool: ServerPool, point_at, tmp_path: Path) -> None:
    """Freshdesk compares group names case-insensitively; the YAML's natural keys do not."""
    served = open_account(pool, "freshdesk")
    point_at(served.env, "freshdesk")
    with httpx.Client(base_url=served.url, auth=("admin-key", "X")) as client:
        assert client.post("/api/v2/groups", json={"name": "billing"}).status_code == 201
    before = len(served.writes())
    state = write_yaml(tmp_path / "state", "groups.yaml", "provider: freshdesk\ngroups:\n  - name: Billing\n")
    result = cli("apply", state, "--auto-approve", *without_validators(served))
    line = error_line(result)
    assert line.startswith("Error: groups 'Billing' (create): "), line
    assert names_request(line, "POST", "/api/v2/groups"), line
    assert "answered 409: name: It should be a unique value (duplicate_value)" in line, line
    assert all(r.status >= 400 for r in served.writes()[before:]) and served.writes()[before:]


def test_freshdesk_custom_mailbox_without_its_server_is_400(cli, pool: ServerPool, point_at, tmp_path: Path) -> None:
    served = open_account(pool, "freshdesk")
    point_at(served.env, "freshdesk")
    state = write_yaml(tmp_path / "state", "mail.yaml", (
        "provider: freshdesk\nmailboxes:\n  - support_email: help@example.com\n    mailbox_type: custom_mailbox\n"))
    result = cli("apply", state, "--auto-approve", *without_validators(served))
    line = error_line(result)
    assert names_request(line, "POST", "/api/v2/email/mailboxes"), line
    assert "answered 400" in line and "custom_mailbox" in line, line
    assert served.writes() and served.landed_writes() == []


def test_intercom_attribute_name_taken_by_the_other_model_is_400(cli, pool: ServerPool, point_at,
                                                                 tmp_path: Path) -> None:
    served = open_account(pool, "intercom")
    point_at(served.env, "intercom")
    with httpx.Client(base_url=served.url, headers={"Authorization": "Bearer admin-session"}) as client:
        created = client.post("/data_attributes", json={"name": "Plan_Tier", "model": "company", "data_type": "string"})
        assert created.status_code == 200, created.text
    before = len(served.writes())
    state = write_yaml(tmp_path / "state", "attributes.yaml", (
        "provider: intercom\ndata_attributes:\n  - name: plan_tier\n    model: contact\n    data_type: string\n"))
    result = cli("apply", state, "--auto-approve", *without_validators(served))
    line = error_line(result)
    assert names_request(line, "POST", "/data_attributes"), line
    assert "answered 400: parameter_invalid: You already have 'Plan_Tier' in your company data" in line, line
    assert served.writes()[before:] and all(r.status >= 400 for r in served.writes()[before:])
