"""``drift PATH``: how the live account differs from the YAML, for people and for CI.

Exit codes: 0 no drift, 2 drift, 1 error (as ``plan --detailed-exitcode``; Salto has no
"changes present" code and Terraform users script around one, so this is the contract).
One run can write several reports from one read of the account: ``--format`` and ``--output``
pair up in order (``--format markdown --output drift.md --format junit --output drift.xml``).
"""

from __future__ import annotations

import argparse
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Callable

from provisioner.cli.context import CommandContext
from provisioner.drift.formats import DRIFT_RENDERERS, FORMATS, write_report
from provisioner.drift.render_text import headline
from provisioner.drift.run import detect_drift
from provisioner.errors import UsageError

NO_DRIFT, DRIFT = 0, 2


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """The path, ``--format`` and ``--output``, shared by ``drift`` and ``audit`` (``--env`` is
    an option of every command)."""
    parser.add_argument("path", type=Path, help="a YAML file or a folder of them")
    parser.add_argument("--format", choices=FORMATS, action="append", default=[],
                        help="report format: text (default), json, markdown or junit; repeat with --output for several")
    parser.add_argument("--output", type=Path, metavar="FILE", action="append", default=[],
                        help="write the report to FILE instead of stdout (pairs with the --format before it)")


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    drift = commands.add_parser("drift", parents=[parent],
                                help="report how the live account differs from the YAML (exit 2 on drift)")
    add_report_options(drift)
    drift.set_defaults(handler=run_drift)


def reports_wanted(args: argparse.Namespace) -> list[tuple[str, Path | None]]:
    """(format, file or None for stdout) pairs; checked before the account is read."""
    formats: list[str] = args.format or ["text"]
    outputs: list[Path | None] = list(args.output) or [None]
    if len(formats) != len(outputs):
        raise UsageError(f"{len(formats)} --format for {len(args.output)} --output: give each report its "
                         "--format and --output (only one report can go to stdout)")
    return list(zip(formats, outputs))


def emit(report: Any, wanted: list[tuple[str, Path | None]], renderers: dict[str, Callable[[Any], str]],
         ctx: CommandContext, summary: str) -> None:
    """Each report to its file (a one-line summary on stdout for the CI log), or the one report to stdout."""
    written = []
    for fmt, output in wanted:
        shown = write_report(renderers[fmt](report), output)
        if shown is not None:
            ctx.out.print(shown, end="", markup=False, highlight=False, soft_wrap=True)
        else:
            written.append(str(output))
    if written:
        ctx.out.print(f"{summary} Report written to {', '.join(written)}.", markup=False, soft_wrap=True)


def run_drift(args: argparse.Namespace, ctx: CommandContext) -> int:
    wanted = reports_wanted(args)
    with ctx.out.status("Reading the live account…") if ctx.interactive else nullcontext():
        report = detect_drift(args.path, ctx.target)
    emit(report, wanted, DRIFT_RENDERERS, ctx, headline(report))
    return DRIFT if report.has_drift else NO_DRIFT
