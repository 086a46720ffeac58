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
    serve.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace, ctx: CommandContext) -> int:
    from providers.common.serve import make_server

    provider = load_provider(args.provider)
    state = json.loads(args.state.read_text()) if args.state and args.state.exists() else None
    options = {"rpm": args.rpm} if args.rpm else {}
    emulator = provider.make_emulator(state, **options)
    handler = PersistingEmulator(emulator, args.state) if args.state else emulator
    server = make_server(handler, args.port)
    url = f"http://127.0.0.1:{server.server_port}"
    ctx.print(f"{provider.name} emulator listening on {url} (Ctrl-C to stop)")
    ctx.print(f"Point the tool at it with: {_url_var(provider.name)}={url} and any token")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        ctx.print("stopped")
    finally:
        server.server_close()
    return 0


def _url_var(provider: str) -> str:
    return f"{provider.upper()}_URL"
