"""``validate`` and ``plan``."""

from __future__ import annotations

import argparse
from contextlib import nullcontext
from pathlib import Path

from provisioner.cli.context import CommandContext
from provisioner.cli.options import add_plan_options, plan_request
from provisioner.plan.store import save_plan
from provisioner.render.plan_text import render_plan
from provisioner.workflow import load_path, plan_path


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    validate = commands.add_parser("validate", parents=[parent], help="check the YAML; no request is made")
    validate.add_argument("path", type=Path, help="a YAML file or a folder of them")
    validate.set_defaults(handler=run_validate)

    plan = commands.add_parser("plan", parents=[parent], help="show what apply would change")
    plan.add_argument("path", type=Path, help="a YAML file or a folder of them")
    plan.add_argument("--out", type=Path, help="save the plan to FILE for 'apply FILE'")
    plan.add_argument("--json", action="store_true", help="print the plan as JSON (docs/plan-format.md)")
    plan.add_argument("--detailed-exitcode", action="store_true", help="exit 2 when there are changes, 0 when none")
    add_plan_options(plan)
    plan.set_defaults(handler=run_plan)


def run_validate(args: argparse.Namespace, ctx: CommandContext) -> int:
    state, provider = load_path(args.path, ctx.target)  # ${var.NAME} of the environment, too
    ctx.print(f"Valid: {state.count()} objects for {provider.name} in {len(state.sources)} file(s).")
    return 0


def run_plan(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.out.status("Reading the live account…") if ctx.interactive else nullcontext():
        planned = plan_path(args.path, ctx.target, plan_request(args))
    planned.adapter.close()  # every request is made; close now so no error below leaks the connection
    plan = planned.plan
    if args.out:
        save_plan(plan, args.out)
    if args.json:
        ctx.out.print_json(plan.model_dump_json())
    else:
        render_plan(plan, ctx.out)
        if args.out:
            ctx.print(f"Saved the plan to {args.out}. Apply exactly these changes with: provisioner apply {args.out}")
    if plan.errors:
        return 1
    return 2 if args.detailed_exitcode and plan.changes else 0

