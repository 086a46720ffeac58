"""The served emulator as benchmarks use it: latency overlaps across concurrent requests, and
the request log tells the account's own answers from injected faults."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from providers.common.faults import FaultOptions, FaultyEmulator
from providers.common.request_log import RequestLogFile, read_request_log
from providers.common.serve import serve_in_thread
from providers.zendesk.emulator import ZendeskEmulator

AUTH = {"Authorization": "Bearer test-token"}


def test_concurrent_requests_wait_out_their_latency_side_by_side() -> None:
    handler = FaultyEmulator(ZendeskEmulator(), FaultOptions(latency_ms=300), network="mark")
    server, url = serve_in_thread(handler)
    try:
        with httpx.Client(base_url=url, headers=AUTH) as client, ThreadPoolExecutor(8) as pool:
            started = time.monotonic()
            statuses = list(pool.map(lambda _: client.get("/api/v2/groups").status_code, range(8)))
            elapsed = time.monotonic() - started
    finally:
        server.shutdown()
        server.server_close()
    assert statuses == [200] * 8
    # One after another they would take 8 x 0.3 s; side by side, about one latency.
    assert elapsed < 1.5, elapsed


def test_the_request_log_marks_injected_faults_apart_from_the_limit(tmp_path: Path) -> None:
    emulator = ZendeskEmulator(rpm=3, clock=lambda: 0.0)  # a frozen clock: no window reset mid-test
    faulty = FaultyEmulator(emulator, FaultOptions(rate=0.5, kinds=("500",), seed=3), network="mark")
    logged = RequestLogFile(faulty, tmp_path / "log.jsonl")
    server, url = serve_in_thread(logged)
    try:
        with httpx.Client(base_url=url, headers=AUTH) as client:
            answers = [client.get(f"/api/v2/groups?n={n}").status_code for n in range(12)]
    finally:
        server.shutdown()
        server.server_close()
        logged.close()
    entries = read_request_log(tmp_path / "log.jsonl")
    assert [e["status"] for e in entries] == answers
    injected = [e for e in entries if e.get("injected")]
    limited = [e for e in entries if e["status"] == 429 and not e.get("injected")]
    assert {e["injected"] for e in injected} == {"500"} and all(e["status"] == 500 for e in injected)
    assert len(injected) == sum(faulty.faults.values()) > 0
    # The limit counted only what reached the account: 3 answered, the rest refused with 429.
    assert len(entries) - len(injected) - len(limited) == 3 and limited
