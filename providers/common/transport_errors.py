"""Say in plain words why a request got no answer: refused, unknown host, untrusted certificate.

httpx reports all of these as ``ConnectError`` (or a timeout); the cause that tells the user what
to fix sits further down the exception chain. ``describe`` finds it, so the one-line error reads
"the TLS certificate of acme.example could not be verified (self-signed certificate)" instead
of "no answer". Nothing here decides whether to retry; that is ``retry_policy``'s job.
"""

from __future__ import annotations

import socket
import ssl
from typing import Iterator

import httpx


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def describe(exc: BaseException, host: str) -> str:
    """One clause naming the failure and the host, starting with the httpx class name."""
    kind = type(exc).__name__
    for cause in _chain(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = cause.verify_message or "certificate verify failed"
            return (f"{kind}: the TLS certificate of {host} could not be verified ({reason}); "
                    "set SSL_CERT_FILE to trust a private CA")
        if isinstance(cause, ssl.SSLError):
            return f"{kind}: TLS with {host} failed ({cause.reason or cause})"
        if isinstance(cause, ConnectionRefusedError):
            return f"{kind}: no answer from {host} (connection refused)"
        if isinstance(cause, socket.gaierror):
            return f"{kind}: no answer from {host} (the host name does not resolve)"
    if isinstance(exc, httpx.TimeoutException):
        return f"{kind}: no answer from {host} (timed out)"
    return f"{kind}: no answer from {host}"
