"""``make bench``: how many requests, how much time and memory a read, a plan and an apply cost.

    .venv/bin/python bench/performance.py [--quick] [--out docs/benchmarks.md]

Scenarios (issue 10), each against ``provisioner emulator serve`` over loopback HTTP and, for
reads and plans, in-process as well:

1. export (the full read) and a no-op plan of ``large``, at 0 and 50 ms latency;
2. the same at ``huge``: how time and memory grow;
3. an apply of N creates and N updates at a requests-per-minute limit;
4. the same with 20% of requests answered by injected faults.

It prints a table and writes the Markdown report. It reports figures and never fails on a
slow machine; wall times on a shared machine are noisy, so CPU time stands next to them.
``--quick`` (or ``BENCH_QUICK=1``) applies 100 + 100 changes at 240 requests a minute
instead of 500 + 500 at 700, and skips the in-process runs of ``huge``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.changes import with_changes  # noqa: E402
from bench.measure import run_measured  # noqa: E402
from bench.report import machine, write_report  # noqa: E402
from bench.served import CLI, ROOT, Served, serve  # noqa: E402

INPROCESS = [sys.executable, str(Path(__file__).with_name("inprocess.py"))]
READ_CONCURRENCY = 8  # provisioner.live.READ_CONCURRENCY
OTHER_PROVIDERS = ("freshdesk", "intercom")


def say(text: str) -> None:
    print(text, flush=True)


def command(served: Served, args: list[str], cwd: Path) -> dict[str, Any]:
    """Run one CLI command against ``served``; its figures and the requests it made."""
    served.since_last()
    server_cpu = served.cpu_seconds()
    run = run_measured(CLI + args, env=served.client_env, cwd=cwd)
    entries = served.since_last()
    return {"code": run.code, "wall": run.wall, "cpu": run.cpu, "peak_mb": run.peak_mb,
            "requests": len(entries), "server_cpu": served.cpu_seconds() - server_cpu,
            "entries": entries, "out": run.out[-2000:], "err": run.err[-2000:]}


def in_process(what: str, scenario: str, desired: Path, cwd: Path, profile: int = 0,
               provider: str = "zendesk") -> dict[str, Any]:
    args = INPROCESS + [what, "--provider", provider, "--scenario", scenario, "--desired", str(desired),
                        "--workdir", str(ROOT)]
    run = run_measured(args + (["--profile", str(profile)] if profile else []), cwd=cwd)
    if run.code != 0:
        return {"error": run.err[-1500:]}
    result = json.loads(run.out.strip().splitlines()[-1])
    result.update({"process_wall": run.wall, "process_cpu": run.cpu, "process_peak_mb": run.peak_mb})
    return result


def best_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest run (wall), with every run's wall and CPU kept for the record."""
    best = dict(min(runs, key=lambda r: r["wall"]))
    best["runs"] = [{"wall": r["wall"], "cpu": r["cpu"], "requests": r["requests"]} for r in runs]
    best["cpu"] = min(r["cpu"] for r in runs)
    return best


def read_and_plan(scenario: str, latency_ms: float, workdir: Path, repeat: int = 1) -> dict[str, Any]:
    """Export then a no-op plan of the exported folder, over HTTP; each ``repeat`` times, the
    best kept (the machine is shared: the fastest run is the one least disturbed)."""
    say(f"  {scenario}, {latency_ms:g} ms latency: starting the emulator (a first run generates the account)…")
    served = serve(workdir, scenario=scenario, latency_ms=latency_ms, log_name=f"{scenario}-{latency_ms:g}.jsonl")
    results: dict[str, Any] = {}
    try:
        out = workdir / f"{scenario}-export"
        shutil.rmtree(out, ignore_errors=True)
        for what, args in (("export", ["export", str(out), "--provider", "zendesk"]),
                           ("plan", ["plan", str(out), "--detailed-exitcode"])):
            r = results[what] = best_of([command(served, args, workdir) for _ in range(repeat)])
            say(f"    {what}: exit {r['code']}, {r['requests']} requests, best of {repeat}: {r['wall']:.2f} s wall, "
                f"{r['cpu']:.2f} s CPU, {r['peak_mb']:.0f} MB")
    finally:
        served.stop()
    return {"scenario": scenario, "latency_ms": latency_ms, **results, "folder": str(out), "repeat": repeat}


def every_provider(workdir: Path, repeat: int = 3) -> dict[str, Any]:
    """Export and no-op plan of each other provider's ``large`` account over loopback at 0 ms,
    with the fewest requests its API allows (from an in-process read of the same account)."""
    results: dict[str, Any] = {}
    for provider in OTHER_PROVIDERS:
        say(f"  {provider}, large: starting the emulator (a first run generates the account)…")
        served = serve(workdir, provider=provider, scenario="large", log_name=f"{provider}-large.jsonl")
        out = workdir / f"{provider}-large-export"
        shutil.rmtree(out, ignore_errors=True)
        try:
            export = command(served, ["export", str(out), "--provider", provider], workdir)
            plan = best_of([command(served, ["plan", str(out), "--detailed-exitcode"], workdir) for _ in range(repeat)])
        finally:
            served.stop()
        read = in_process("read", "large", workdir / "unused", workdir, provider=provider)
        results[provider] = {"export": export, "plan": plan, "minimum": minimum_of(read)}
        say(f"    export {export['requests']} requests, plan {plan['requests']} requests (minimum "
            f"{sum(minimum_of(read).values())}), plan {plan['wall']:.2f} s wall, {plan['cpu']:.2f} s CPU, exit {plan['code']}")
    return results


def minimum_of(inproc: dict[str, Any]) -> dict[str, int]:
    return dict(inproc.get("minimum") or {})


def chain_bound(inproc: dict[str, Any], latency_ms: float) -> float:
    """Seconds of latency a read cannot avoid: its longest chain of requests that must follow
    one another, or all its requests spread over the reading threads, whichever is longer."""
    minimum = minimum_of(inproc)
    if not minimum:
        return 0.0
    rounds = max(inproc.get("chain") or 0, math.ceil(sum(minimum.values()) / READ_CONCURRENCY))
    return rounds * latency_ms / 1000


def apply_at_limit(exported: Path, workdir: Path, count: int, rpm: int, fault_rate: float) -> dict[str, Any]:
    """Plan and apply ``count`` creates + ``count`` updates at ``rpm``; then plan again."""
    tag = f"apply-{count}-{rpm}-{fault_rate:g}"
    desired = with_changes(exported, workdir / tag, count)
    say(f"  {2 * count} changes at {rpm}/min, {fault_rate:.0%} faults: starting the emulator…")
    served = serve(workdir, scenario="large", rpm=rpm, fault_rate=fault_rate, log_name=f"{tag}.jsonl")
    try:
        plan_file = workdir / f"{tag}.json"
        plan = command(served, ["plan", str(desired), "--out", str(plan_file)], workdir)
        applied = command(served, ["apply", str(plan_file)], workdir)
        say(f"    apply: exit {applied['code']}, {applied['requests']} requests in {applied['wall']:.1f} s "
            f"({applied['cpu']:.1f} s CPU)")
        after = command(served, ["plan", str(desired), "--detailed-exitcode"], workdir)
        say(f"    plan afterwards: exit {after['code']} ({'no changes' if after['code'] == 0 else 'changes left'})")
        every = served.entries()
    finally:
        served.stop()
    return {"changes": 2 * count, "rpm": rpm, "fault_rate": fault_rate, "plan": plan, "apply": applied,
            "after": after, "bound": limit_bound(every, applied["entries"], served.started_at, rpm),
            "budget": budget_used(every, applied["entries"], served.started_at, rpm)}


def counted(entry: dict[str, Any]) -> bool:
    """Whether a request counted against the emulator's limit (it reached the account)."""
    injected = entry.get("injected")
    return (injected is None or injected == "lost") and not (entry["status"] == 429 and injected is None)


def limit_bound(every: list[dict[str, Any]], mine: list[dict[str, Any]], window_start: float, rpm: int) -> float:
    """The least time the limit allows for ``mine``: the budget of the window it starts in
    (less what earlier commands spent there), then whole windows of ``rpm`` requests."""
    if not mine:
        return 0.0
    start = mine[0]["at"] - mine[0]["duration_ms"] / 1000
    window = math.floor((start - window_start) / 60)
    window_begins = window_start + 60 * window
    spent = sum(1 for e in every if counted(e) and window_begins <= e["at"] < start)
    needed = sum(1 for e in mine if counted(e))
    left = max(0, rpm - spent)
    if needed <= left:
        return 0.0
    more = math.ceil((needed - left) / rpm)
    return window_begins + 60 * more - start


def budget_used(every: list[dict[str, Any]], mine: list[dict[str, Any]], window_start: float,
                rpm: int) -> dict[str, Any]:
    """How much of the limit the client used while the limit held it back: the requests (of any
    command) counted in each one-minute window that ended before the apply did, against the
    window's budget. The window the apply finished in is left out: there it had nothing left
    to send, not no budget. ``windows`` 0 means the apply never waited for a window."""
    if not mine:
        return {"windows": 0, "share": None}
    start, end = mine[0]["at"], mine[-1]["at"]
    first = math.floor((start - window_start) / 60)
    last = math.floor((end - window_start) / 60)  # the window the apply finished in
    windows = list(range(first, last))
    used = sum(1 for e in every if counted(e) and first <= math.floor((e["at"] - window_start) / 60) < last)
    return {"windows": len(windows), "share": used / (rpm * len(windows)) if windows else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", default=os.environ.get("BENCH_QUICK") == "1")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--skip-huge", action="store_true", help="leave out scenario 2 (huge)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="provisioner-bench-"))
    count, rpm = (100, 240) if args.quick else (500, 700)
    started = time.time()
    results: dict[str, Any] = {"machine": machine(), "quick": args.quick, "started": started}

    say("Scenario 1: full read (export) and no-op plan of large")
    results["large"] = [read_and_plan("large", latency, workdir, repeat=3) for latency in (0, 50)]
    large_folder = Path(results["large"][0]["folder"])
    results["large_inprocess"] = {what: in_process(what, "large", workdir / "large-inprocess", workdir)
                                  for what in ("export", "plan")}
    results["profile"] = in_process("plan", "large", large_folder, workdir, profile=25)
    results["large_minimum"] = minimum_of(results["large_inprocess"]["export"])
    results["large_bound_50"] = chain_bound(results["large_inprocess"]["export"], 50)

    if not args.skip_huge:
        say("Scenario 2: growth from large to huge")
        results["huge"] = [read_and_plan("huge", 0, workdir, repeat=3)]  # best of 3, as large
        if not args.quick:
            results["huge_inprocess"] = {"plan": in_process("plan", "huge", Path(results["huge"][0]["folder"]),
                                                            workdir)}
        results["huge_read"] = in_process("read", "huge", workdir / "unused", workdir)
        results["huge_minimum"] = minimum_of(results["huge_read"])

    say("Scenario 1 for every provider: export and no-op plan of large")
    results["providers"] = every_provider(workdir)

    say(f"Scenario 3: apply of {count} creates and {count} updates at {rpm} requests a minute")
    results["apply"] = apply_at_limit(large_folder, workdir, count, rpm, 0.0)
    say("Scenario 4: the same with 20% injected faults")
    results["apply_faults"] = apply_at_limit(large_folder, workdir, count, rpm, 0.2)

    results["finished"] = time.time()
    results["machine_after"] = machine()
    text = write_report(results, args.out)
    say("")
    say(text)
    (workdir / "results.json").write_text(json.dumps(results, default=str, indent=1))
    say(f"Raw figures: {workdir / 'results.json'}; report written to {args.out}")


if __name__ == "__main__":
    main()
