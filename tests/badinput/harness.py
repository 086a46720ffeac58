"""What the bad-input corpus needs: a served account, a vendor-like door, and "failed well".

The account is the provider's real emulator served on 127.0.0.1 (``providers.common.serve``),
so the CLI runs its real client over real HTTP, exactly as against a vendor, and the test holds
the emulator and its ``request_log`` to prove what reached the account.

``Door`` stands where the vendor's authentication sits: it refuses a token it does not know
(401), and forbids every write of a read-only token or every request of one without scope (403),
answering with the vendor's own bodies.
Refused requests never reach the emulator, as they never reach a real account's data.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any

import httpx

from providers.common.emulation import WRITE_METHODS
from providers.common.serve import make_server
from provisioner.provider import Provider, load_provider

# The bodies each vendor answers a refused credential (401) and a forbidden request (403) with.
# 401s are the emulators' own; 403 codes are documented, their message wording is assumed.
REFUSALS: dict[str, dict[int, Any]] = {
    "zendesk": {
        401: {"error": "Couldn't authenticate you"},
        403: {"error": "Forbidden",
              "description": "You do not have access to this page. Please contact the account owner "
                             "of this help desk for further help."},
    },
    "freshdesk": {
        401: {"code": "invalid_credentials", "message": "You have to be logged in to perform this action."},
        403: {"code": "access_denied", "message": "You are not authorized to perform this action."},
    },
    "intercom": {
        401: {"type": "error.list", "request_id": None,
              "errors": [{"code": "unauthorized", "message": "Access Token Invalid"}]},
        403: {"type": "error.list", "request_id": None,
              "errors": [{"code": "forbidden", "message": "You do not have permission to access this resource"}]},
    },
}


def _bearer(token: str) -> str:
    return f"Bearer {token}"


def _freshdesk_basic(api_key: str) -> str:
    return "Basic " + base64.b64encode(f"{api_key}:X".encode()).decode()


# How each provider's client presents the credential in ``credential_var``.
AUTHORIZATION = {"zendesk": _bearer, "freshdesk": _freshdesk_basic, "intercom": _bearer}


def credential_var(provider: Provider) -> str:
    """The variable the served environment carries the credential in."""
    name = next(v for v in provider.credential_vars if v in provider.emulator_env)
    return name


class Door:
    """Vendor-like authentication in front of an emulator (see the module docstring)."""

    def __init__(self, emulator: Any, provider: str, *, token: str, forbid: str = "") -> None:
        """``forbid``: "" (the token may do anything), "writes" (a read-only role or OAuth
        scope) or "everything" (a token without any scope)."""
        assert forbid in {"", "writes", "everything"}
        self.emulator = emulator
        self.refusals = REFUSALS[provider]
        self.expected = AUTHORIZATION[provider](token)
        self.forbid = forbid
        self.refused: list[tuple[str, str, int]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.headers.get("authorization") != self.expected:
            return self._refuse(request, 401)
        if self.forbid == "everything" or (self.forbid == "writes" and request.method in WRITE_METHODS):
            return self._refuse(request, 403)
        return self.emulator(request)

    def _refuse(self, request: httpx.Request, status: int) -> httpx.Response:
        self.refused.append((request.method, request.url.path, status))
        body = json.dumps(self.refusals[status]).encode()
        return httpx.Response(status, content=body, headers={"content-type": "application/json; charset=utf-8"})


@dataclass
class ServedAccount:
    """An emulated account on loopback and the environment that points the CLI at it."""

    provider: Provider
    emulator: Any
    url: str
    env: dict[str, str] = field(default_factory=dict)
    door: Door | None = None

    def writes(self) -> list[Any]:
        """Write requests that reached the account (whatever their answer)."""
        return [r for r in self.emulator.request_log if r.method in WRITE_METHODS]

    def landed_writes(self) -> list[Any]:
        return [r for r in self.writes() if r.status < 400]


class ServerPool:
    """Starts servers for a test and stops every one of them afterwards."""

    def __init__(self) -> None:
        self.servers: list[Any] = []

    def serve(self, handler: Any) -> str:
        server = make_server(handler, 0)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        self.servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


def served_env(provider: Provider, url: str) -> dict[str, str]:
    """The provider's emulator variables with its ``*_URL`` pointed at ``url``."""
    env = dict(provider.emulator_env)
    url_vars = [name for name in env if name.endswith("_URL")]
    assert len(url_vars) == 1, f"{provider.name}: expected one *_URL variable in emulator_env"
    env[url_vars[0]] = url
    return env


def open_account(pool: ServerPool, provider_name: str = "zendesk", *, state: dict | None = None,
                 door: dict[str, Any] | None = None) -> ServedAccount:
    """A fresh (or ``state``) account served on loopback; ``door`` options put a ``Door`` in front
    (and ``env`` then carries the door's token as the credential)."""
    provider = load_provider(provider_name)
    emulator = provider.make_emulator(state)
    gate = Door(emulator, provider_name, **door) if door is not None else None
    url = pool.serve(gate or emulator)
    env = served_env(provider, url)
    if door is not None:
        env[credential_var(provider)] = door["token"]
    return ServedAccount(provider, emulator, url, env, gate)


def error_line(result: Any) -> str:
    """Assert the command failed well and return its one error line.

    Failed well: exit 1, no traceback anywhere in the output, exactly one line on stderr, and
    that line is ``Error: ...`` on one line (commands may still print progress on stdout).
    """
    assert result.code == 1, f"exit {result.code}\n{result.text}"
    assert "Traceback" not in result.text, result.text
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one error line, got:\n{result.err}"
    assert lines[0].startswith("Error: "), lines[0]
    return lines[0]


def names_request(line: str, method: str, path_pattern: str) -> bool:
    """True when the error names the request: ``METHOD /path`` (path as a regular expression)."""
    return re.search(rf"\b{method} {path_pattern}\b", line) is not None
