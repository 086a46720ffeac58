"""What every command gets: consoles for output and errors, and the target account."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from provisioner import secrets
from provisioner.workflow import Target


@dataclass
class CommandContext:
    out: Console
    err: Console
    target: Target
    interactive: bool

    def error(self, message: str) -> None:
        self.err.print(f"[red]Error:[/red] {escape(secrets.redact(message))}", soft_wrap=True)

    def print(self, text: str = "") -> None:
        self.out.print(text, soft_wrap=True)


def make_context(args: argparse.Namespace) -> CommandContext:
    plain = getattr(args, "no_color", False) or bool(os.environ.get("NO_COLOR"))
    out = Console(no_color=plain, highlight=False, soft_wrap=True)
    err = Console(stderr=True, no_color=plain, highlight=False, soft_wrap=True)
    workdir = Path(getattr(args, "workdir", "."))
    target = Target(emulator=getattr(args, "emulator", False), workdir=workdir, env=os.environ,
                    environment=getattr(args, "env", None))
    return CommandContext(out=out, err=err, target=target, interactive=sys.stdin.isatty() and out.is_terminal)
