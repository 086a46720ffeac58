"""Injected faults: each kind behaves as documented, and a seed makes them reproducible."""

from __future__ import annotations

import argparse
import json
import threading

import httpx
import pytest

from providers.common.faults import FAULT_KINDS, FaultOptions, FaultyEmulator, fault_options_from_env
from providers.common.serve import make_server
from providers.zendesk.emulator import ZendeskEmulator
from provisioner.cli.commands_serve import add_fault_options, fault_options
from provisioner.errors import UserError

TOKEN = {"Authorization": "Bearer test-token-123456"}


def create_group(name: str) -> httpx.Request:
    return httpx.Request("POST", "https://emulator.zendesk.invalid/api/v2/groups", headers=TOKEN,
                         json={"group": {"name": name}})


def list_groups() -> httpx.Request:
    return httpx.Request("GET", "https://emulator.zendesk.invalid/api/v2/groups", headers=TOKEN)


def names(emulator: ZendeskEmulator) -> list[str]:
    return sorted(g["name"] for g in emulator.dump()["collections"]["groups"]["items"].values())


def only(kind: str, **extra) -> FaultyEmulator:
    return FaultyEmulator(ZendeskEmulator(), FaultOptions(rate=1.0, kinds=(kind,), retry_after=4, **extra))


def outcomes(faulty: FaultyEmulator, requests: list[httpx.Request]) -> list[str]:
    found = []
    for request in requests:
        try:
            found.append(str(faulty(request).status_code))
        except httpx.TransportError as exc:
            found.append(type(exc).__name__)
    return found


def test_429_and_503_announce_retry_after_and_change_nothing():
    for kind in ("429", "503"):
        faulty = only(kind)
        response = faulty(create_group("Billing"))
        assert response.status_code == int(kind) and response.headers["Retry-After"] == "4"
        assert "Billing" not in names(faulty.inner)


def test_500_and_an_error_inside_a_200_change_nothing():
    for kind, status in (("500", 500), ("error200", 200)):
        faulty = only(kind)
        response = faulty(create_group("Billing"))
        assert response.status_code == status and "error" in response.json()
        assert "Billing" not in names(faulty.inner)


def test_reset_and_timeout_raise_before_anything_happens():
    assert outcomes(only("reset"), [create_group("A")]) == ["RemoteProtocolError"]
    faulty = only("timeout")
    assert outcomes(faulty, [create_group("A")]) == ["ReadTimeout"]
    assert "A" not in names(faulty.inner)


def test_lost_applies_the_write_then_drops_the_answer():
    faulty = only("lost")
    assert outcomes(faulty, [create_group("Billing")]) == ["RemoteProtocolError"]
    assert "Billing" in names(faulty.inner)
    assert faulty.faults == {"lost": 1}


def test_the_same_seed_injects_the_same_faults_whatever_the_interleaving():
    creates = [create_group(f"G{i}") for i in range(40)]
    reads = [list_groups() for _ in range(40)]
    options = FaultOptions(rate=0.3, seed=11, kinds=tuple(k for k in FAULT_KINDS if k != "lost"))
    forward = outcomes(FaultyEmulator(ZendeskEmulator(), options), creates + reads)
    again = outcomes(FaultyEmulator(ZendeskEmulator(), options), creates + reads)
    reads_first = outcomes(FaultyEmulator(ZendeskEmulator(), options), reads + creates)
    other_seed = outcomes(FaultyEmulator(ZendeskEmulator(), FaultOptions(rate=0.3, seed=12)), creates + reads)
    assert forward == again == reads_first[40:] + reads_first[:40]
    assert forward != other_seed
    failed = sum(1 for o in forward if o not in {"200", "201"})
    assert 10 <= failed <= 40  # about 30% of 80


def test_latency_is_added_to_every_request():
    slept: list[float] = []
    faulty = FaultyEmulator(ZendeskEmulator(), FaultOptions(latency_ms=250), sleep=slept.append)
    faulty(list_groups())
    faulty(list_groups())
    assert slept == [0.25, 0.25]


def test_the_environment_setting_is_parsed_with_clear_errors():
    options = fault_options_from_env({"PROVISIONER_EMULATOR_FAULTS": "rate=0.2,seed=7,kinds=429,500,reset,latency_ms=5"})
    assert options == FaultOptions(rate=0.2, seed=7, kinds=("429", "500", "reset"), latency_ms=5)
    assert fault_options_from_env({}) is None
    for bad, message in (("rate=2", "between 0 and 1"), ("kinds=boom", "unknown fault kind 'boom'"),
                         ("speed=3", "unknown setting 'speed'"), ("seed=x", "not a number"), ("429", "not NAME=VALUE")):
        with pytest.raises(UserError, match=message) as caught:
            FaultOptions.parse(bad)
        assert str(caught.value).startswith("PROVISIONER_EMULATOR_FAULTS: ")


def test_serve_flags_build_the_same_options():
    parser = argparse.ArgumentParser()
    add_fault_options(parser)
    args = parser.parse_args(["--fault-rate", "0.2", "--fault-kinds", "429,lost", "--seed", "3", "--latency-ms", "20"])
    assert fault_options(args) == FaultOptions(rate=0.2, kinds=("429", "lost"), seed=3, latency_ms=20)


@pytest.fixture
def served():
    """Serve a faulty emulator on loopback; yields (set_options, base_url)."""
    holder: dict = {}
    handler = lambda request: holder["faulty"](request)  # noqa: E731
    server = make_server(handler, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def configure(kind: str, **extra) -> FaultyEmulator:
        holder["faulty"] = FaultyEmulator(ZendeskEmulator(), FaultOptions(rate=1.0, kinds=(kind,), **extra), network="mark")
        return holder["faulty"]

    yield configure, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_served_faults_drop_or_stall_real_connections(served):
    configure, base = served
    with httpx.Client(base_url=base, headers=TOKEN, timeout=httpx.Timeout(0.5)) as client:
        faulty = configure("lost")
        with pytest.raises(httpx.RemoteProtocolError):
            client.post("/api/v2/groups", json={"group": {"name": "Billing"}})
        assert "Billing" in names(faulty.inner)
        configure("reset")
        with pytest.raises(httpx.RemoteProtocolError):
            client.get("/api/v2/groups")
        configure("timeout", hang_seconds=1.0)
        with pytest.raises(httpx.ReadTimeout):
            client.get("/api/v2/groups")
        configure("429")
        answer = client.get("/api/v2/groups")
        assert answer.status_code == 429 and json.loads(json.dumps(dict(answer.headers)))["retry-after"] == "1"
