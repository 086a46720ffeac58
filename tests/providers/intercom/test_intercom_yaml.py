"""Intercom YAML the API would refuse is refused before any request: one line, file:line, field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_yaml

# The file starts with "provider: intercom", so a body's first line is line 2.
CASES = {
    "data attribute type": ("data_attributes:\n  - name: tier\n    model: company\n    data_type: text\n",
                            ":5: data_attributes.data_type:"),
    "options need two values": ("data_attributes:\n  - name: tier\n    model: company\n    data_type: options\n"
                                "    options: [Gold]\n", ":6: data_attributes.options: an attribute of data_type options needs at least two"),
    "data attribute name": ("data_attributes:\n  - name: plan.tier\n    model: company\n    data_type: string\n",
                            ":3: data_attributes.name: Intercom allows only letters"),
    "list item with a comma": ("ticket_types:\n  - name: Bug\n    attributes:\n      - name: Severity\n        data_type: list\n"
                               "        list_items: [Low, 'High, urgent']\n",
                               "ticket_types.attributes[0].list_items: list item 'High, urgent'"),
    "default attribute name": ("ticket_types:\n  - name: Bug\n    attributes:\n      - {name: _default_title_, data_type: string}\n",
                               "is the name of a default attribute"),
    "duplicate attribute": ("ticket_types:\n  - name: Bug\n    attributes:\n      - {name: A, data_type: string}\n"
                            "      - {name: A, data_type: integer}\n", "attribute 'A' appears twice"),
    "workflows": ("workflows:\n  - name: Route VIPs\n", ":3: workflows: workflows cannot be managed"),
    "sla rules": ("sla_rules:\n  - name: VIP\n", "SLA rules are not in the Intercom API"),
    "overlapping hours": ("office_hours_schedules:\n  - name: Hours\n    time_zone_name: Europe/Paris\n    time_intervals:\n"
                          "      - {start_minute: 540, end_minute: 1080}\n      - {start_minute: 1020, end_minute: 1200}\n",
                          "office_hours_schedules.time_intervals: intervals 540-1080 and 1020-1200 overlap"),
    "unknown zone": ("office_hours_schedules:\n  - name: Hours\n    time_zone_name: Mars/Olympus\n    time_intervals:\n"
                     "      - {start_minute: 540, end_minute: 1080}\n", ":4: office_hours_schedules.time_zone_name: 'Mars/Olympus'"),
    "closed with hours": ("office_hours_schedules:\n  - name: Hours\n    time_zone_name: UTC\n    time_intervals:\n"
                          "      - {start_minute: 540, end_minute: 1080}\n    exceptions:\n"
                          "      - {exception_date: '2026-12-25', exception_type: closed, time_intervals: [{start_minute: 0, end_minute: 60}]}\n",
                          "a closed exception has no time_intervals"),
    "two bodies": ("articles:\n  - title: A\n    author_id: ada@example.com\n    body: x\n    body_markdown: y\n",
                   "articles.body_markdown: set body or body_markdown, not both"),
    "unknown field": ("tags:\n  - name: vip\n    colour: red\n", ":4: tags.colour: unknown field"),
    "undeclared team": ("conversation_attributes:\n  - name: Area\n    data_type: string\n    visible_to_team_ids: [Sales]\n",
                        ":5: conversation_attributes.visible_to_team_ids[0]: no teams named 'Sales'"),
    "relationship without reference": ("conversation_attributes:\n  - name: Order\n    data_type: relationship\n",
                                       "a relationship attribute needs reference"),
}


@pytest.mark.parametrize("body,expected", CASES.values(), ids=list(CASES))
def test_invalid_yaml_is_one_line_naming_file_line_and_field(cli, tmp_path: Path, body: str, expected: str) -> None:
    path = write_yaml(tmp_path, "state.yaml", "provider: intercom\n" + body)
    result = cli("plan", path, "--emulator")
    assert result.code == 1
    assert expected in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert not (tmp_path / ".provisioner" / "emulator" / "intercom.json").exists()  # no request was made
