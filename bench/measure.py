"""Run one command as a child process and measure what a user would: wall time, CPU, peak memory.

``os.wait4`` gives the rusage of exactly that child (CPU seconds and peak resident memory), so
each figure belongs to one command and never to the benchmark around it. The machine these run
on is shared, so wall time is noisy; CPU time (user + system) is the steadier figure.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence


@dataclass
class Run:
    """One finished command: exit code, seconds of wall and CPU, peak RSS in MB, its output."""

    code: int
    wall: float
    cpu: float
    peak_mb: float
    out: str
    err: str


def run_measured(args: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path | None = None,
                 timeout: float = 1800.0) -> Run:
    """Run ``args`` to completion; output is captured to files so a large plan never blocks a pipe."""
    started = time.perf_counter()
    folder = Path(cwd or ".")
    out_path, err_path = folder / ".bench-stdout", folder / ".bench-stderr"
    with out_path.open("w") as out, err_path.open("w") as err:
        process = subprocess.Popen(list(args), stdout=out, stderr=err, env=dict(env) if env else None, cwd=cwd)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.005)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    text_out, text_err = out_path.read_text(errors="replace"), err_path.read_text(errors="replace")
    out_path.unlink()
    err_path.unlink()
    return Run(process.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text_out, text_err)
