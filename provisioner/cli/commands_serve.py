"""``emulator serve``: the provider's emulator over HTTP on 127.0.0.1, for any client."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from provisioner.cli.context import CommandContext
from provisioner.connect import PersistingEmulator
from provisioner.provider import KNOWN_PROVIDERS, load_provider


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    emulator = commands.add_parser("emulator", parents=[parent], help="run a provider's API emulator")
    actions = emulator.add_subparsers(dest="emulator_command", metavar="ACTION")
    actions.required = True
    serve = actions.add_parser("serve", parents=[parent], help="serve the emulator on 127.0.0.1")
    serve.add_argument("--provider", required=True, choices=KNOWN_PROVIDERS)
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--state", type=Path, help="JSON file to load the account from and save it to")
    serve.add_argument("--rpm", type=int, help="requests-per-minute limit with the vendor's headers and 429s")
    serve.add_argument("--scenario", metavar="NAME",
                       help="start from a generated account (zendesk: large, huge; docs/benchmarks.md); "
                            "with --state, only when the state file does not exist yet")
    serve.add_argument("--request-log", type=Path, metavar="FILE",
                       help="append every request served (method, path, status, duration) to FILE as JSON lines")
    add_fault_options(serve)
    serve.set_defaults(handler=run_serve)


def add_fault_options(serve: argparse.ArgumentParser) -> None:
    """Latency and seeded faults in front of the emulator (docs/reliability.md)."""
    from providers.common.faults import FAULT_KINDS

    group = serve.add_argument_group("injected latency and faults (reproducible from --seed)")
    group.add_argument("--latency-ms", type=float, default=0.0, metavar="N", help="add N ms to every request")
    group.add_argument("--fault-rate", type=float, default=0.0, metavar="R",
                       help="share of requests (0-1) answered with a fault instead")
    group.add_argument("--fault-kinds", default=",".join(FAULT_KINDS), metavar="K,K",
                       help=f"which faults, chosen evenly: {', '.join(FAULT_KINDS)} (default: all)")
    group.add_argument("--seed", type=int, default=0, help="seed deciding which requests fail")
    group.add_argument("--retry-after", type=int, default=1, metavar="S", help="Retry-After seconds on 429/503 faults")
    group.add_argument("--fault-hang-seconds", type=float, default=35.0, metavar="S",
                       help="how long a 'timeout' fault stalls before dropping the connection")


def fault_options(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from providers.common.faults import FaultOptions

    kinds = tuple(k.strip() for k in args.fault_kinds.replace("+", ",").split(",") if k.strip())
    return FaultOptions(rate=args.fault_rate, kinds=kinds, seed=args.seed, latency_ms=args.latency_ms,
                        retry_after=args.retry_after, hang_seconds=args.fault_hang_seconds)


def run_serve(args: argparse.Namespace, ctx: CommandContext) -> int:
    from providers.common.serve import make_server

    provider = load_provider(args.provider)
    state = json.loads(args.state.read_text()) if args.state and args.state.exists() else None
    if state is None and args.scenario:
        state = _scenario_state(provider, args.scenario, ctx)
    options = {"rpm": args.rpm} if args.rpm else {}
    emulator = provider.make_emulator(state, **options)
    handler = PersistingEmulator(emulator, args.state) if args.state else emulator
    faults = fault_options(args)
    if faults.active:
        from providers.common.faults import FaultyEmulator

        handler = FaultyEmulator(handler, faults, network="mark")
    request_log = None
    if args.request_log:
        from providers.common.request_log import RequestLogFile

        handler = request_log = RequestLogFile(handler, args.request_log)
    server = make_server(handler, args.port)
    url = f"http://127.0.0.1:{server.server_port}"
    ctx.print(f"{provider.name} emulator listening on {url} (Ctrl-C to stop)")
    if faults.active:
        ctx.print(f"Injecting: latency {faults.latency_ms:g} ms, {faults.rate:.0%} faults of kinds "
                  f"{', '.join(faults.kinds)} (seed {faults.seed})")
    ctx.print(f"Point the tool at it with: {_url_var(provider.name)}={url} and any token")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        ctx.print("stopped")
    finally:
        server.server_close()
        if request_log is not None:
            request_log.close()
    return 0


def _scenario_state(provider, name: str, ctx: CommandContext) -> dict:  # type: ignore[no-untyped-def]
    """The generated account ``name`` (built once, then read from .provisioner/scenarios/)."""
    from provisioner.testing.scenario import scenario_state

    built = scenario_state(provider, name, ctx.target.workdir, progress=lambda text: ctx.err.print(text))
    where = f"cached in {built.path}" if built.path else "not cached"
    ctx.err.print(f"Scenario {name}: {'read from the cache' if built.cached else 'generated'} ({where})")
    return built.state


def _url_var(provider: str) -> str:
    return f"{provider.upper()}_URL"
