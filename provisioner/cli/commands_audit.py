"""``audit PATH``: drift plus the health checks of the playbook's quarterly platform audit.

Exit codes: 0 nothing to fix, 2 drift or a failed check of severity error or warning (info
findings are reported only), 1 error.
"""

from __future__ import annotations

import argparse
from contextlib import nullcontext

from provisioner.audit.render import AUDIT_RENDERERS, headline
from provisioner.audit.run import run_audit
from provisioner.cli.commands_drift import DRIFT, NO_DRIFT, add_report_options, emit, reports_wanted
from provisioner.cli.context import CommandContext


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    audit = commands.add_parser("audit", parents=[parent],
                                help="drift plus platform health checks (exit 2 when something needs fixing)")
    add_report_options(audit)
    audit.add_argument("--disable", action="append", default=[], metavar="CHECK",
                       help="do not run CHECK (repeatable; see docs/drift.md for the ids)")
    audit.set_defaults(handler=run_audit_command)


def run_audit_command(args: argparse.Namespace, ctx: CommandContext) -> int:
    wanted = reports_wanted(args)
    with ctx.out.status("Reading the live account…") if ctx.interactive else nullcontext():
        report = run_audit(args.path, ctx.target, args.disable)
    emit(report, wanted, AUDIT_RENDERERS, ctx, headline(report))
    return NO_DRIFT if report.passed else DRIFT
