"""``provisioner emulator serve`` as a child process, for benchmarks over real sockets.

The server runs in its own process, as any vendor's API would, so the client's CPU and memory
figures are the client's alone. It logs every request it answers (``--request-log``), which is
how a benchmark counts the requests one command made.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CLI = [str(Path(sys.executable).parent / "provisioner")]  # the entry point a user runs
TOKEN = "bench-token-0000"


@dataclass
class Served:
    """A running emulator: its URL, the environment a client needs, and its request log."""

    process: subprocess.Popen
    url: str
    log: Path
    provider: str
    started_at: float = 0.0  # when it began listening (its rate-limit window starts about then)
    _seen: int = field(default=0)

    @property
    def client_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(self.provider.upper() + "_")}
        from provisioner.provider import load_provider

        credential = load_provider(self.provider).credential_vars[0]  # the token, API key...
        env.update({f"{self.provider.upper()}_URL": self.url, credential: TOKEN,
                    "NO_COLOR": "1", "COLUMNS": "200", "PYTHONPATH": str(ROOT)})
        return env

    def entries(self) -> list[dict[str, Any]]:
        from providers.common.request_log import read_request_log

        return read_request_log(self.log) if self.log.exists() else []

    def since_last(self) -> list[dict[str, Any]]:
        """The log entries written since the previous call (one command's requests)."""
        entries = self.entries()
        new, self._seen = entries[self._seen:], len(entries)
        return new

    def cpu_seconds(self) -> float:
        """CPU the server process has used so far (user + system), from /proc (0 elsewhere)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve(workdir: Path, *, provider: str = "zendesk", scenario: str | None = None, latency_ms: float = 0,
          rpm: int | None = None, fault_rate: float = 0.0, seed: int = 7, hang_seconds: float = 2.0,
          log_name: str = "requests.jsonl", timeout: float = 1800.0) -> Served:
    """Start a server on a free loopback port and wait until it listens (a scenario's first
    start generates its account, which can take minutes; later starts read the cache)."""
    log = workdir / log_name
    log.unlink(missing_ok=True)
    args = CLI + ["emulator", "serve", "--provider", provider, "--port", "0", "--request-log", str(log)]
    if scenario:
        args += ["--scenario", scenario]
    if latency_ms:
        args += ["--latency-ms", str(latency_ms)]
    if rpm:
        args += ["--rpm", str(rpm)]
    if fault_rate:
        args += ["--fault-rate", str(fault_rate), "--seed", str(seed), "--fault-hang-seconds", str(hang_seconds)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line.rstrip())
        if "listening on " in line:
            url = line.split("listening on ", 1)[1].split()[0]
            return Served(process, url, log, provider, started_at=time.time())
    process.kill()
    raise RuntimeError("the emulator did not start:\n" + "\n".join(seen[-20:]))
