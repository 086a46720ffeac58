"""Where the history folder is: ``--history-dir``, else ``$PROVISIONER_HISTORY_DIR``, else
``.provisioner/history`` under the working folder.

A flag and a variable, because CI wants the history kept as a build artifact: set the variable
once in the job and every ``apply`` and ``rollback`` in it uses the same folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Mapping

from provisioner.connect import STATE_DIR

HISTORY_ENV = "PROVISIONER_HISTORY_DIR"


def history_dir(flag: Path | None, env: Mapping[str, str], workdir: Path) -> Path:
    if flag is not None:
        return flag
    if env.get(HISTORY_ENV):
        return Path(env[HISTORY_ENV])
    return workdir / STATE_DIR / "history"


def add_history_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--history-dir", type=Path, metavar="DIR",
                        help=f"folder of apply records and snapshots (default: ${HISTORY_ENV}, "
                             "else .provisioner/history)")
