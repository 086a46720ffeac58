"""``drift PATH``: how the live account differs from the YAML, for people and for CI.

Exit codes: 0 no drift, 2 drift, 1 error (as ``plan --detailed-exitcode``; Salto has no
"changes present" code and Terraform users script around one, so this is the contract).
"""

from __future__ import annotations

import argparse
from contextlib import nullcontext
from pathlib import Path

from provisioner.cli.context import CommandContext
from provisioner.drift.formats import DRIFT_RENDERERS, FORMATS, write_report
from provisioner.drift.render_text import headline
from provisioner.drift.run import detect_drift

NO_DRIFT, DRIFT = 0, 2


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """``--env``, ``--format`` and ``--output``, shared by ``drift`` and ``audit``."""
    parser.add_argument("path", type=Path, help="a YAML file or a folder of them")
    try:
        parser.add_argument("--env", metavar="NAME", default=None,
                            help="the environment of provisioner.yaml whose account to check")
    except argparse.ArgumentError:
        pass  # already a common option
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    parser.add_argument("--output", type=Path, metavar="FILE", help="write the report to FILE instead of stdout")


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    drift = commands.add_parser("drift", parents=[parent],
                                help="report how the live account differs from the YAML (exit 2 on drift)")
    add_report_options(drift)
    drift.set_defaults(handler=run_drift)


def emit(text: str, args: argparse.Namespace, ctx: CommandContext, summary: str) -> None:
    """The report to ``--output`` (with a one-line summary on stdout for the CI log) or to stdout."""
    shown = write_report(text, args.output)
    if shown is not None:
        ctx.out.print(shown, end="", markup=False, highlight=False, soft_wrap=True)
    else:
        ctx.out.print(f"{summary} Report written to {args.output}.", markup=False, soft_wrap=True)


def run_drift(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.out.status("Reading the live account…") if ctx.interactive else nullcontext():
        report = detect_drift(args.path, ctx.target, getattr(args, "env", None))
    emit(DRIFT_RENDERERS[args.format](report), args, ctx, headline(report))
    return DRIFT if report.has_drift else NO_DRIFT
