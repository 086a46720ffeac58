"""Command-line entry point: parse arguments, run one command, turn errors into one line.

Exit codes (all commands): 0 success; 1 error (bad input, API failure, unappliable plan);
2 "changes present" where a command reports them (``plan --detailed-exitcode``, ``drift``).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
import traceback
from typing import Callable, Sequence

from provisioner import __version__, secrets
from provisioner.cli.env_option import add_env_option
from provisioner.cli.context import CommandContext, make_context
from provisioner.errors import ProvisionerError, UsageError

Registrar = Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]
COMMAND_MODULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("commands_plan", ("validate", "plan")), ("commands_apply", ("apply",)), ("commands_info", ("schema", "kinds")),
    ("commands_serve", ("emulator",)), ("commands_blocks", ("blocks",)), ("commands_drift", ("drift",)),
    ("commands_audit", ("audit",)), ("commands_history", ("history",)), ("commands_rollback", ("rollback",)),
    ("commands_docs", ("docs",)), ("commands_export", ("export",)), ("commands_compare", ("compare",)),
)
"""Each module of ``provisioner.cli`` that registers commands, in help order, and the commands it
registers. Modules are imported when their commands are registered: importing all twelve (audit
checks, drift reports, docs, apply...) added 60-80 ms to every ``plan``."""


def registrar(module: str) -> Registrar:
    return importlib.import_module(f"provisioner.cli.{module}").register  # type: ignore[no-any-return]


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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole CLI; with ``only``, just the module registering that command (see ``parse``)."""
    parent = common_options()
    parser = OneLineParser(prog="provisioner", parents=[parent],
                                     description="Helpdesk configuration as code: plan and apply YAML to Zendesk, Freshdesk and Intercom.")
    parser.add_argument("--version", action="version", version=f"provisioner {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for module, names in COMMAND_MODULES:
        if only is None or only in names:
            registrar(module)(commands, parent)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """``build_parser().parse_args(argv)``, registering only the command's own module when that
    gives the same result.

    The command is the first word naming one. The top level shows every command only in its
    help (``-h`` or an abbreviation of ``--help`` before the command) and in its errors; the
    first is never parsed this way, and on any error, or if the word was not the command after
    all (the value of an option), the whole CLI parses again and has the say."""
    words = list(sys.argv[1:] if argv is None else argv)
    known = {name for _, names in COMMAND_MODULES for name in names}
    command = next((w for w in words if w in known), None)
    if command is not None:
        before = words[:words.index(command)]
        if not any(_may_ask_help(w) for w in before):
            try:
                args = build_parser(only=command).parse_args(words)
            except UsageError:
                args = None
            if args is not None and getattr(args, "command", None) == command:
                return args
    return build_parser().parse_args(words)


def _may_ask_help(word: str) -> bool:
    """``-h`` (alone or among short options), ``--`` or an abbreviation of ``--help``."""
    if word == "--" or (word.startswith("-") and not word.startswith("--")):
        return True
    name = word.split("=", 1)[0]
    return len(name) > 2 and "--help".startswith(name)


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
    try:
        args = parse(argv)
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
    a large plan's CPU and more as accounts grow (docs/benchmarks.md). Collect over 1,000 times
    less often; memory is unchanged, since almost nothing here is cyclic garbage. (At 100,000 a
    no-op plan of ``large`` still made two young collections of 40 ms each, walking objects that
    all survive; at a million it makes none, and larger accounts pay the same as before.)"""
    gc.set_threshold(1_000_000, 50, 100)


def run() -> None:
    tune_gc()
    sys.exit(main())
