"""``export PATH --provider NAME``: write the live account as YAML that plans with no changes."""

from __future__ import annotations

import argparse
from contextlib import nullcontext
from pathlib import Path

from rich.markup import escape

from provisioner import secrets
from provisioner.cli.context import CommandContext
from provisioner.export.writer import build_export, write_export
from provisioner.live import read_live
from provisioner.provider import KNOWN_PROVIDERS, load_provider


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    export = commands.add_parser("export", parents=[parent],
                                 help="write the live account as desired-state YAML (one file per kind)")
    export.add_argument("path", type=Path, help="folder to write; files export did not write are never touched")
    export.add_argument("--provider", required=True, choices=KNOWN_PROVIDERS)
    export.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    provider = load_provider(args.provider)
    target = ctx.target.at(args.path)
    adapter = target.connect(provider)
    try:
        with ctx.out.status("Reading the live account…") if ctx.interactive else nullcontext():
            live = read_live(adapter, provider.kinds)
    finally:
        adapter.close()
    result = build_export(provider, live, target.settings.name)
    written = write_export(result, args.path)
    for note in result.notes:
        ctx.err.print(f"[yellow]warning:[/yellow] {escape(secrets.redact(note))}", soft_wrap=True)
    for problem in result.invalid:
        ctx.error(f"exported but will not load: {problem} (a gap in the {provider.name} kind declarations)")
    kinds = ", ".join(f"{len(k.objects)} {k.kind.name}" for k in result.kinds if k.objects) or "nothing"
    ctx.print(f"Exported {result.count} objects from {escape(live.account)} to {escape(str(args.path))}: "
              f"{kinds} ({len(written)} file(s)).")
    return 1 if result.invalid else 0
