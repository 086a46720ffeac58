"""Reliability figures for docs/reliability.md: 1,000 changes fault-free, under 20% faults, and
at a real 700-requests-per-minute limit. Prints a Markdown table; it is not a test and never
fails on a slow machine.

    .venv/bin/python bench/reliability.py [--changes 1000] [--skip-limit]

Each run starts from a fresh emulated Zendesk account in this process (httpx.MockTransport),
plans the generated desired state, applies it through the same journaled, locked path as
``provisioner apply`` (journal fsyncs included), then checks with a fault-free plan that
nothing is left to do and no natural key is held twice. Timings use the real clock and the
tool's default retry settings (Retry-After honoured, backoff from 0.5 s, 0.25 s settle pause
before checking a write whose answer was lost).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from providers.common.faults import FaultOptions, FaultyEmulator  # noqa: E402
from providers.zendesk import PROVIDER  # noqa: E402
from providers.zendesk.emulator import ZendeskEmulator  # noqa: E402
from provisioner.desired.load import load_desired  # noqa: E402
from provisioner.journal.run import apply_journaled  # noqa: E402
from provisioner.live import read_live  # noqa: E402
from provisioner.plan.build import PlanRequest, build_plan  # noqa: E402
from tests.reliability.bulk_state import write_bulk  # noqa: E402

ENV = {"ZENDESK_URL": "https://bench.zendesk.invalid", "ZENDESK_OAUTH_TOKEN": "bench-token-000000"}


def run(name: str, folder: Path, emulator: ZendeskEmulator, handler, workdir: Path) -> dict:  # type: ignore[no-untyped-def]
    state, provider = load_desired(folder)
    adapter = PROVIDER.connect(ENV, httpx.MockTransport(handler))
    settle = Counter()

    def observer(event: str, change, detail) -> None:  # type: ignore[no-untyped-def]
        settle[event] += 1

    started = time.monotonic()
    plan = build_plan(state, provider, read_live(adapter, provider.kinds), PlanRequest())
    report = apply_journaled(plan, provider, adapter, workdir, observer=observer)
    elapsed = time.monotonic() - started
    stats, pacer = adapter.http.stats, adapter.http.pacer.stats
    adapter.close()

    check = PROVIDER.connect(ENV, httpx.MockTransport(emulator))
    live = read_live(check, provider.kinds)
    left = len(build_plan(state, provider, live, PlanRequest()).changes)
    duplicates = sum(n - 1 for objects in live.objects.values() for n in Counter(o.key for o in objects).values() if n > 1)
    check.close()
    refused = sum(1 for entry in emulator.request_log if entry.status == 429)
    return {"run": name, "changes": len(plan.changes), "ok": report.ok, "seconds": elapsed,
            "requests": stats.attempts, "retries": stats.retries, "retry_wait": stats.retry_wait_seconds,
            "limit_429s": refused, "paced": pacer.waited_seconds, "unclear": settle["unclear"],
            "found": settle["found"], "left": left, "duplicates": duplicates,
            "faults": dict(getattr(handler, "faults", {}))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--skip-limit", action="store_true", help="skip the real-time 700/minute run (~1 minute)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="provisioner-bench-"))
    folder = write_bulk(root / "desired", args.changes)
    results = []

    emulator = ZendeskEmulator()
    results.append(run("fault-free", folder, emulator, emulator, root / "w1"))

    for retry_after in (1, 0):
        emulator = ZendeskEmulator()
        faulty = FaultyEmulator(emulator, FaultOptions(rate=0.2, seed=7, retry_after=retry_after))
        results.append(run(f"20% faults, Retry-After {retry_after} s", folder, emulator, faulty, root / f"w2-{retry_after}"))

    if not args.skip_limit:
        emulator = ZendeskEmulator(rpm=700)
        results.append(run("700 requests/minute limit", folder, emulator, emulator, root / "w3"))

    print("| run | changes | converged | duplicates | time (s) | requests | retries (waited s) "
          "| unclear writes (found landed) | 429 from the limit | paced (s) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        converged = "yes" if r["ok"] and r["left"] == 0 else f"no ({r['left']} left)"
        print(f"| {r['run']} | {r['changes']} | {converged} | {r['duplicates']} | {r['seconds']:.1f} | {r['requests']} | "
              f"{r['retries']} ({r['retry_wait']:.1f}) | {r['unclear']} ({r['found']}) | {r['limit_429s']} | {r['paced']:.1f} |")
    for r in results:
        if r["faults"]:
            print(f"\nInjected in '{r['run']}': " + ", ".join(f"{k} {v}" for k, v in sorted(r["faults"].items())))


if __name__ == "__main__":
    main()
