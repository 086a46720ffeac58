"""``blocks``: the Block 1-9 checklist for the live account, and what to do next."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.table import Table

from provisioner.blocks import IN_SYNC, NOTHING_DECLARED, block_progress, blocks_needed, next_step
from provisioner.cli.context import CommandContext
from provisioner.plan.build import PlanRequest
from provisioner.workflow import plan_path

MARKS = {IN_SYNC: "✓", NOTHING_DECLARED: "–"}


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    blocks = commands.add_parser("blocks", parents=[parent], help="show Blocks 1-9 as a checklist for the live account")
    blocks.add_argument("path", type=Path, help="a YAML file or a folder of them")
    blocks.add_argument("--json", action="store_true")
    blocks.set_defaults(handler=run_blocks)


def run_blocks(args: argparse.Namespace, ctx: CommandContext) -> int:
    planned = plan_path(args.path, ctx.target, PlanRequest())
    planned.adapter.close()
    progress = block_progress(planned.provider, planned.state, planned.plan)
    if args.json:
        print(json.dumps([{
            "block": b.block, "name": b.name, "status": b.status,
            "kinds": [{"kind": k.kind, "declared": k.declared, "in_sync": k.in_sync, "missing": k.missing,
                       "differing": k.differing, "order_differs": k.order_differs} for k in b.kinds],
        } for b in progress], indent=2))
        return 0
    table = Table(title=f"Build blocks for {planned.plan.account}")
    for column in ("", "block", "status", "kinds (in sync / declared)"):
        table.add_column(column)
    for block in progress:
        kinds = ", ".join(f"{k.kind} {k.in_sync}/{k.declared}" + (" (order differs)" if k.order_differs else "")
                          for k in block.kinds if k.declared or k.missing)
        table.add_row(MARKS.get(block.status, "○"), f"{block.block} {block.name}", block.status, kinds or "-")
    ctx.out.print(table)
    ctx.print(next_step(progress, blocks_needed(planned.provider, planned.plan)))
    return 0
