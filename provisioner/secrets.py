"""Keep secrets out of every byte the tool writes.

Credential variables (tokens, API keys) and values taken from ``${env:...}`` are registered
here as they are read; ``redact`` replaces them in any text, and ``RedactingFilter`` does the
same for every log record (tracebacks included), at any verbosity.

A secret is also masked in the forms it takes inside messages written by libraries: without
surrounding whitespace, with control characters escaped (``repr`` of a header value shows a
trailing ``\\r`` as two characters) and base64-encoded inside a Basic ``Authorization`` value.
"""

from __future__ import annotations

import base64
import logging
from typing import Iterable, Mapping

MASK = "(sensitive)"
MIN_LENGTH = 6
_secrets: set[str] = set()


def _forms(value: str) -> set[str]:
    """The ways ``value`` can show up in text someone else formatted."""
    stripped = value.strip()
    forms = {value, stripped, value.encode("unicode_escape").decode("ascii"),
             stripped.encode("unicode_escape").decode("ascii")}
    return {form for form in forms if len(form) >= MIN_LENGTH}


def register(values: Iterable[str]) -> None:
    """Remember secret values; very short ones are ignored (they would mask ordinary words)."""
    for value in values:
        if value and len(value.strip()) >= MIN_LENGTH:
            _secrets.update(_forms(value))


def register_basic(user: str, password: str) -> None:
    """Register a Basic-auth pair: the password and the base64 header value that carries it."""
    register([password])
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    register([token])


def register_env(env: Mapping[str, str], names: Iterable[str]) -> None:
    register(env.get(name, "") for name in names)


def redact(text: str) -> str:
    for secret in sorted(_secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class RedactingFilter(logging.Filter):
    """Masks secrets in the message and in any traceback attached to the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        if record.exc_info:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
