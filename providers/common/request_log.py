"""Log every request a served emulator answers, one JSON object per line.

``emulator serve --request-log FILE`` wraps the emulator (after latency and faults, so the
duration is what the client waited) in ``RequestLogFile``. Benchmarks count the lines to prove
how many requests a command made; anyone can ``jq`` it. A line:

    {"method": "GET", "path": "/api/v2/triggers", "query": "page%5Bsize%5D=100", "status": 200,
     "duration_ms": 1.9, "at": 1718000000.123}

plus ``"injected": "429"`` (or another fault kind) when ``--fault-rate`` answered instead.

Only the method, path, query string, status and timing are written: never headers or bodies,
which hold credentials and account content. Each line is flushed at once, so the file can be
read while the server runs.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any, Callable

import httpx

from providers.common.faults import INJECTED_EXTENSION


class RequestLogFile:
    """Any emulator callable, logging each request it answers to ``path`` (appended)."""

    def __init__(self, inner: Callable[[httpx.Request], httpx.Response], path: Path) -> None:
        self.inner = inner
        self.path = path
        self._lock = threading.Lock()
        self._file = path.open("a", encoding="utf-8")
        # The served handler takes no lock of its own when what it wraps serialises itself.
        self.serialises_itself = bool(getattr(inner, "serialises_itself", False))

    # -- the emulator contract -------------------------------------------------------------
    @property
    def request_log(self) -> list[Any]:
        return self.inner.request_log  # type: ignore[attr-defined]

    def dump(self) -> dict[str, Any]:
        return self.inner.dump()  # type: ignore[attr-defined]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        response = self.inner(request)
        entry = {"method": request.method, "path": request.url.path, "query": request.url.query.decode(),
                 "status": response.status_code, "duration_ms": round((time.perf_counter() - started) * 1000, 3),
                 "at": round(time.time(), 3)}
        injected = response.extensions.get(INJECTED_EXTENSION)
        if injected:
            entry["injected"] = injected  # a fault from --fault-rate, not the account's own answer
        with self._lock:
            self._file.write(json.dumps(entry, separators=(",", ":")) + "\n")
            self._file.flush()
        return response

    def close(self) -> None:
        with self._lock:
            self._file.close()


def read_request_log(path: Path) -> list[dict[str, Any]]:
    """The entries of a request log file (lines that are not JSON are skipped)."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return entries
