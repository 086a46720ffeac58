"""``apply PLANFILE`` (exactly a saved plan) and ``apply PATH --auto-approve`` (plan, then apply)."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.markup import escape

from provisioner.apply import ApplyReport, apply_plan
from provisioner.cli.context import CommandContext
from provisioner.cli.options import add_plan_options, plan_request
from provisioner.errors import UserError
from provisioner.plan.model import SYMBOLS, Change, Plan
from provisioner.plan.store import load_plan
from provisioner.provider import load_provider
from provisioner.render.plan_text import render_plan
from provisioner.workflow import plan_path


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    apply = commands.add_parser("apply", parents=[parent], help="apply a saved plan, or plan and apply a YAML path")
    apply.add_argument("source", type=Path, help="a plan file from 'plan --out', or a YAML file/folder")
    apply.add_argument("--auto-approve", action="store_true", help="apply a YAML path without asking")
    add_plan_options(apply)
    apply.set_defaults(handler=run_apply)


def is_plan_file(path: Path) -> bool:
    return path.is_file() and path.suffix == ".json"


def run_apply(args: argparse.Namespace, ctx: CommandContext) -> int:
    if is_plan_file(args.source):
        plan = load_plan(args.source)
        provider = load_provider(plan.provider)
        adapter = ctx.target.connect(provider)
    else:
        planned = plan_path(args.source, ctx.target, plan_request(args))
        plan, provider, adapter = planned.plan, planned.provider, planned.adapter
        render_plan(plan, ctx.out, show_unmanaged=False)
        if plan.errors:
            return 1
        if not plan.changes:
            return 0
        if not args.auto_approve:
            if not ctx.interactive:
                raise UserError("not applying without review: pass --auto-approve, or save a plan with 'plan --out' and apply that")
            answer = ctx.out.input("\nApply these changes? Only 'yes' is accepted: ")
            if answer.strip() != "yes":
                ctx.print("Apply cancelled.")
                return 1
    try:
        return report(apply_with_progress(plan, provider, adapter, ctx), ctx)
    finally:
        adapter.close()


def apply_with_progress(plan: Plan, provider, adapter, ctx: CommandContext) -> ApplyReport:  # type: ignore[no-untyped-def]
    if not plan.changes:
        ctx.print("No changes to apply.")
        return ApplyReport()
    ctx.print(f"\nApplying {len(plan.changes)} change(s) to {plan.account}…")

    def observer(event: str, change: Change, detail: object) -> None:
        if event == "done":
            suffix = f" (id {detail})" if detail is not None else ""
            ctx.print(f"  {escape(SYMBOLS[change.action])} {change.kind} {escape(repr(change.key))}: {change.action} done{escape(suffix)}")
        elif event == "failed":
            ctx.print(f"  [red]✗ {change.kind} {escape(repr(change.key))}: {change.action} failed[/red]")

    return apply_plan(plan, provider, adapter, observer=observer)


def report(result: ApplyReport, ctx: CommandContext) -> int:
    if result.ok:
        if result.applied:
            ctx.print(f"\nApply complete: {len(result.applied)} change(s) applied.")
        return 0
    assert result.failed is not None
    ctx.print(f"\n[red]Apply stopped[/red]: {len(result.applied)} change(s) applied, 1 failed, {len(result.skipped)} not attempted.")
    ctx.error(f"{result.failed.kind} {result.failed.key!r} ({result.failed.action}): {result.error}")
    for change in result.skipped:
        ctx.print(f"  not attempted: {change.action} {change.kind} {escape(repr(change.key))}")
    ctx.print("Run 'plan' again to see what is left; the applied changes are in place.")
    return 1
