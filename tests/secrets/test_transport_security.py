"""Credentials only travel over verified TLS, or in plain text to this machine.

+ An HTTPS account whose certificate the system does not trust is refused (one line, exit 1,
  nothing reached the account); trusting its CA through ``SSL_CERT_FILE`` (a corporate proxy's
  CA, say) makes the same account work, which proves the refusal was the certificate check.
+ Plain http is refused for any host but a loopback address, for every provider's URL variable,
  before a request is made (so the token never leaves in clear text).
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path

import pytest

from providers.common.http import checked_base_url
from provisioner.errors import UserError
from provisioner.provider import KNOWN_PROVIDERS, load_provider
from tests.badinput.harness import ServerPool, error_line, names_request, served_env
from tests.conftest import write_yaml

GROUPS = "provider: zendesk\ngroups:\n  - name: Billing\n"


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


def serve_tls(pool: ServerPool, handler, cert: Path, key: Path) -> str:  # type: ignore[no-untyped-def]
    url = pool.serve(handler)
    server = pool.servers[-1]
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.handle_error = lambda request, address: None  # a refused handshake is the expected outcome
    return url.replace("http://", "https://")


@pytest.mark.usefixtures("no_retry_waits")
def test_untrusted_certificate_is_refused(cli, pool: ServerPool, point_at, monkeypatch, tmp_path: Path,
                                          self_signed: tuple[Path, Path]) -> None:
    provider = load_provider("zendesk")
    emulator = provider.make_emulator(None)
    url = serve_tls(pool, emulator, *self_signed)
    point_at(served_env(provider, url))
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    state = write_yaml(tmp_path / "state", "groups.yaml", GROUPS)

    line = error_line(cli("plan", state))
    assert names_request(line, "GET", r"/api/v2/\S+"), line
    assert "the TLS certificate of 127.0.0.1 could not be verified (self-signed certificate)" in line, line
    assert "gave up after" not in line, "a certificate that is not trusted fails at once, without retries"
    assert emulator.request_log == [], "no request got through an unverified connection"

    monkeypatch.setenv("SSL_CERT_FILE", str(self_signed[0]))
    trusted = cli("plan", state)
    assert trusted.code == 0, trusted.text
    assert emulator.request_log, "control: with its CA trusted, the same account answers"


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765", "http://127.8.9.10", "http://localhost:8765",
                                 "http://[::1]:8765", "https://acme.zendesk.com", "https://10.1.2.3"])
def test_allowed_base_urls(url: str) -> None:
    assert checked_base_url(url, "ZENDESK_URL") == url


@pytest.mark.parametrize("url", ["http://acme.zendesk.com", "http://10.1.2.3", "http://0.0.0.0:8765",
                                 "http://localhost.example.com", "http://127.0.0.1.nip.io", "http://[::ffff:8.8.8.8]"])
def test_plain_http_to_anything_but_loopback_is_refused(url: str) -> None:
    with pytest.raises(UserError, match="plain http is allowed only for loopback addresses"):
        checked_base_url(url, "ZENDESK_URL")


@pytest.mark.parametrize("provider", KNOWN_PROVIDERS)
def test_every_provider_refuses_plain_http_before_any_request(cli, point_at, tmp_path: Path, provider: str) -> None:
    env = dict(load_provider(provider).emulator_env)
    url_var = next(name for name in env if name.endswith("_URL"))
    point_at({**env, url_var: "http://helpdesk.example.com"}, provider)
    state = write_yaml(tmp_path / "state", "state.yaml", f"provider: {provider}\n")
    line = error_line(cli("plan", state))
    assert line == f"Error: {url_var}: plain http is allowed only for loopback addresses; use https"
