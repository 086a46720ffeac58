"""The safety net under everything the tool prints: registered secrets are masked in messages,
log records and tracebacks, in the forms libraries print them (escaped, base64 in Basic auth)."""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import pytest

from provisioner import secrets
from provisioner.cli import commands_plan
from tests.badinput.harness import ServedAccount, error_line
from tests.conftest import write_yaml

TOKEN = "tok-CANARY-e41b77c2"


def test_a_token_with_a_stray_carriage_return_is_masked_as_libraries_print_it() -> None:
    secrets.register([TOKEN + "\r"])
    message = f"Illegal header value b'Bearer {TOKEN}\\r'"  # how httpx reports it
    assert secrets.redact(message) == f"Illegal header value b'Bearer {secrets.MASK}'"


def test_basic_auth_header_value_is_masked() -> None:
    secrets.register_basic("agent@example.com/token", TOKEN)
    header = base64.b64encode(f"agent@example.com/token:{TOKEN}".encode()).decode()
    assert secrets.redact(f"Authorization: Basic {header}") == f"Authorization: Basic {secrets.MASK}"


def test_short_values_are_not_registered() -> None:
    secrets.register(["x", "  abc  "])
    assert secrets.redact("x marks abc") == "x marks abc"


def test_log_records_and_their_tracebacks_are_masked(caplog: pytest.LogCaptureFixture) -> None:
    secrets.register([TOKEN])
    logger = logging.getLogger("provisioner.test")
    handler = logging.StreamHandler()
    handler.addFilter(secrets.RedactingFilter())
    records: list[str] = []
    handler.emit = lambda record: records.append(handler.format(record))  # type: ignore[method-assign]
    logger.addHandler(handler)
    try:
        try:
            raise RuntimeError(f"request failed with {TOKEN}")
        except RuntimeError:
            logger.error("sending %s", TOKEN, exc_info=True)
    finally:
        logger.removeHandler(handler)
    assert records and all(TOKEN not in text for text in records), records
    assert "RuntimeError: request failed with (sensitive)" in records[0]


def test_debug_traceback_of_a_bug_is_masked(cli, account: ServedAccount, monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    """A bug whose message carries the token: one line normally, a masked traceback with --debug."""
    monkeypatch.setenv("ZENDESK_OAUTH_TOKEN", TOKEN)

    def broken_render(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"renderer failed near Bearer {TOKEN}")

    monkeypatch.setattr(commands_plan, "render_plan", broken_render)
    state = write_yaml(tmp_path / "state", "groups.yaml", "provider: zendesk\ngroups:\n  - name: Billing\n")
    plain = cli("plan", state)
    assert error_line(plain) == ("Error: internal error: RuntimeError: renderer failed near Bearer (sensitive) "
                                 "(run with --debug for details)")
    debug = cli("--debug", "plan", state)
    assert debug.code == 1
    assert "Traceback" in debug.err and "RuntimeError: renderer failed near Bearer (sensitive)" in debug.err
    assert TOKEN not in plain.text + debug.text
