"""Adopting an account built by hand: objects that already exist under the YAML's natural keys
are updated in place, never created a second time."""

from __future__ import annotations

import json
from pathlib import Path

from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.provider import load_provider
from tests.conftest import EXAMPLES
from tests.export.support import adapter, raw

EXAMPLE = EXAMPLES / "zendesk"
ZENDESK = load_provider("zendesk")


def test_existing_objects_are_updated_in_place_and_never_duplicated(cli, tmp_path: Path) -> None:
    client = raw(tmp_path, ZENDESK)
    billing = client.post("/api/v2/groups", json={"group": {"name": "Billing", "description": "made by hand"}})
    tier2 = client.post("/api/v2/groups", json={"group": {"name": "Support Tier 2"}})
    field = client.post("/api/v2/ticket_fields", json={"ticket_field": {"title": "Order Number", "type": "text"}})
    hand_ids = {billing.json()["group"]["id"], tier2.json()["group"]["id"], field.json()["ticket_field"]["id"]}
    client.post("/api/v2/macros", json={"macro": {"title": "Escalate to Tier 2", "actions": [
        {"field": "status", "value": "open"}]}})

    plan = cli("plan", EXAMPLE, "--emulator", "--json")
    assert plan.code == 0, plan.text
    changes = {(c["action"], c["kind"], c["key"]) for c in json.loads(plan.out)["changes"]}
    for kind, key in [("groups", "Billing"), ("groups", "Support Tier 2"), ("ticket_fields", "Order Number"),
                      ("macros", "Escalate to Tier 2")]:
        assert ("create", kind, key) not in changes
    assert ("update", "groups", "Billing") in changes and ("update", "macros", "Escalate to Tier 2") in changes
    assert ("update", "ticket_fields", "Order Number") in changes  # it gains its description

    assert cli("apply", EXAMPLE, "--emulator", "--auto-approve").code == 0
    state, _ = load_desired(EXAMPLE)
    live = read_live(adapter(tmp_path, ZENDESK), ZENDESK.kinds)
    for kind in ZENDESK.kinds:
        keys = [o.key for o in live.of(kind.name)]
        for obj in state.of(kind.name):
            assert keys.count(obj.key) == 1, (kind.name, obj.key)
    ids = {o.id for k in ("groups", "ticket_fields") for o in live.of(k)}
    assert hand_ids <= ids  # the very objects made by hand, now managed
    assert cli("plan", EXAMPLE, "--emulator", "--detailed-exitcode").code == 0
