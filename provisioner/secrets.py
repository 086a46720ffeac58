"""Keep secrets out of every byte the tool writes.

Credential variables (tokens, API keys) and values taken from ``${env:...}`` are registered
here as they are read; ``redact`` replaces them in any text, and ``RedactingFilter`` does the
same for every log record, at any verbosity.
"""

from __future__ import annotations

import logging
from typing import Iterable, Mapping

MASK = "(sensitive)"
_secrets: set[str] = set()


def register(values: Iterable[str]) -> None:
    """Remember secret values; very short ones are ignored (they would mask ordinary words)."""
    for value in values:
        if value and len(value) >= 6:
            _secrets.add(value)


def register_env(env: Mapping[str, str], names: Iterable[str]) -> None:
    register(env.get(name, "") for name in names)


def redact(text: str) -> str:
    for secret in sorted(_secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        return True
