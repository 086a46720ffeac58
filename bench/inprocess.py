"""One export or no-op plan of a scenario account, in-process, timed phase by phase.

    .venv/bin/python bench/inprocess.py read|export|plan --scenario large --desired DIR [--profile N]

The emulator runs in this process behind ``httpx.MockTransport`` (the transport the tests
use), so "read" holds both the client and the emulator; the emulator's own share comes from
its request log. Prints one JSON object: seconds of wall and CPU per phase (load YAML, read,
normalise, diff, render / shape and write the export), requests made, the minimum the API
allows, and this process's peak memory, which includes the emulated account itself.
``--profile N`` adds the N functions with the most own time (cProfile), to find hot spots.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from provisioner.cli.main import tune_gc  # noqa: E402
from provisioner.provider import load_provider  # noqa: E402
from provisioner.testing.scenario import scenario_state  # noqa: E402


class Phases:
    """Wall and CPU seconds of each named step."""

    def __init__(self) -> None:
        self.times: dict[str, dict[str, float]] = {}

    def run(self, name: str, step: Callable[[], Any]) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        result = step()
        self.times[name] = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=("read", "export", "plan"))
    parser.add_argument("--provider", default="zendesk")
    parser.add_argument("--scenario", default="large")
    parser.add_argument("--desired", type=Path, required=True, help="folder: written by export, read by plan")
    parser.add_argument("--workdir", type=Path, default=Path("."), help="where the scenario cache lives")
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()

    tune_gc()  # as the CLI does
    provider = load_provider(args.provider)
    state = scenario_state(provider, args.scenario, args.workdir).state
    emulator = provider.make_emulator(state)
    del state
    adapter = provider.connect(provider.emulator_env, httpx.MockTransport(emulator))
    profiler = cProfile.Profile() if args.profile else None
    phases = Phases()
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if profiler:
        profiler.enable()
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    runs = {"read": run_read, "export": run_export, "plan": run_plan}
    result: dict[str, Any] = runs[args.what](provider, adapter, args.desired, phases)
    total = {"wall": time.perf_counter() - started_wall, "cpu": time.process_time() - started_cpu}
    if profiler:
        profiler.disable()
    adapter.close()
    log = emulator.request_log
    result.update({
        "what": args.what, "scenario": args.scenario, "phases": phases.times, "total": total,
        "requests": len(log), "emulator_seconds": sum(entry.duration_ms for entry in log) / 1000,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "account_loaded_mb": before_mb,
    })
    if profiler:
        result["profile"] = top_functions(profiler, args.profile)
    print(json.dumps(result))


def run_read(provider: Any, adapter: Any, folder: Path, phases: Phases) -> dict[str, Any]:
    """Only the read and normalisation of every kind (``folder`` is not used)."""
    from provisioner.live import build_live, read_raw

    raw = phases.run("read", lambda: read_raw(adapter, provider.kinds))
    live = phases.run("normalise", lambda: build_live(adapter.account, provider.kinds, raw))
    chain = getattr(adapter, "longest_chain", None)
    return {"objects": sum(len(v) for v in live.objects.values()), "minimum": minimum(adapter, raw),
            "chain": chain(raw) if chain else None}


def run_export(provider: Any, adapter: Any, folder: Path, phases: Phases) -> dict[str, Any]:
    from provisioner.export.writer import build_export, write_export
    from provisioner.live import build_live, read_raw

    raw = phases.run("read", lambda: read_raw(adapter, provider.kinds))
    live = phases.run("normalise", lambda: build_live(adapter.account, provider.kinds, raw))
    exported = phases.run("shape", lambda: build_export(provider, live))
    phases.run("write", lambda: write_export(exported, folder))
    chain = getattr(adapter, "longest_chain", None)
    return {"objects": exported.count, "minimum": minimum(adapter, raw), "chain": chain(raw) if chain else None}


def run_plan(provider: Any, adapter: Any, folder: Path, phases: Phases) -> dict[str, Any]:
    from rich.console import Console

    from provisioner.live import build_live, read_raw
    from provisioner.plan.build import PlanRequest, build_plan
    from provisioner.render.plan_text import render_plan
    from provisioner.workflow import Target, load_path

    target = Target(workdir=folder.parent).at(folder)  # the variables and escapes `plan` uses
    state, _ = phases.run("load", lambda: load_path(folder, target, require_env=True))
    raw = phases.run("read", lambda: read_raw(adapter, provider.kinds))
    live = phases.run("normalise", lambda: build_live(adapter.account, provider.kinds, raw))
    plan = phases.run("diff", lambda: build_plan(state, provider, live, target.plan_request(PlanRequest())))
    console = Console(file=io.StringIO(), width=200, no_color=True)
    phases.run("render", lambda: render_plan(plan, console))
    return {"objects": state.count(), "changes": len(plan.changes), "minimum": minimum(adapter, raw)}


def minimum(adapter: Any, raw: dict[str, list[Any]]) -> dict[str, int]:
    """The fewest requests the API allows, by kind (empty when the adapter cannot say)."""
    counts = getattr(adapter, "minimum_reads", None)
    return counts(raw) if counts else {}


def top_functions(profiler: cProfile.Profile, count: int) -> list[dict[str, Any]]:
    stats = pstats.Stats(profiler)
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:count]  # type: ignore[attr-defined]
    root = str(Path(__file__).resolve().parents[1]) + "/"
    return [{"function": f"{file.replace(root, '')}:{line}({name})", "own_s": round(own, 3), "cum_s": round(cum, 3),
             "calls": calls} for (file, line, name), (_, calls, own, cum, _) in rows]


if __name__ == "__main__":
    main()
