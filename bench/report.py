"""The Markdown report of ``bench/performance.py`` (docs/benchmarks.md): figures, targets, machine."""

from __future__ import annotations

import os
import platform
import time
from collections import Counter
from pathlib import Path
from typing import Any

PLAN_SECONDS, PLAN_MB, GROWTH, RATE_SHARE = 2.0, 150.0, 10.0, 0.9
FAULT_HANG, RETRY_AFTER = 2.0, 1.0  # bench/served.py: --fault-hang-seconds 2; the fault layer's Retry-After


def machine() -> dict[str, Any]:
    """What the figures ran on; the load average shows how shared the machine was."""
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
        memory = f"{kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": memory, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}", "load": os.getloadavg()}


def _n(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}"


def _ratio(requests: int, minimum: int) -> str:
    return _n(requests / minimum) if minimum else "n/a"


def _verdict(ok: bool, detail: str) -> str:
    return f"met ({detail})" if ok else f"**missed** ({detail})"


def _read_rows(results: dict[str, Any], key: str, minimum: int, bounds: dict[float, float]) -> list[str]:
    rows = []
    for run in results.get(key, []):
        for what in ("export", "plan"):
            r = run[what]
            bound = bounds.get(run["latency_ms"], 0.0)
            rows.append(f"| {run['scenario']} | {what} | {run['latency_ms']:g} ms | {r['requests']} | {minimum} | "
                        f"{_ratio(r['requests'], minimum)} | {_n(r['wall'])} | {_n(r['cpu'])} | {r['peak_mb']:.0f} | "
                        f"{_n(r['server_cpu'])} | {_n(bound) if bound else '–'} | {r['code']} |")
    return rows


def _provider_rows(providers: dict[str, Any]) -> list[str]:
    rows = []
    for provider, run in providers.items():
        least = sum(run["minimum"].values())
        for what in ("export", "plan"):
            r = run[what]
            rows.append(f"| {provider} | {what} | {r['requests']} | {least} | {_ratio(r['requests'], least)} | "
                        f"{_n(r['wall'])} | {_n(r['cpu'])} | {r['peak_mb']:.0f} | {_n(r['server_cpu'])} | {r['code']} |")
    return rows


def _growth(results: dict[str, Any]) -> list[str]:
    """Large against huge, command by command (huge holds ten times the objects)."""
    large = next((run for run in results.get("large", []) if run["latency_ms"] == 0), None)
    huge = (results.get("huge") or [None])[0]
    if not large or not huge:
        return []
    lines = ["Growth from large to huge (ten times the objects), over HTTP at 0 ms:", "",
             "| Command | Requests | Wall s | CPU s | Peak MB |", "|---|---|---|---|---|"]
    for what in ("export", "plan"):
        a, b = large[what], huge[what]
        lines.append(f"| {what} | {a['requests']} → {b['requests']} ({b['requests'] / a['requests']:.1f}x) | "
                     f"{_n(a['wall'])} → {_n(b['wall'])} ({b['wall'] / a['wall']:.1f}x) | "
                     f"{_n(a['cpu'])} → {_n(b['cpu'])} ({b['cpu'] / a['cpu']:.1f}x) | "
                     f"{a['peak_mb']:.0f} → {b['peak_mb']:.0f} ({b['peak_mb'] / a['peak_mb']:.1f}x) |")
    inner = results.get("huge_inprocess", {}).get("plan")
    outer = results.get("large_inprocess", {}).get("plan")
    if inner and outer and "error" not in inner and "error" not in outer:
        phases = " · ".join(f"{name} {inner['phases'][name]['cpu'] / max(p['cpu'], 1e-9):.1f}x"
                            for name, p in outer["phases"].items() if name in inner["phases"] and name != "render")
        lines += ["", f"In-process plan, CPU growth by phase: {phases}."]
    return lines + [""]


def _inprocess_rows(scenario: str, runs: dict[str, Any]) -> list[str]:
    rows = []
    for what, r in runs.items():
        if "error" in r:
            rows.append(f"| {scenario} | {what} | failed: {r['error'][-200:]} |||||||")
            continue
        phases = " · ".join(f"{name} {_n(p['cpu'])}" for name, p in r["phases"].items())
        rows.append(f"| {scenario} | {what} | {r['requests']} | {sum(r['minimum'].values())} | {_n(r['total']['wall'])} | "
                    f"{_n(r['total']['cpu'])} | {_n(r['emulator_seconds'])} | {phases} | {r['peak_mb']:.0f} "
                    f"({r['account_loaded_mb']:.0f}) |")
    return rows


def _apply_rows(run: dict[str, Any]) -> list[str]:
    applied = run["apply"]
    entries = applied["entries"]
    limited = sum(1 for e in entries if e["status"] == 429 and not e.get("injected"))
    injected = Counter(e["injected"] for e in entries if e.get("injected"))
    rate = applied["requests"] / applied["wall"] * 60 if applied["wall"] else 0
    faults = ", ".join(f"{n} {kind}" for kind, n in sorted(injected.items())) or "none"
    if injected:  # what the faults alone make the client wait: stalls and Retry-After
        imposed = injected["timeout"] * FAULT_HANG + (injected["429"] + injected["503"]) * RETRY_AFTER
        faults += f" (at least {imposed:.0f} s of waiting they impose)"
    budget = run["budget"]
    used = "not held back" if not budget["windows"] else f"{budget['share']:.0%} of {budget['windows']} window(s)"
    after = "no changes" if run["after"]["code"] == 0 else f"changes left (exit {run['after']['code']})"
    return [f"| {run['changes']} | {run['rpm']}/min | {run['fault_rate']:.0%} | {applied['code']} | {applied['requests']} | "
            f"{_n(applied['wall'], 1)} | {_n(run['bound'], 1)} | {rate:.0f}/min | {used} | {limited} | {faults} | {after} |"]


def _targets(results: dict[str, Any]) -> list[str]:
    lines = ["| Target | Result |", "|---|---|"]
    minimums = {"large": sum(results.get("large_minimum", {}).values()),
                "huge": sum(results.get("huge_minimum", {}).values())}
    for run in results.get("large", []) + results.get("huge", []):
        least = minimums[run["scenario"]]
        for what in ("export", "plan"):
            made = run[what]["requests"]
            detail = "%d / %d = %s" % (made, least, _ratio(made, least))
            lines.append("| %s of %s at %g ms: requests = minimum | %s |"
                         % (what, run["scenario"], run["latency_ms"], _verdict(made == least, detail)))
    by_latency = {run["latency_ms"]: run for run in results.get("large", [])}
    fast, slow = by_latency.get(0), by_latency.get(50)
    if fast:
        plan = fast["plan"]
        lines.append("| no-op plan of large within %g s wall | %s |" % (PLAN_SECONDS, _verdict(
            plan["wall"] <= PLAN_SECONDS, "%s s wall, %s s CPU" % (_n(plan["wall"]), _n(plan["cpu"])))))
        lines.append("| no-op plan of large at most %g MB | %s |" % (PLAN_MB, _verdict(
            plan["peak_mb"] <= PLAN_MB, "%.0f MB peak" % plan["peak_mb"])))
    if fast and slow:
        bound = results.get("large_bound_50", 0.0)
        for what in ("export", "plan"):
            added = slow[what]["wall"] - fast[what]["wall"]
            lines.append("| %s at 50 ms: latency costs about the longest chain of pages (%s s) | %s s more than "
                         "at 0 ms (%s s wall) |" % (what, _n(bound), _n(added), _n(slow[what]["wall"])))
    huge = (results.get("huge") or [None])[0]
    if huge and fast:
        wall = huge["plan"]["wall"] / fast["plan"]["wall"]
        cpu = huge["plan"]["cpu"] / fast["plan"]["cpu"]
        memory = huge["plan"]["peak_mb"] / fast["plan"]["peak_mb"]
        large_objects = results.get("large_inprocess", {}).get("plan", {}).get("objects")
        huge_objects = results.get("huge_read", {}).get("objects")
        objects = "%.1fx" % (huge_objects / large_objects) if large_objects and huge_objects else "10x"
        lines.append("| no-op plan of huge within %gx of large | %s |" % (GROWTH, _verdict(
            max(wall, cpu) <= GROWTH, "%.1fx wall, %.1fx CPU, %.1fx memory for %s the objects" % (
                wall, cpu, memory, objects))))
    for provider, run in results.get("providers", {}).items():
        least = sum(run["minimum"].values())
        for what in ("export", "plan"):
            made = run[what]["requests"]
            lines.append("| %s: %s of large: requests = minimum | %s |" % (
                provider, what, _verdict(made == least, "%d / %d = %s" % (made, least, _ratio(made, least)))))
        plan = run["plan"]
        lines.append("| %s: no-op plan of large within %g s wall, at most %g MB | %s |" % (
            provider, PLAN_SECONDS, PLAN_MB, _verdict(plan["wall"] <= PLAN_SECONDS and plan["peak_mb"] <= PLAN_MB,
                                                      "%s s wall, %s s CPU, %.0f MB" % (
                                                          _n(plan["wall"]), _n(plan["cpu"]), plan["peak_mb"]))))
    for key in ("apply", "apply_faults"):
        run = results.get(key)
        if not run:
            continue
        applied = run["apply"]
        limited = sum(1 for e in applied["entries"] if e["status"] == 429 and not e.get("injected"))
        label = "apply at %d/min%s" % (run["rpm"], " with %.0f%% faults" % (run["fault_rate"] * 100)
                                        if run["fault_rate"] else "")
        budget = run["budget"]
        if budget["windows"]:
            lines.append("| %s: at least %.0f%% of the allowed rate | %s |" % (label, RATE_SHARE * 100, _verdict(
                budget["share"] >= RATE_SHARE, "%.0f%% of the budget of the %d window(s) it waited through"
                % (100 * budget["share"], budget["windows"]))))
        else:
            lines.append("| %s: at least %.0f%% of the allowed rate | not measurable: the limit never held it back |"
                         % (label, RATE_SHARE * 100))
        lines.append("| %s: no 429 from the limit | %s |" % (label, _verdict(limited == 0, "%d received" % limited)))
    return lines


def write_report(results: dict[str, Any], out: Path) -> str:
    m, after = results["machine"], results.get("machine_after", results["machine"])
    minimum = sum(results.get("large_minimum", {}).values())
    huge_minimum = sum(results.get("huge_minimum", {}).values())
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(results["started"]))
    took = (results.get("finished", results["started"]) - results["started"]) / 60
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` ({'quick mode, ' if results['quick'] else ''}{when}, {took:.0f} minutes). "
        "Re-run it to refresh every figure; see [Performance](#how-the-figures-are-made) for what each one means.",
        "",
        f"**Machine:** {m['cpu']}, {m['cores']} cores, {m['memory']}, Python {m['python']}, {m['system']}. "
        f"Load average {m['load'][0]:.1f} at the start and {after['load'][0]:.1f} at the end"
        + (": the machine was shared with other work, so wall times are noisy" if max(m["load"][0], after["load"][0]) > 1
           else "") + "; CPU time (user + system of the one process) is the steadier figure.",
        "",
        "## Targets",
        "",
        *_targets(results),
        "",
        "## Scenario 1 and 2: full read (export) and no-op plan, over loopback HTTP",
        "",
        "Each command is the real CLI in its own process against `provisioner emulator serve --scenario NAME` in "
        "another; requests are counted from the server's `--request-log`. Every command ran three times "
        "(the fastest wall time is shown, with the lowest CPU time; every run is in the raw results). *Minimum* is the fewest requests the API "
        f"allows (`providers/zendesk/read_cost.py`): {minimum} for large, {huge_minimum or 'n/a'} for huge. "
        "*Latency bound* is the latency a read cannot avoid at 50 ms: its longest chain of requests that must "
        "follow one another (a list's pages), or all its requests spread over the 8 reading threads, whichever is "
        "longer.",
        "",
        "| Account | Command | Latency | Requests | Minimum | Ratio | Wall s | CPU s | Peak MB | Server CPU s | Latency bound s | Exit |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *_read_rows(results, "large", minimum, {50: results.get("large_bound_50", 0.0)}),
        *_read_rows(results, "huge", huge_minimum, {}),
        "",
        *_growth(results),
        "### In-process (the emulator in the same process, behind `httpx.MockTransport`)",
        "",
        "CPU seconds per phase; *read* includes the emulator (its own share in the next column). Peak MB includes "
        "the emulated account itself (in brackets: before the command ran).",
        "",
        "| Account | Command | Requests | Minimum | Wall s | CPU s | Emulator s | CPU by phase | Peak MB |",
        "|---|---|---|---|---|---|---|---|---|",
        *_inprocess_rows("large", results.get("large_inprocess", {})),
        *_inprocess_rows("huge", results.get("huge_inprocess", {})),
        "",
        "## Scenario 1 for Freshdesk and Intercom",
        "",
        "The same export and no-op plan over loopback at 0 ms against each provider's `large` account "
        "(`providers/<provider>/scenarios.py`); the plan ran three times, the fastest shown. *Minimum* is the "
        "provider's `read_cost.py`, applied to an in-process read of the same account. The emulator answers one "
        "request at a time, so its own CPU (*Server CPU*) is part of the client's wall time.",
        "",
        "| Provider | Command | Requests | Minimum | Ratio | Wall s | CPU s | Peak MB | Server CPU s | Exit |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *_provider_rows(results.get("providers", {})),
        "",
        "## Where the time of a no-op plan goes",
        "",
        *_profile(results.get("large_inprocess", {}).get("plan", {}), results.get("profile", {})),
        "",
        "## Scenario 3 and 4: apply at a rate limit",
        "",
        "A served `large` account with `--rpm` (Zendesk's fixed one-minute window and headers); the desired state is "
        "the export plus new macros (creates) and edited trigger descriptions (updates), planned with `plan --out` "
        "and applied with `apply PLAN` (default `--parallelism 4`). Requests include the apply's reads: one before the first "
        "write (shared by the stale check and the history's before-state) and one after it (the history's "
        "after-state), each also reading the kinds the changed objects name. *Bound* is the least "
        "time the limit allows for those requests, given what the plan spent of the same window, if each window's "
        "budget went out at once. *Budget used* is the share of each one-minute window's budget spent while the "
        "limit held the apply back (the window it finished in is left out). 429s are the limit's own; injected "
        "faults (`--fault-rate 0.2 --seed 7`, timeouts stalled 2 s) are listed apart.",
        "",
        "| Changes | Limit | Faults | Exit | Requests | Wall s | Bound s | Rate | Budget used | 429s from the limit | Injected faults | Plan afterwards |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(_apply_rows(results["apply"]) if "apply" in results else []),
        *(_apply_rows(results["apply_faults"]) if "apply_faults" in results else []),
        "",
        *STATIC.splitlines(),
    ]
    text = "\n".join(lines) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    return text


def _profile(run: dict[str, Any], profiled: dict[str, Any]) -> list[str]:
    if not run or "error" in run:
        return ["(not available)"]
    total = run["total"]["cpu"] or 1
    lines = ["In-process no-op plan of large, by phase (CPU seconds, share of the command):", "",
             "| Phase | What it is | CPU s | Share |", "|---|---|---|---|"]
    what = {"load": "parse the YAML, validate, check references and cycles",
            "read": "client (HTTP, JSON) and the emulator answering", "normalise": "strip server fields, ids to names",
            "diff": "match objects, compare, build the plan", "render": "print the plan"}
    for name, phase in run["phases"].items():
        lines.append(f"| {name} | {what.get(name, '')} | {_n(phase['cpu'])} | {phase['cpu'] / total:.0%} |")
    lines += ["", "The functions with the most own time (cProfile; profiling slows everything about 2x):", "",
              "| Function | Own s | Cumulative s | Calls |", "|---|---|---|---|"]
    lines += [f"| `{row['function']}` | {row['own_s']} | {row['cum_s']} | {row['calls']} |"
              for row in profiled.get("profile", [])]
    return lines


STATIC = """## How the figures are made

- `make bench` runs `bench/performance.py`. Accounts come from `provisioner emulator serve --scenario large|huge`
  (`providers/zendesk/scenarios.py`: 1,000 triggers, macros and ticket fields and 50 of every other kind; ten
  times that for huge), generated once from the example desired state by `provisioner/testing/scenario.py` and
  cached in `.provisioner/scenarios/`. Generating `huge` takes several minutes the first time.
- Each measured command runs in a fresh process; wall time, CPU (user + system) and peak resident memory come
  from `os.wait4` for that process alone. The server's CPU comes from `/proc`.
- `bench/inprocess.py` repeats reads and plans with the emulator in-process and times each phase; with
  `--profile N` it lists the hottest functions.
- A test (`tests/perf/test_read_requests.py`) checks, without timing anything, that reading a generated account
  makes exactly the minimum number of requests.

## Benchmark accounts and request logs

Anyone can reproduce a figure by hand:

```sh
provisioner emulator serve --provider zendesk --scenario large --port 8765 --request-log /tmp/requests.jsonl &
export ZENDESK_URL=http://127.0.0.1:8765 ZENDESK_OAUTH_TOKEN=any-token
provisioner export /tmp/large --provider zendesk        # the full read
provisioner plan /tmp/large --detailed-exitcode         # no changes, exit 0
wc -l /tmp/requests.jsonl                               # the minimum, twice: 228
```

- Every provider has both scenarios (`--provider freshdesk|intercom --scenario large`): Freshdesk's hold 1,000
  canned responses, solution articles and dispatcher rules, Intercom's 1,000 articles, tags and news items, and
  50 of every other kind (ten times that for huge).
- `--scenario large|huge` starts from a generated account instead of a fresh one (with `--state FILE`, only
  when that file does not exist yet). The account is built once through the real client, so the emulator's
  own validation keeps it legal, and cached by a digest of the emulator, the kinds, the generator and the
  example YAML; a change to any of them builds it again.
- `--request-log FILE` appends one JSON object per request answered: method, path, query string, status,
  duration in ms, time; `"injected": KIND` marks an answer from `--fault-rate` rather than the account.
  Headers and bodies are never written.
- `--latency-ms N` adds N ms to every request; concurrent requests wait side by side, as on a network.

## What was changed to get here

Profiled first (cProfile, `bench/inprocess.py --profile N`), then fixed one hot spot at a time, running the
affected tests after each:

- **Requests.** Help Center categories, sections and articles were read with one more GET per object for its
  translations; they now use the documented `include=translations` sideload. Routing attributes read their
  values with `include=attribute_values` instead of one GET per attribute. Group memberships and ticket form
  statuses re-read the groups and ticket forms lists that their own kinds read anyway; the adapter's
  `read_session` now shares identical list requests within one read. A read of large went from 326 requests
  to 114, the minimum. Holidays have no bulk list (one GET per schedule is the minimum); they are now fetched
  eight at a time, so at 50 ms latency the schedules cost 8 round trips instead of 53.
- **YAML loading** was most of a plan: PyYAML's pure-Python parser needs 4.0 s of CPU for the 1.7 MB export
  of large. Everyday documents are now built straight from libyaml's event stream
  (`provisioner/desired/yaml_fast.py`, 0.5 s) with the same values, lines and error messages: anything
  unusual (aliases, tags, tabs, duplicate keys, deep nesting, any syntax error) still goes to the pure
  parser, and both were checked to agree on every YAML file in the repository and on 14,000 random
  mutations of them. Checking references walks each document once and without copying it, and files
  without `${` skip the placeholder walk.
- **Quadratic steps** invisible at 50 objects: finding desired and live objects by key scanned the whole
  kind (now indexed), refusing duplicate keys compared each object with every earlier one, the reorder check
  rebuilt a set for every object, the generator filtered the whole pool per reference, and the emulator
  sorted, filtered and rendered every record to answer one page of 100 (it now renders the page only, finds
  the cursor by binary search and keeps sorted lists until the next write).
- **Garbage collection** re-walked the hundreds of thousands of live objects every 700 allocations: a third
  of a plan's CPU at large, and growing faster than the account. The CLI now collects young objects 100
  times less often (`provisioner/cli/main.py`, `tune_gc`).
- **Parallel apply.** An apply sent one change at a time, so every retry's back-off and every stalled
  request held up the whole run: under 20% faults, 1,000 changes took 595.8 s and used 38% of the budget
  (`make bench` of 2026-11-23 03:55, same machine). Independent changes of one kind and action now go out
  side by side (`apply --parallelism N`, default 4; docs/reliability.md), with the pacer keeping the total
  inside the budget. Without faults the run was already limited by the budget alone.
- **Every provider at the minimum.** Freshdesk read the categories of its solution tree three times and the field
  lists its rules translate names with twice (247 requests for large now, the minimum; `read_cost.py` per
  provider, and a test per provider that a read of a generated account makes exactly that many requests). Lists
  several kinds need are shared within one read (`providers/common/shared_lists.py`); children the APIs list only
  per parent (Freshdesk folders, articles, canned responses and forms, Intercom schedule exceptions, Zendesk
  holidays) are fetched eight at a time (`providers/common/fan_out.py`); Intercom's page-number lists fetch pages
  2..N side by side once page 1 gives the count.
- **Plan CPU, second pass** (profiled again after the first): the fast YAML loader's event loop, the reference
  walk, the placeholder checks and diff matching were tightened; the CLI imports only the module of the command
  it runs, and `deepdiff` only when a plan has nested updates; the young-generation collection threshold went
  to 1,000,000, where a large plan makes no collection at all.
- **Served emulator stalls.** The server wrote headers and body separately with Nagle's algorithm on, so every
  response smaller than a TCP segment waited about 40 ms for the client's delayed ACK: the 11 pages of macros
  cost 0.4 s of a plan that the client never spent. It now sets `TCP_NODELAY`, and its listen backlog is 64
  (it was 5, less than the 8 connections a read opens).
- **Export's YAML.** Three quarters of an export's CPU went to PyYAML's pure-Python emitter (the C emitter cannot
  keep the export's indentation). Export now writes with an emitter of its own (`provisioner/export/yaml_emit.py`)
  that asks PyYAML only how to write an unusual scalar, and falls back to PyYAML for a document it is unsure of;
  property tests, every provider's example and random accounts check it byte for byte against PyYAML, and the
  exports of large and huge were compared with `diff -r`.
- **Emulators answering one page.** The Freshdesk emulator rendered all 1,000 dispatcher rules (and looked up
  every field name once per rule) to answer each page of 100; it now renders the page only (server time of a
  Freshdesk plan: 0.78 s to 0.26 s). The Zendesk emulator had the same fix earlier.
- **Served latency.** The server held its lock while sleeping the injected latency, so concurrent reads
  queued one behind another (8 requests at 300 ms took 2.4 s instead of 0.3 s); the fault layer now sleeps
  outside the lock.

## Known costs not removed

- An apply reads more than it writes: before the first write it reads the kinds it changes with every kind
  they name (one read, shared by the stale check and the rollback history's before-state), and after the
  last the same again for the history's after-state (for triggers that includes the 53 requests of
  schedules).
- After a create whose answer was lost, apply looks at the newest page of macros, triggers, automations and
  views (one request); when the create did not land, and for every other kind, it reads the whole kind.
  Zendesk's search endpoints could look an object up by title in one request, but their matching is fuzzy.
- Starting the CLI (Python, pydantic, httpx, rich and the kinds' models) costs about 0.4 s of every command.
"""
