"""``compare --env SOURCE --env TARGET [PATH]``: how two accounts differ, by natural key.

The preview of a promotion: what the source account has that the target lacks or holds
differently. With PATH, only what that desired state manages is compared (its kinds, and in
them the objects it names; the project file is looked up next to it); without it, every object
of every kind of ``--provider`` is.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from dataclasses import replace
from pathlib import Path

from rich.markup import escape

from provisioner.cli.context import CommandContext
from provisioner.compare import KindComparison, compare_accounts
from provisioner.errors import UserError
from provisioner.live import LiveState, read_live
from provisioner.plan.model import Change
from provisioner.provider import KNOWN_PROVIDERS, Provider, load_provider
from provisioner.render.plan_text import field_lines
from provisioner.workflow import Target, load_path

SAME, DIFFERENT = 0, 2


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    compare = commands.add_parser("compare", parents=[parent],
                                  help="show how two environments' accounts differ, by natural key")
    compare.add_argument("path", type=Path, nargs="?", help="compare only what this YAML file/folder manages")
    compare.add_argument("--provider", choices=KNOWN_PROVIDERS, help="the provider, when no PATH is given")
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
    compare.add_argument("--detailed-exitcode", action="store_true", help="exit 2 when the accounts differ, 0 when not")
    compare.set_defaults(handler=run_compare, many_envs=True)


def run_compare(args: argparse.Namespace, ctx: CommandContext) -> int:
    names = list(getattr(args, "envs", []))
    if len(names) != 2 or names[0] == names[1]:
        raise UserError("compare needs two different environments: compare --env sandbox --env production [PATH]")
    start = args.path or ctx.target.workdir
    provider, kinds, scopes = _scope(args, ctx.target)
    lives: list[LiveState] = []
    for name in names:
        target = replace(ctx.target, environment=name, chosen=None).at(start)
        adapter = target.connect(provider)
        try:
            lives.append(read_live(adapter, kinds))
        finally:
            adapter.close()
    results = compare_accounts(kinds, lives[0], lives[1], scopes)
    if args.json:
        print(json.dumps({"source": {"environment": names[0], "account": lives[0].account},
                          "target": {"environment": names[1], "account": lives[1].account},
                          "kinds": [dataclasses.asdict(r) for r in results if r.differs]}, indent=2))
    else:
        render(results, names, [live.account for live in lives], ctx)
    differ = any(r.differs for r in results)
    return DIFFERENT if args.detailed_exitcode and differ else SAME


def _scope(args: argparse.Namespace, target: Target) -> tuple[Provider, list, dict[str, set[str]] | None]:
    """The provider, the kinds to read and the natural keys to compare per kind (None: all)."""
    if args.path is not None:
        state, provider = load_path(args.path, target)
        scopes = {name: {o.key for o in objects} for name, objects in state.objects.items()}
        return provider, [k for k in provider.kinds if k.name in scopes], scopes
    if not args.provider:
        raise UserError("compare needs a desired-state PATH or --provider NAME")
    provider = load_provider(args.provider)
    return provider, list(provider.kinds), None


def render(results: list[KindComparison], names: list[str], accounts: list[str], ctx: CommandContext) -> None:
    source, target = names
    ctx.print(f"Comparing {escape(source)} ({escape(accounts[0])}) with {escape(target)} ({escape(accounts[1])}), "
              f"by natural key: what promoting {escape(source)} to {escape(target)} would change.")
    differing = [r for r in results if r.differs]
    if not differing:
        compared = sum(r.compared for r in results)
        ctx.print(f"No differences: the {compared} objects both accounts hold match, in {len(results)} kinds.")
        return
    for result in differing:
        ctx.print(f"\n[bold]{result.kind}[/bold]")
        for key in result.only_source:
            ctx.print(f"  [green]+[/green] {escape(repr(key))} only in {escape(source)}: a promotion creates it")
        for key in result.only_target:
            ctx.print(f"  [red]-[/red] {escape(repr(key))} only in {escape(target)}: kept unless pruned")
        for diff in result.differ:
            ctx.print(f"  [yellow]~[/yellow] {escape(repr(diff.key))}")
            change = Change(action="update", kind=result.kind, key=diff.key, block=0,
                            before=diff.target, after=diff.source, fields=diff.fields)
            for line in field_lines(change):
                ctx.print(f"      {escape(line)}")
        for key in result.ambiguous:
            ctx.print(f"  [red]![/red] {escape(repr(key))}: several objects share this key in one account; "
                      "compared no further (see docs/export.md, match_id)")
        if result.order:
            ctx.print(f"  [cyan]↕[/cyan] order in {escape(source)}: {escape(' › '.join(result.order[0]))}")
            ctx.print(f"      order in {escape(target)}: {escape(' › '.join(result.order[1]))}")
    counts = [sum(len(r.only_source) for r in results), sum(len(r.only_target) for r in results),
              sum(len(r.differ) for r in results), sum(1 for r in results if r.order)]
    ctx.print(f"\n{len(differing)} kind(s) differ: {counts[0]} only in {escape(source)}, {counts[1]} only in "
              f"{escape(target)}, {counts[2]} changed, {counts[3]} reordered.")
