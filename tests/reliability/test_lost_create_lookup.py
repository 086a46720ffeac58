"""A create whose answer never came: apply looks in the account before sending it again, and
where the list sorts by creation (Zendesk macros, triggers, automations, views) it looks at the
newest page first. Counted from the requests the emulator saw, in an account holding three
pages of macros."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from providers.zendesk.emulator import ZendeskEmulator
from provisioner.apply import Persistence, apply_plan
from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.plan.build import PlanRequest, build_plan
from tests.conftest import write_yaml
from tests.reliability.helpers import zendesk_adapter

NEW = "provider: zendesk\nmacros:\n  - title: Macro new\n    actions:\n      - {field: status, value: solved}\n"


class AnswerLost:
    """Passes requests to the emulator, except the first POST to ``path``: it reaches the
    account (``lands``) or not, and either way no answer comes back. Logs what follows it."""

    def __init__(self, emulator: ZendeskEmulator, path: str, *, lands: bool) -> None:
        self.emulator, self.path, self.lands = emulator, path, lands
        self.lost = False
        self.after: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.lost:
            self.after.append(request)
        elif request.method == "POST" and request.url.path == self.path:
            self.lost = True
            if self.lands:
                self.emulator(request)
            raise httpx.ReadTimeout("no answer", request=request)
        return self.emulator(request)

    def lookups(self) -> list[httpx.Request]:
        return [r for r in self.after if r.method == "GET" and r.url.path == self.path]


@pytest.fixture
def emulator() -> ZendeskEmulator:
    """An account with 250 shared macros: three pages of 100."""
    emulator = ZendeskEmulator()
    with httpx.Client(transport=httpx.MockTransport(emulator), base_url="https://emulator.zendesk.invalid",
                      headers={"Authorization": "Bearer test-token"}) as client:
        for n in range(250):
            made = client.post("/api/v2/macros", json={"macro": {"title": f"Existing {n:03d}",
                                                                 "actions": [{"field": "status", "value": "open"}]}})
            assert made.status_code == 200  # Zendesk answers a new macro with 200, not 201
    return emulator


def apply_new_macro(tmp_path: Path, emulator: ZendeskEmulator, *, lands: bool) -> tuple[AnswerLost, object]:
    transport = AnswerLost(emulator, "/api/v2/macros", lands=lands)
    adapter = zendesk_adapter(httpx.MockTransport(transport), backoff_base=0.001)
    state, provider = load_desired(write_yaml(tmp_path / "new", "macros.yaml", NEW))
    plan = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
    assert [(c.action, c.key) for c in plan.changes] == [("create", "Macro new")]
    report = apply_plan(plan, provider, adapter, persistence=Persistence(settle_seconds=0))
    assert report.ok, report.error
    return transport, report


def macros_titled(emulator: ZendeskEmulator, title: str) -> list[dict]:
    return [m for m in emulator.store["macros"].values() if m["title"] == title]


def test_a_create_that_landed_is_found_on_the_newest_page_with_one_request(tmp_path: Path, emulator) -> None:  # type: ignore[no-untyped-def]
    transport, report = apply_new_macro(tmp_path, emulator, lands=True)
    (made,) = macros_titled(emulator, "Macro new")  # not sent twice
    assert report.created_ids["macros"]["Macro new"] == made["id"]
    (lookup,) = transport.lookups()  # was every page: 3 requests here, 16 at the benchmark's size
    assert lookup.url.params["sort_by"] == "created_at" and lookup.url.params["sort_order"] == "desc"
    assert [r.method for r in transport.after] == ["GET"]  # found: nothing sent again


def test_a_create_that_did_not_land_is_sent_again_only_after_reading_the_whole_kind(tmp_path: Path, emulator) -> None:  # type: ignore[no-untyped-def]
    transport, report = apply_new_macro(tmp_path, emulator, lands=False)
    (made,) = macros_titled(emulator, "Macro new")
    assert report.created_ids["macros"]["Macro new"] == made["id"]
    lookups = transport.lookups()
    # The newest page, then every page of the kind: a miss on one page proves nothing.
    assert len(lookups) == 1 + 3
    assert "sort_by" in lookups[0].url.params and "sort_by" not in lookups[1].url.params
    assert [r.method for r in transport.after][len(lookups):] == ["POST"]
