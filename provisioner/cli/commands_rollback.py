"""``rollback [APPLY_ID]``: undo an apply (and every later one) through an ordinary plan.

The reverse plan is reviewed, saved (``--out``) and applied exactly like a plan made from YAML,
with the same stale check; its apply is recorded in the history too, so a rollback can itself be
rolled back. Edits made after the undone applies are listed and refused unless ``--force``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.markup import escape

from provisioner.cli.commands_apply import add_parallelism_option, apply_with_progress, report, review
from provisioner.cli.context import CommandContext
from provisioner.errors import UserError
from provisioner.cli.commands_history import add_history_option, history_store
from provisioner.history.overwrites import Overwrite
from provisioner.history.reverse import build_rollback, with_forced_overwrites
from provisioner.history.selection import Undo, plan_undo
from provisioner.plan.store import save_plan
from provisioner.provider import load_provider
from provisioner.render.plan_text import render_plan


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    rollback = commands.add_parser("rollback", parents=[parent],
                                   help="undo an apply and every later one (see 'provisioner history')")
    rollback.add_argument("apply_id", nargs="?", metavar="APPLY_ID",
                          help="the earliest apply to undo (id or unique prefix); default: the latest apply")
    rollback.add_argument("--out", type=Path, metavar="FILE",
                          help="save the reverse plan to FILE for review and 'provisioner apply FILE'; nothing is applied")
    rollback.add_argument("--auto-approve", action="store_true", help="apply the reverse plan without asking")
    rollback.add_argument("--force", action="store_true",
                          help="roll back even over objects changed after the apply (they are listed)")
    add_history_option(rollback)
    add_parallelism_option(rollback)
    rollback.set_defaults(handler=run_rollback)


def describe(undo: Undo) -> str:
    if len(undo.records) == 1:
        return f"apply {undo.records[0].id}"
    return f"{len(undo.records)} applies, {undo.records[0].id} to {undo.records[-1].id}"


def show_overwrites(overwrites: list[Overwrite], ctx: CommandContext) -> None:
    ctx.print(f"\n{len(overwrites)} change(s) made after the applies being undone would be overwritten:")
    for item in overwrites:
        ctx.print(f"  ! {escape(item.address)}: {escape(item.summary)} (after apply {item.since})")
        for line in item.lines:
            ctx.print(f"      {escape(line)}")


def run_rollback(args: argparse.Namespace, ctx: CommandContext) -> int:
    undo = plan_undo(history_store(ctx, args.history_dir), args.apply_id)
    provider = load_provider(undo.provider)
    adapter = ctx.target.connect(provider)
    try:
        if adapter.account != undo.account:
            raise UserError(f"{describe(undo)} was made on {undo.account}, but this command is connected to {adapter.account}")
        ctx.print(f"Rolling back {describe(undo)} on {undo.account}.")
        rollback = build_rollback(undo, provider, adapter, ctx.target.resolver())
        plan = rollback.plan
        if rollback.overwrites and not args.force:
            show_overwrites(rollback.overwrites, ctx)
            raise UserError(f"rollback refused: {len(rollback.overwrites)} later change(s) listed above would be lost; "
                            "pass --force to overwrite them")
        if rollback.overwrites:  # forced: the plan's warnings name every edit it overwrites
            plan = with_forced_overwrites(rollback)
        if args.out:
            render_plan(plan, ctx.out, show_unmanaged=False)
            save_plan(plan, args.out)
            ctx.print(f"Saved the rollback plan to {args.out}. Apply exactly these changes with: provisioner apply {args.out}")
            return 1 if plan.errors else 0
        verdict = review(plan, args, ctx)  # the same review as apply: render, then 'yes' or --auto-approve
        if verdict is not None:
            if verdict == 0:
                ctx.print("Nothing to roll back: the account is already as it was before.")
            return verdict
        return report(apply_with_progress(plan, provider, adapter, ctx, history_dir=args.history_dir,
                                          parallelism=args.parallelism), ctx)
    finally:
        adapter.close()
