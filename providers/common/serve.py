"""Serve any emulator callable over real HTTP on 127.0.0.1.

The in-process emulator and the served one are the same function, so a client that talks to
``provisioner emulator serve`` sees exactly what the tests see. Requests are handled one at a
time under a lock: the store is not thread-safe and a real account serialises writes anyway.
"""

from __future__ import annotations

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

import httpx

LOOPBACK = "127.0.0.1"


def make_server(handler: Callable[[httpx.Request], httpx.Response], port: int = 0,
                after_request: Callable[[httpx.Request, httpx.Response], None] | None = None) -> ThreadingHTTPServer:
    """A server bound to loopback only; ``port=0`` picks a free port (see ``server.server_port``).

    A handler that says ``serialises_itself`` (the fault layer: it sleeps its latency first, then
    locks the store) is called without the server's lock, so concurrent requests wait out their
    latency side by side, as on a real network, instead of one after another."""
    lock = contextlib.nullcontext() if getattr(handler, "serialises_itself", False) else threading.Lock()

    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; with Nagle's algorithm on, a body smaller than
        # a segment waits for the client's delayed ACK (about 40 ms on Linux), a stall no real
        # API server has. Benchmarks over loopback would measure it instead of the client.
        disable_nagle_algorithm = True

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            host = self.headers.get("host") or f"{LOOPBACK}:{self.server.server_port}"
            request = httpx.Request(self.command, f"http://{host}{self.path}",
                                    headers=dict(self.headers.items()), content=body)
            with lock:
                response = handler(request)
                response.read()
                if after_request is not None:
                    after_request(request, response)
            fault = response.extensions.get("emulator_fault")
            if fault in ("connection_reset", "timeout"):
                # Injected by providers.common.faults: drop the connection without an answer;
                # a "timeout" first stalls (outside the lock) so the client's timeout fires.
                if fault == "timeout":
                    time.sleep(float(response.extensions.get("hang_seconds", 0)))
                self.close_connection = True
                self.connection.close()
                return
            payload = response.content
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() in {"content-length", "transfer-encoding", "connection", "content-encoding"}:
                    continue
                self.send_header(name, value)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            if payload and self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: object) -> None:  # quiet: callers log requests
            return

    server = _Server((LOOPBACK, port), _Handler)
    server.daemon_threads = True
    return server


class _Server(ThreadingHTTPServer):
    # A client reads up to eight kinds at once, each on its own connection; the default backlog
    # of 5 makes the rest wait for a SYN retry (a second, or more) under load.
    request_queue_size = 64


def serve_in_thread(handler: Callable[[httpx.Request], httpx.Response], port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start a server on a daemon thread; returns it and its base URL. Used by tests and benchmarks."""
    server = make_server(handler, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://{LOOPBACK}:{server.server_port}"
