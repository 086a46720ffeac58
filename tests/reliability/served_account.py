"""A Zendesk emulator served on 127.0.0.1 in the test process, so an account outlives the CLI
processes that talk to it; it can kill a chosen process right after the k-th write it
processed, before that write's answer is sent (the worst moment: applied, never confirmed)."""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from providers.common.emulation import WRITE_METHODS
from providers.common.serve import make_server
from providers.zendesk.emulator import ZendeskEmulator
from provisioner.desired.load import load_desired
from provisioner.live import read_live
from provisioner.plan.build import PlanRequest, build_plan
from provisioner.workflow import Target

TOKEN = "crash-test-token-0042"


class ServedAccount:
    def __init__(self) -> None:
        self.emulator = ZendeskEmulator()
        self.baseline: dict[str, Any] | None = None
        self.writes = 0
        self.kill_at: int | None = None
        self.victim: subprocess.Popen | None = None
        self.killed = False
        self.server = make_server(lambda request: self.emulator(request), 0, after_request=self._after)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def env(self) -> dict[str, str]:
        return {"ZENDESK_URL": self.url, "ZENDESK_OAUTH_TOKEN": TOKEN}

    def target(self, workdir: Path) -> Target:
        return Target(emulator=False, workdir=workdir, env=self.env)

    def reset(self, kill_at: int | None = None) -> None:
        """Back to the baseline account; arm the kill switch for the ``kill_at``-th write."""
        self.emulator = ZendeskEmulator(copy.deepcopy(self.baseline)) if self.baseline else ZendeskEmulator()
        self.writes, self.kill_at, self.victim, self.killed = 0, kill_at, None, False

    def _after(self, request: httpx.Request, response: httpx.Response) -> None:
        if request.method not in WRITE_METHODS or response.status_code >= 400:
            return
        self.writes += 1
        if self.writes == self.kill_at and self.victim is not None:
            os.kill(self.victim.pid, signal.SIGKILL)
            self.killed = True
            response.extensions = {**response.extensions, "emulator_fault": "connection_reset"}

    def run_cli(self, workdir: Path, *args: str) -> subprocess.Popen:
        """Start ``provisioner ARGS`` as a separate process against this account."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ZENDESK_", "PROVISIONER_"))}
        env.update(self.env, NO_COLOR="1", COLUMNS="200")
        process = subprocess.Popen([sys.executable, "-c", "from provisioner.cli.main import run; run()", *args],
                                   cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.victim = process
        return process

    def check(self, desired: Path) -> tuple[list[str], dict[str, list[str]]]:
        """(changes a new plan of ``desired`` would make, natural keys held by more than one
        live object per kind): both must be empty once an apply has finished. Read in-process
        from the emulator (the server is idle by then), which is quicker than over the socket."""
        state, provider = load_desired(desired)
        adapter = provider.connect(self.env, httpx.MockTransport(self.emulator))
        try:
            live = read_live(adapter, provider.kinds)
        finally:
            adapter.close()
        plan = build_plan(state, provider, live, PlanRequest())
        duplicates = {}
        for kind, objects in live.objects.items():
            counts = Counter(obj.key for obj in objects)
            if any(n > 1 for n in counts.values()):
                duplicates[kind] = sorted(key for key, n in counts.items() if n > 1)
        return [c.address for c in plan.changes], duplicates

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
