"""Reaching the account: missing and wrong credentials, too little permission, no answer, unsafe
or malformed addresses. Each is one line naming the variable or the request, exit 1, no
traceback, and nothing written to the account.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from provisioner.apply_batches import DEFAULT_PARALLELISM

from tests.badinput.harness import ServedAccount, ServerPool, credential_var, error_line, names_request, open_account
from tests.conftest import write_yaml

GROUPS = "provider: zendesk\ngroups:\n  - name: Billing\n  - name: Technical\n"
RIGHT_TOKEN = "right-token-4f1c9a"
WRONG_TOKEN = "wrong-token-77e0b2"


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return write_yaml(tmp_path / "state", "groups.yaml", GROUPS)


# -- credentials and address from the environment, refused before any request ------------------

def test_no_credentials(cli, point_at, account: ServedAccount, state: Path) -> None:
    point_at({"ZENDESK_URL": account.url})
    line = error_line(cli("plan", state))
    assert "no Zendesk credentials: set ZENDESK_OAUTH_TOKEN, or ZENDESK_EMAIL and ZENDESK_API_TOKEN" in line
    assert account.emulator.request_log == []


def test_no_account_named(cli, point_at, state: Path) -> None:
    point_at({"ZENDESK_OAUTH_TOKEN": RIGHT_TOKEN})
    line = error_line(cli("plan", state))
    assert "set ZENDESK_SUBDOMAIN (or ZENDESK_URL)" in line


def test_plain_http_to_a_remote_host_is_refused(cli, point_at, state: Path) -> None:
    point_at({"ZENDESK_URL": "http://acme.zendesk.com", "ZENDESK_OAUTH_TOKEN": RIGHT_TOKEN})
    line = error_line(cli("plan", state))
    assert line == "Error: ZENDESK_URL: plain http is allowed only for loopback addresses; use https"


def test_url_without_scheme(cli, point_at, state: Path) -> None:
    point_at({"ZENDESK_URL": "acme.zendesk.com", "ZENDESK_OAUTH_TOKEN": RIGHT_TOKEN})
    line = error_line(cli("plan", state))
    assert line == "Error: ZENDESK_URL: not an http(s) URL; expected https://HOST"


def test_token_pasted_into_the_url_variable_is_not_echoed(cli, point_at, state: Path) -> None:
    point_at({"ZENDESK_URL": "oauth-9d2e7c41b5a8f0e3", "ZENDESK_OAUTH_TOKEN": RIGHT_TOKEN})
    result = cli("plan", state)
    assert "ZENDESK_URL: not an http(s) URL" in error_line(result)
    assert "9d2e7c41b5a8f0e3" not in result.text


def test_credentials_inside_the_url_are_refused_and_not_echoed(cli, point_at, state: Path) -> None:
    point_at({"ZENDESK_URL": "https://admin:hunter2-pw@acme.zendesk.com", "ZENDESK_OAUTH_TOKEN": RIGHT_TOKEN})
    result = cli("plan", state)
    assert "ZENDESK_URL: the URL holds a user name or password" in error_line(result)
    assert "hunter2" not in result.text


def test_subdomain_that_would_change_the_host(cli, point_at, state: Path) -> None:
    point_at({"ZENDESK_SUBDOMAIN": "evil.example/x#", "ZENDESK_OAUTH_TOKEN": RIGHT_TOKEN})
    line = error_line(cli("plan", state))
    assert "ZENDESK_SUBDOMAIN: a subdomain holds only letters, digits and hyphens" in line


def test_token_with_a_control_character_is_refused_without_echo(cli, point_at, account: ServedAccount,
                                                                 state: Path) -> None:
    point_at({**account.env, "ZENDESK_OAUTH_TOKEN": "tok-5b1e\x07-0c9d3f"})
    result = cli("plan", state)
    assert error_line(result) == ("Error: ZENDESK_OAUTH_TOKEN: contains a line break, control or non-ASCII "
                                  "character; copy the value again")
    assert "5b1e" not in result.text
    assert account.emulator.request_log == []


def test_token_with_a_trailing_line_break_still_works(cli, point_at, pool: ServerPool, state: Path) -> None:
    served = open_account(pool, door={"token": RIGHT_TOKEN})
    point_at({**served.env, "ZENDESK_OAUTH_TOKEN": RIGHT_TOKEN + "\r\n"})
    result = cli("plan", state)
    assert result.code == 0, result.text
    assert served.door is not None and served.door.refused == []


# -- the account answers: 401, 403 --------------------------------------------------------------

def test_wrong_token_is_401_naming_the_request(cli, point_at, pool: ServerPool, state: Path) -> None:
    served = open_account(pool, door={"token": RIGHT_TOKEN})
    point_at({**served.env, "ZENDESK_OAUTH_TOKEN": WRONG_TOKEN})
    for command in (("plan", state), ("apply", state, "--auto-approve")):
        line = error_line(cli(*command))
        assert names_request(line, "GET", r"/api/v2/\S+"), line
        assert "answered 401: Couldn't authenticate you (the credentials were refused" in line
    assert served.door is not None and served.door.refused, "the requests did reach the door"
    assert served.emulator.request_log == [], "nothing got past authentication"


def test_wrong_api_token_with_email_is_401(cli, point_at, pool: ServerPool, state: Path) -> None:
    served = open_account(pool, door={"token": RIGHT_TOKEN})
    env = {k: v for k, v in served.env.items() if k != "ZENDESK_OAUTH_TOKEN"}
    point_at({**env, "ZENDESK_EMAIL": "admin@example.com", "ZENDESK_API_TOKEN": WRONG_TOKEN})
    line = error_line(cli("plan", state))
    assert "answered 401" in line and "credentials were refused" in line
    assert served.emulator.request_log == []


def test_token_without_any_scope_is_403_on_read(cli, point_at, pool: ServerPool, state: Path) -> None:
    served = open_account(pool, door={"token": RIGHT_TOKEN, "forbid": "everything"})
    point_at(served.env)
    line = error_line(cli("plan", state))
    assert names_request(line, "GET", r"/api/v2/\S+"), line
    assert "answered 403: Forbidden: You do not have access to this page" in line
    assert "(permission denied:" in line
    assert served.emulator.request_log == []


def test_read_only_token_is_403_on_the_first_write_and_nothing_lands(cli, point_at, pool: ServerPool,
                                                                     state: Path) -> None:
    served = open_account(pool, door={"token": RIGHT_TOKEN, "forbid": "writes"})
    point_at(served.env)
    result = cli("apply", state, "--auto-approve")
    line = error_line(result)
    assert line.startswith("Error: groups 'Billing' (create): "), line
    assert names_request(line, "POST", "/api/v2/groups"), line
    assert "answered 403: Forbidden" in line and "(permission denied:" in line
    assert "0 change(s) applied" in result.out
    # The first batch of independent creates went out side by side; no further one was begun.
    assert served.door is not None and served.door.refused
    assert {r[:2] for r in served.door.refused} == {("POST", "/api/v2/groups")}
    assert len(served.door.refused) <= DEFAULT_PARALLELISM
    assert served.writes() == [], "the refused writes never reached the account"


# -- nobody answers -------------------------------------------------------------------------------

def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.usefixtures("no_retry_waits")
def test_unreachable_host(cli, point_at, state: Path) -> None:
    point_at({"ZENDESK_URL": f"http://127.0.0.1:{_closed_port()}", "ZENDESK_OAUTH_TOKEN": RIGHT_TOKEN})
    for command in (("plan", state), ("apply", state, "--auto-approve")):
        line = error_line(cli(*command))
        assert names_request(line, "GET", r"/api/v2/\S+"), line
        assert "failed: ConnectError: no answer from 127.0.0.1 (connection refused)" in line


# -- every provider: missing and refused credentials --------------------------------------------

OTHER_STATES = {
    "freshdesk": "provider: freshdesk\ngroups:\n  - name: Billing\n",
    "intercom": "provider: intercom\ntags:\n  - name: vip\n",
}
MISSING = {
    "freshdesk": "no Freshdesk credentials: set FRESHDESK_API_KEY",
    "intercom": "no Intercom credentials: set INTERCOM_ACCESS_TOKEN",
}
REFUSED = {
    "freshdesk": "You have to be logged in to perform this action.",
    "intercom": "Access Token Invalid",
}


@pytest.mark.parametrize("provider", sorted(OTHER_STATES))
def test_missing_credential(cli, point_at, pool: ServerPool, tmp_path: Path, provider: str) -> None:
    served = open_account(pool, provider)
    point_at({k: v for k, v in served.env.items() if k.endswith("_URL")}, provider)
    state = write_yaml(tmp_path / "state", "state.yaml", OTHER_STATES[provider])
    line = error_line(cli("plan", state))
    assert MISSING[provider] in line, line
    assert served.emulator.request_log == []


@pytest.mark.parametrize("provider", sorted(OTHER_STATES))
def test_wrong_credential_is_401(cli, point_at, pool: ServerPool, tmp_path: Path, provider: str) -> None:
    served = open_account(pool, provider, door={"token": RIGHT_TOKEN})
    point_at({**served.env, credential_var(served.provider): WRONG_TOKEN}, provider)
    state = write_yaml(tmp_path / "state", "state.yaml", OTHER_STATES[provider])
    result = cli("plan", state)
    line = error_line(result)
    assert names_request(line, "GET", r"/\S+"), line
    assert "answered 401" in line and REFUSED[provider] in line and "credentials were refused" in line, line
    assert WRONG_TOKEN not in result.text
    assert served.door is not None and served.door.refused and served.emulator.request_log == []
