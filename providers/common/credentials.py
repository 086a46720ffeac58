"""Credential values read from the environment: trimmed, checked, and registered as secrets.

A token copied from a web page or a ``.env`` file often carries a trailing newline or
carriage return. Sent as is, it breaks the ``Authorization`` header inside httpx, whose error
message would then print the token. So every provider reads its secrets through ``secret``:
surrounding whitespace is dropped, anything else unprintable is refused with a message that
names the variable and never the value, and the value is registered for redaction before any
request can fail with it.
"""

from __future__ import annotations

from typing import Mapping

from provisioner import secrets
from provisioner.errors import UserError


def secret(env: Mapping[str, str], variable: str, *, sensitive: bool = True) -> str:
    """The trimmed value of ``variable`` ("" when unset), refused if unusable in a header.

    ``sensitive=False`` for values that go into a header but are not secret (a login email).
    """
    raw = env.get(variable) or ""
    if sensitive:
        secrets.register([raw])
    value = raw.strip()
    if value and not (value.isascii() and value.isprintable()):
        raise UserError(f"{variable}: contains a line break, control or non-ASCII character; copy the value again")
    return value


def subdomain(env: Mapping[str, str], variable: str) -> str:
    """An account subdomain: letters, digits and hyphens only, so it cannot redirect the host."""
    value = (env.get(variable) or "").strip().lower()
    if value and not all(c.isascii() and (c.isalnum() or c == "-") for c in value):
        raise UserError(f"{variable}: a subdomain holds only letters, digits and hyphens "
                        "(for example 'acme' for acme.zendesk.com)")
    return value
