"""``apply PLANFILE`` (exactly a saved plan) and ``apply PATH --auto-approve`` (plan, then apply)."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.markup import escape

from provisioner import secrets
from provisioner.apply import ApplyReport, Observer
from provisioner.apply_batches import DEFAULT_PARALLELISM
from provisioner.cli.context import CommandContext
from provisioner.cli.options import add_plan_options, plan_request
from provisioner.errors import ProvisionerError, UserError
from provisioner.cli.commands_history import add_history_option, recorded
from provisioner.journal.run import apply_journaled, find_resumable, resume_journaled
from provisioner.plan.model import SYMBOLS, Change, Plan
from provisioner.plan.store import load_plan
from provisioner.provider import load_provider
from provisioner.render.plan_text import render_plan
from provisioner.workflow import plan_path


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    apply = commands.add_parser("apply", parents=[parent], help="apply a saved plan, or plan and apply a YAML path")
    apply.add_argument("source", type=Path, nargs="?",
                       help="a plan file from 'plan --out', or a YAML file/folder (optional with --resume)")
    apply.add_argument("--auto-approve", action="store_true", help="apply a YAML path without asking")
    apply.add_argument("--resume", action="store_true",
                       help="finish an interrupted apply from its journal (docs/reliability.md)")
    add_plan_options(apply)
    add_history_option(apply)
    add_parallelism_option(apply)
    apply.set_defaults(handler=run_apply)


def add_parallelism_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--parallelism", type=positive_int, default=DEFAULT_PARALLELISM, metavar="N",
                        help=f"send up to N independent changes at once (default {DEFAULT_PARALLELISM}; "
                             "1 sends them one by one, in plan order)")


def positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text} is less than 1")
    return number


def is_plan_file(path: Path) -> bool:
    return path.is_file() and path.suffix == ".json"


def run_apply(args: argparse.Namespace, ctx: CommandContext) -> int:
    if args.resume:
        return run_resume(args, ctx)
    if args.source is None:
        raise UserError("apply needs a plan file or a YAML path (or --resume to finish an interrupted apply)")
    if is_plan_file(args.source):
        plan = load_plan(args.source)
        provider = load_provider(plan.provider)
        adapter = ctx.target.at(args.source).connect(provider)  # --env: provisioner.yaml above the plan
    else:
        planned = plan_path(args.source, ctx.target, plan_request(args))
        plan, provider, adapter = planned.plan, planned.provider, planned.adapter
        try:
            refusal = review(plan, args, ctx)
        except ProvisionerError:
            adapter.close()
            raise
        if refusal is not None:
            adapter.close()
            return refusal
    try:
        return report(apply_with_progress(plan, provider, adapter, ctx, history_dir=args.history_dir,
                                          parallelism=args.parallelism), ctx)
    finally:
        adapter.close()


def review(plan: Plan, args: argparse.Namespace, ctx: CommandContext) -> int | None:
    """Show a fresh plan and get it approved; an exit code when there is nothing to apply."""
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
    return None


def apply_with_progress(plan: Plan, provider, adapter, ctx: CommandContext,  # type: ignore[no-untyped-def]
                        history_dir: Path | None = None, parallelism: int = DEFAULT_PARALLELISM) -> ApplyReport:
    if not plan.changes:
        ctx.print("No changes to apply.")
        return ApplyReport()
    ctx.print(f"\nApplying {len(plan.changes)} change(s) to {plan.account}…")
    observer = progress_observer(ctx)
    with recorded(plan, provider, adapter, ctx, history_dir) as history:  # every apply can be rolled back
        return apply_journaled(plan, provider, adapter, ctx.target.workdir, observer=history.observe(observer),
                               notify=lambda note: ctx.print(f"[yellow]Note:[/yellow] {escape(note)}"),
                               resolve_value=ctx.target.resolver(plan), parallelism=parallelism, before=history)


def progress_observer(ctx: CommandContext) -> Observer:
    """One line per change as it completes, plus a word when a write got no clear answer."""

    def observer(event: str, change: Change, detail: object) -> None:
        name = f"{change.kind} {escape(repr(change.key))}"
        if event == "done":
            suffix = f" (id {detail})" if detail is not None else ""
            ctx.print(f"  {escape(SYMBOLS[change.action])} {name}: {change.action} done{escape(suffix)}")
        elif event == "failed":
            ctx.print(f"  [red]✗ {name}: {change.action} failed[/red]")
        elif event == "unclear":
            ctx.print(f"  ? {name}: no clear answer ({escape(secrets.redact(str(detail)))}); checking the account")
        elif event == "found":
            ctx.print(f"  ✓ {name}: it had landed; not sending it again")

    return observer


def run_resume(args: argparse.Namespace, ctx: CommandContext) -> int:
    """``apply --resume [PLANFILE]``: finish the interrupted apply (of that plan)."""
    if args.source is not None and not is_plan_file(args.source):
        raise UserError(f"{args.source}: --resume takes the plan file of the interrupted apply, or nothing")
    journal = find_resumable(ctx.target.workdir, load_plan(args.source) if args.source else None)
    plan = journal.plan()
    provider = load_provider(plan.provider)
    adapter = ctx.target.connect(provider)
    try:
        prior = journal.summary().prior
        ctx.print(f"\nResuming the apply of {len(plan.changes)} change(s) to {plan.account} "
                  f"({len(prior.done)} confirmed, {len(prior.in_doubt)} to check in the account)…")
        observer = progress_observer(ctx)
        with recorded(plan, provider, adapter, ctx, args.history_dir) as history:
            result = resume_journaled(journal, provider, adapter, ctx.target.workdir,
                                      observer=history.observe(observer),
                                      notify=lambda note: ctx.print(f"[yellow]Note:[/yellow] {escape(note)}"),
                                      resolve_value=ctx.target.resolver(plan), parallelism=args.parallelism,
                                      before=history)
        return report(result, ctx)
    finally:
        adapter.close()


def report(result: ApplyReport, ctx: CommandContext) -> int:
    """Applied, failed (and why), skipped: what a user needs to decide what to do next."""
    earlier = f" ({len(result.previously_applied)} more before the interruption)" if result.previously_applied else ""
    if result.ok:
        if result.applied or result.previously_applied:
            ctx.print(f"\nApply complete: {len(result.applied)} change(s) applied{earlier}.")
        return 0
    assert result.failed is not None
    ctx.print(f"\n[red]Apply stopped[/red]: {len(result.applied)} change(s) applied{earlier}, "
              f"{1 + len(result.also_failed)} failed, {len(result.skipped)} skipped.")
    ctx.error(f"{result.failed.kind} {result.failed.key!r} ({result.failed.action}): {result.error}")
    for change, error in result.also_failed:
        ctx.print(f"  also failed: {change.action} {change.kind} {escape(repr(change.key))}: {escape(error)}")
    if result.unclear:
        ctx.print("  It may have been applied anyway (no clear answer came); 'apply --resume' checks the account.")
    blocked = {id(change) for change in result.blocked}
    for change in result.skipped:
        why = f"needs the failed {result.failed.kind} {escape(repr(result.failed.key))}" if id(change) in blocked else "not attempted"
        ctx.print(f"  skipped ({why}): {change.action} {change.kind} {escape(repr(change.key))}")
    if result.passing:
        ctx.print("The applied changes are in place. When the service answers again, finish with "
                  "'provisioner apply --resume'.")
    else:
        ctx.print("The applied changes are in place. Fix the cause and run 'plan' again to see what is left "
                  "(or, once fixed outside the YAML, finish this plan with 'provisioner apply --resume').")
    return 1
