"""The real client over real HTTP: the emulator served on 127.0.0.1, as `emulator serve` does."""

from __future__ import annotations

import pytest

from providers.common.serve import serve_in_thread
from providers.intercom.emulator import IntercomEmulator
from provisioner.apply import apply_plan
from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.plan.build import PlanRequest, build_plan
from tests.conftest import EXAMPLES


@pytest.fixture
def served():
    emulator = IntercomEmulator(rpm=6000)
    server, url = serve_in_thread(emulator)
    yield emulator, url
    server.shutdown()
    server.server_close()


def test_the_example_converges_over_loopback_http(served) -> None:
    emulator, url = served
    state, provider = load_desired(EXAMPLES / "intercom")
    env = {"INTERCOM_URL": url, "INTERCOM_ACCESS_TOKEN": "served-token"}

    adapter = provider.connect(env, None)
    try:
        first = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
        assert first.account == f"{url.removeprefix('http://')}/emu0wksp"
        assert apply_plan(first, provider, adapter).ok
        again = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
    finally:
        adapter.close()
    assert again.changes == [] and again.diagnostics == []
    assert {r.status for r in emulator.request_log} <= {200, 201}
