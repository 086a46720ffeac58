"""``docs``: generate the living documents from the desired state, or ``--check`` them."""

from __future__ import annotations

import argparse
from pathlib import Path

from provisioner.cli.context import CommandContext
from provisioner.desired.load import load_desired
from provisioner.docs.generate import Source, documents, stale, write
from provisioner.live import read_live
from provisioner.plan.build import PlanRequest, build_plan


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    docs = commands.add_parser("docs", parents=[parent],
                               help="generate SLA, routing, agent, integration and account documents from the YAML")
    docs.add_argument("path", type=Path, help="a YAML file or a folder of them")
    docs.add_argument("--out", type=Path, default=Path("docs/generated"), help="folder to write (default docs/generated)")
    docs.add_argument("--check", action="store_true", help="write nothing; exit 2 if the files in --out are out of date")
    docs.add_argument("--live", action="store_true",
                      help="also read the account (with --emulator or credentials) to list unmanaged objects")
    docs.set_defaults(handler=run_docs)


def run_docs(args: argparse.Namespace, ctx: CommandContext) -> int:
    state, provider = load_desired(args.path)
    unmanaged, account = None, None
    if args.live:
        adapter = ctx.target.connect(provider)
        try:
            live = read_live(adapter, provider.kinds)
        finally:
            adapter.close()
        unmanaged, account = build_plan(state, provider, live, PlanRequest()).unmanaged, live.account
    source = Source(path=str(args.path), digest=state.digest, account=account)
    generated = documents(provider, state, source, unmanaged)
    if args.check:
        outdated = stale(generated, args.out)
        if outdated:
            ctx.print(f"Out of date in {args.out}: {', '.join(outdated)}. Run: provisioner docs {args.path} --out {args.out}")
            return 2
        ctx.print(f"Documents in {args.out} match the desired state.")
        return 0
    for path in write(generated, args.out):
        ctx.print(f"wrote {path}")
    return 0
