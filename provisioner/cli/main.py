"""Command-line entry point: parse arguments, run one command, turn errors into one line.

Exit codes (all commands): 0 success; 1 error (bad input, API failure, unappliable plan);
2 "changes present" where a command reports them (``plan --detailed-exitcode``, ``drift``).
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import traceback
from typing import Callable, Sequence

from provisioner import __version__, secrets
from provisioner.cli import commands_apply, commands_blocks, commands_docs, commands_info, commands_plan, commands_serve
from provisioner.cli import commands_audit, commands_drift
from provisioner.cli import commands_history, commands_rollback
from provisioner.cli import commands_compare, commands_export
from provisioner.cli.env_option import add_env_option
from provisioner.cli.context import CommandContext, make_context
from provisioner.errors import ProvisionerError, UsageError

Registrar = Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]
REGISTRARS: list[Registrar] = [
    commands_plan.register, commands_apply.register, commands_info.register, commands_serve.register,
    commands_blocks.register, commands_drift.register, commands_audit.register,
    commands_history.register, commands_rollback.register,
    commands_docs.register,
    commands_export.register, commands_compare.register,
]


class OneLineParser(argparse.ArgumentParser):
    """Argument errors become one line and exit 1 like every other error (argparse's own exit 2
    would read as "changes present" to a CI job using ``--detailed-exitcode``)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def common_options() -> argparse.ArgumentParser:
    """Options every command takes (they may stand before or after the command's own)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--emulator", action="store_true", default=argparse.SUPPRESS,
                        help="work against the embedded emulator (state in .provisioner/emulator/)")
    parent.add_argument("--no-color", action="store_true", default=argparse.SUPPRESS, help="plain text output")
    parent.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="debug logging (secrets are still masked) and tracebacks on errors")
    parent.add_argument("--workdir", default=argparse.SUPPRESS,
                        help="folder holding .provisioner/ state (default: current folder)")
    add_env_option(parent)
    return parent


def build_parser() -> argparse.ArgumentParser:
    parent = common_options()
    parser = OneLineParser(prog="provisioner", parents=[parent],
                                     description="Helpdesk configuration as code: plan and apply YAML to Zendesk, Freshdesk and Intercom.")
    parser.add_argument("--version", action="version", version=f"provisioner {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for register in REGISTRARS:
        register(commands, parent)
    return parser


def configure_logging(debug: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(secrets.RedactingFilter())
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if debug else logging.WARNING)
    # Set both ways: a run without --debug after one with it (in one process) must not keep
    # printing the libraries' request logs.
    logging.getLogger("httpx").setLevel(logging.DEBUG if debug else logging.NOTSET)
    logging.getLogger("httpcore").setLevel(logging.INFO if debug else logging.NOTSET)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"Error: {secrets.redact(str(exc))}", file=sys.stderr)
        return 1
    debug = getattr(args, "debug", False)
    configure_logging(debug)
    context: CommandContext = make_context(args)
    try:
        return int(args.handler(args, context) or 0)
    except ProvisionerError as exc:
        context.error(secrets.redact(str(exc)))
        return 1
    except KeyboardInterrupt:
        context.error("interrupted")
        return 130
    except Exception as exc:  # a bug: still one line unless --debug
        if debug:  # the traceback, with secrets masked like everything else
            sys.stderr.write(secrets.redact(traceback.format_exc()))
        context.error(secrets.redact(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)"))
        return 1


def tune_gc() -> None:
    """A plan builds hundreds of thousands of small objects (YAML values, live docs) and frees
    few before it exits; the default collector re-walked them every 700 allocations, a third of
    a large plan's CPU and more as accounts grow (docs/benchmarks.md). Collect 100 times less
    often; memory is unchanged, since almost nothing here is cyclic garbage."""
    gc.set_threshold(100_000, 50, 100)


def run() -> None:
    tune_gc()
    sys.exit(main())
