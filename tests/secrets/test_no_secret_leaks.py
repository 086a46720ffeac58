"""No credential ever appears in anything the tool produces.

Every command runs against served accounts with recognisable credentials (all contain
``CANARY``): the OAuth token, the tokens of two ``provisioner.yaml`` environments, a wrong token,
an API token sent as Basic auth, and, taken from ``${env:...}``, a webhook's bearer token, an
app's secure setting and a Freshdesk mailbox's mail-server passwords. Successful
runs, failures (422, 401, no answer) and ``--debug`` logging are all included. Then every byte
is searched: stdout, stderr, and every file under the working folder (``.provisioner/`` with its
journals, history and snapshots, saved plans, reports, generated docs and exports).

A control asserts the credentials really were used (the accounts' doors let them through and
writes landed), so "nothing leaked" cannot come from nothing having run.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

import pytest

from provisioner.cli.main import build_parser
from tests.badinput.harness import ServedAccount, ServerPool, credential_var, open_account
from tests.conftest import write_yaml
from tests.secrets.examples import copy_example

CANARY = "CANARY"
TOKEN = "zd-CANARY-oauth-5f1e9c2a7b44"
SANDBOX_TOKEN = "zd-CANARY-sandbox-91c3e7d0"
PRODUCTION_TOKEN = "zd-CANARY-production-2d8a6b1f"
WRONG_TOKEN = "zd-CANARY-wrong-0b7f3c9e"
API_TOKEN = "zd-CANARY-apitoken-6e2a91c4"
API_EMAIL = "admin@example.com"
IMAP_PASSWORD = "fd-CANARY-imap-3c7e19a2"
SMTP_PASSWORD = "fd-CANARY-smtp-8b4d06f5"
FD_KEY = "fd-CANARY-apikey-4a9e2c7b"
IC_TOKEN = "ic-CANARY-token-7d1b5e93"
PAGER_TOKEN = "pd-CANARY-pager-0e6c4a91"
JIRA_TOKEN = "jira-CANARY-api-5b83d27e"

# The Basic-auth header values that carry a canary without spelling it.
ENCODED = [base64.b64encode(f"{API_EMAIL}/token:{API_TOKEN}".encode()).decode(),
           base64.b64encode(f"{FD_KEY}:X".encode()).decode()]

# Commands the test does not run, and why.
EXEMPT = {"emulator": "serves the emulator on loopback; it reads no credential and writes no file"}


@dataclass
class Run:
    args: tuple[str, ...]
    codes: frozenset[int]


def run(*args: str, codes: tuple[int, ...] = (0,)) -> Run:
    return Run(tuple(args), frozenset(codes))


ZENDESK_RUNS = [
    run("validate", "state"),
    run("schema", "--provider", "zendesk"),
    run("kinds", "--provider", "zendesk"),
    run("kinds", "--provider", "zendesk", "--json"),
    run("plan", "state"),
    run("plan", "state", "--json"),
    run("plan", "state", "--out", "plans/first.json"),
    run("apply", "plans/first.json"),
    run("plan", "state", "--detailed-exitcode"),
    run("blocks", "state"),
    run("drift", "state", codes=(0, 2)),
    run("drift", "state", "--format", "json", "--output", "reports/drift.json", codes=(0, 2)),
    run("audit", "state", "--format", "markdown", "--output", "reports/audit.md", codes=(0, 2)),
    run("docs", "state", "--out", "generated-docs", "--live"),
    run("history"),
    run("history", "--json"),
    run("export", "--provider", "zendesk", "exported"),
    run("compare", "--env", "sandbox", "--env", "production", "--provider", "zendesk", codes=(0, 2)),
    run("rollback", "--out", "plans/rollback.json", codes=(0, 1)),
    run("apply", "refused", "--auto-approve", codes=(1,)),
    run("apply", "--resume", codes=(0, 1)),
    run("rollback", "--auto-approve", codes=(0, 1)),
]

# Webhook and app credentials from the environment, added to the example's integrations.
WEBHOOK_AUTH = ("    request_format: json\n", "    request_format: json\n    authentication:\n      type: bearer_token\n"
                "      data: {token: '${env:PAGER_TOKEN}'}\n      add_position: header\n")
APP_SECRET = ("    settings: {jira_url: https://example.atlassian.net, default_project: SUP}\n",
              "    settings: {jira_url: https://example.atlassian.net, default_project: SUP}\n"
              "    secure_settings: {api_token: '${env:JIRA_TOKEN}'}\n")
BAD_VIEW = ("provider: zendesk\nviews:\n  - title: Everything\n    conditions:\n      all:\n"
            "        - {field: status, operator: less_than, value: solved}\n"
            "    execution:\n      columns: [status, subject, requester, updated, created, assignee, group, "
            "priority, type, organization, brand]\n")


def with_integration_secrets(state: Path) -> None:
    integrations = state / "7-integrations.yaml"
    text = integrations.read_text()
    for old, new in (WEBHOOK_AUTH, APP_SECRET):
        assert text.count(old) == 1, f"the example changed; update {old!r}"
        text = text.replace(old, new)
    integrations.write_text(text)


def project_file(sandbox: ServedAccount, production: ServedAccount) -> str:
    return ("environments:\n"
            f"  sandbox:\n    env:\n      ZENDESK_URL: {sandbox.url}\n"
            "      ZENDESK_OAUTH_TOKEN: ${env:SANDBOX_ZENDESK_TOKEN}\n"
            f"  production:\n    env:\n      ZENDESK_URL: {production.url}\n"
            "      ZENDESK_OAUTH_TOKEN: ${env:PRODUCTION_ZENDESK_TOKEN}\n")


def everything_produced(outputs: list[str], folder: Path) -> list[tuple[str, bytes]]:
    produced = [(f"output of run {i}", text.encode()) for i, text in enumerate(outputs)]
    produced += [(str(p), p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]
    return produced


def assert_no_secret(produced: list[tuple[str, bytes]]) -> None:
    needles = [CANARY.encode(), *(e.encode() for e in ENCODED)]
    leaks = [name for name, data in produced for needle in needles if needle in data]
    assert not leaks, f"a credential appears in: {leaks}"


def test_every_command_is_covered() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    covered = {r.args[0] for r in ZENDESK_RUNS} | set(EXEMPT)
    missing = sorted(set(commands) - covered)
    assert not missing, f"add a run of {missing} to ZENDESK_RUNS (secrets must be checked for every command)"


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_zendesk_credentials_never_appear(cli, pool: ServerPool, point_at, monkeypatch, tmp_path: Path,
                                          no_retry_waits, debug: bool) -> None:
    account = open_account(pool, "zendesk", door={"token": TOKEN})
    sandbox = open_account(pool, "zendesk", door={"token": SANDBOX_TOKEN})
    production = open_account(pool, "zendesk", door={"token": PRODUCTION_TOKEN})
    copy_example("zendesk", tmp_path / "state")
    with_integration_secrets(tmp_path / "state")
    write_yaml(tmp_path / "refused", "views.yaml", BAD_VIEW)
    (tmp_path / "provisioner.yaml").write_text(project_file(sandbox, production))
    point_at(account.env)
    monkeypatch.setenv("SANDBOX_ZENDESK_TOKEN", SANDBOX_TOKEN)
    monkeypatch.setenv("PRODUCTION_ZENDESK_TOKEN", PRODUCTION_TOKEN)
    monkeypatch.setenv("PAGER_TOKEN", PAGER_TOKEN)
    monkeypatch.setenv("JIRA_TOKEN", JIRA_TOKEN)
    prefix = ("--debug",) if debug else ()

    outputs = []
    for step in ZENDESK_RUNS:
        result = cli(*prefix, *step.args)
        assert result.code in step.codes, f"{step.args}: exit {result.code}\n{result.text}"
        outputs.append(result.text)

    # Failures with a credential in play: refused (401), Basic auth refused, nobody answering.
    point_at({**account.env, "ZENDESK_OAUTH_TOKEN": WRONG_TOKEN})
    outputs.append(cli(*prefix, "plan", "state").text)
    point_at({"ZENDESK_URL": account.url, "ZENDESK_EMAIL": API_EMAIL, "ZENDESK_API_TOKEN": API_TOKEN})
    outputs.append(cli(*prefix, "plan", "state").text)
    point_at({"ZENDESK_URL": "http://127.0.0.1:9", "ZENDESK_OAUTH_TOKEN": TOKEN})
    outputs.append(cli(*prefix, "apply", "state", "--auto-approve").text)

    assert account.landed_writes(), "control: the applies really wrote to the account"
    assert any(r.method == "POST" and r.path == "/api/v2/webhooks" and r.status < 400
               for r in account.emulator.request_log), "control: the webhook with its token was created"
    assert sandbox.emulator.request_log and production.emulator.request_log, "control: compare read both"
    assert account.door is not None and len(account.door.refused) >= 2, "control: wrong credentials were sent"
    if debug:
        assert any("DEBUG" in text for text in outputs), "control: debug logging was on"
    assert_no_secret(everything_produced(outputs, tmp_path))


FRESHDESK_MAILBOX = """provider: freshdesk
mailboxes:
  - support_email: help@example.com
    name: Help desk
    mailbox_type: custom_mailbox
    custom_mailbox:
      access_type: both
      incoming: {mail_server: imap.example.com, port: 993, use_ssl: true, delete_from_server: false,
                 authentication: plain, user_name: help@example.com}
      outgoing: {mail_server: smtp.example.com, port: 587, use_ssl: true, authentication: plain,
                 user_name: help@example.com}
    incoming_password: ${env:HELP_IMAP_PASSWORD}
    outgoing_password: ${env:HELP_SMTP_PASSWORD}
"""
# A forwarded mailbox given a mail-server password: Freshdesk answers 400 to a request that
# carries the password, and the error must not echo it.
REFUSED_MAILBOX = """provider: freshdesk
mailboxes:
  - support_email: refused@example.com
    mailbox_type: freshdesk_mailbox
    incoming_password: ${env:HELP_IMAP_PASSWORD}
"""

OTHER_PROVIDERS = {"freshdesk": FD_KEY, "intercom": IC_TOKEN}


@pytest.mark.parametrize("provider", sorted(OTHER_PROVIDERS))
def test_other_providers_credentials_never_appear(cli, pool: ServerPool, point_at, monkeypatch,
                                                  tmp_path: Path, provider: str) -> None:
    token = OTHER_PROVIDERS[provider]
    account = open_account(pool, provider, door={"token": token})
    copy_example(provider, tmp_path / "state")
    if provider == "freshdesk":
        write_yaml(tmp_path / "state", "3-mail-server.yaml", FRESHDESK_MAILBOX)
        write_yaml(tmp_path / "refused", "mail.yaml", REFUSED_MAILBOX)
    else:
        write_yaml(tmp_path / "refused", "tags.yaml", "provider: intercom\ntags:\n  - name: '   '\n")
    point_at(account.env, provider)
    monkeypatch.setenv("HELP_IMAP_PASSWORD", IMAP_PASSWORD)
    monkeypatch.setenv("HELP_SMTP_PASSWORD", SMTP_PASSWORD)

    outputs = []
    for args, codes in [
        (("validate", "state"), {0}), (("plan", "state", "--json"), {0}),
        (("--debug", "plan", "state", "--out", "plans/first.json"), {0}), (("--debug", "apply", "plans/first.json"), {0}),
        (("plan", "state", "--detailed-exitcode"), {0}), (("drift", "state"), {0, 2}),
        (("export", "--provider", provider, "exported"), {0}), (("history",), {0}),
        (("rollback", "--out", "plans/rollback.json"), {0, 1}),
        (("--debug", "apply", "refused", "--auto-approve"), {1}),
    ]:
        result = cli(*args)
        assert result.code in codes, f"{args}: exit {result.code}\n{result.text}"
        outputs.append(result.text)
    point_at({**account.env, credential_var(account.provider): f"{provider[:2]}-CANARY-wrong-5e0c"}, provider)
    outputs.append(cli("--debug", "plan", "state").text)

    assert account.landed_writes(), "control: the apply really wrote to the account"
    assert account.door is not None and account.door.refused, "control: the wrong credential was sent"
    assert_no_secret(everything_produced(outputs, tmp_path))


def test_embedded_emulator_state_holds_no_credential(cli, monkeypatch, tmp_path: Path) -> None:
    """With ``--emulator`` the account itself lives under ``.provisioner/``: the webhook token
    and the app's secure setting sent to it must not be stored there either."""
    copy_example("zendesk", tmp_path / "state")
    with_integration_secrets(tmp_path / "state")
    monkeypatch.setenv("PAGER_TOKEN", PAGER_TOKEN)
    monkeypatch.setenv("JIRA_TOKEN", JIRA_TOKEN)
    outputs = [cli("--emulator", "--debug", "apply", "state", "--auto-approve"),
               cli("--emulator", "export", "--provider", "zendesk", "exported")]
    assert [r.code for r in outputs] == [0, 0], outputs[0].text + outputs[1].text
    assert (tmp_path / ".provisioner" / "emulator" / "zendesk.json").exists()
    assert_no_secret(everything_produced([r.text for r in outputs], tmp_path))
