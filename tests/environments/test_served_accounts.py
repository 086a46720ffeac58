"""``--env`` against two real HTTP accounts (served emulators): each environment connects through
the variables its ``env`` lists, credentials come from ``${env:...}`` and are never shown, and a
stray provider variable in the shell is never used."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from providers.common.serve import serve_in_thread
from provisioner.provider import load_provider
from tests.conftest import EXAMPLES, write_yaml

ZENDESK = load_provider("zendesk")
TOKENS = {"sandbox": "sbx-t0ken-9f8e7d", "production": "prd-t0ken-1a2b3c"}
PROJECT = """\
environments:
  sandbox:
    env:
      ZENDESK_URL: ${env:SANDBOX_ZENDESK_URL}
      ZENDESK_OAUTH_TOKEN: ${env:SANDBOX_ZENDESK_TOKEN}
  production:
    env:
      ZENDESK_URL: ${env:PRODUCTION_ZENDESK_URL}
      ZENDESK_OAUTH_TOKEN: ${env:PRODUCTION_ZENDESK_TOKEN}
"""


@pytest.fixture
def accounts(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    served = {}
    for name in ("sandbox", "production"):
        emulator = ZENDESK.make_emulator(None)
        server, url = serve_in_thread(emulator)
        served[name] = (server, url, emulator)
        monkeypatch.setenv(f"{name.upper()}_ZENDESK_URL", url)
        monkeypatch.setenv(f"{name.upper()}_ZENDESK_TOKEN", TOKENS[name])
    monkeypatch.setenv("ZENDESK_URL", "http://127.0.0.1:9")  # a stray variable in the shell
    yield served
    for server, _, _ in served.values():
        server.shutdown()
        server.server_close()


def test_each_environment_reaches_its_own_account(cli, tmp_path: Path, accounts: dict) -> None:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLES / "zendesk", project / "zendesk")
    write_yaml(project, "provisioner.yaml", PROJECT)
    desired = project / "zendesk"
    outputs = []
    for name in ("sandbox", "production"):
        applied = cli("apply", desired, "--env", name, "--auto-approve")
        assert applied.code == 0, applied.text
        outputs.append(applied.text)
        port = accounts[name][1].rsplit(":", 1)[1]
        assert f"change(s) to 127.0.0.1:{port}…" in applied.out
        writes = [r for r in accounts[name][2].request_log if r.method == "POST"]
        assert len(writes) >= 20
    for name in ("sandbox", "production"):
        assert cli("plan", desired, "--env", name, "--detailed-exitcode").code == 0
    same = cli("compare", "--env", "sandbox", "--env", "production", desired)
    assert same.code == 0 and "No differences" in same.out, same.text
    leak = {"group": {"name": "Pasted", "description": f"token is {TOKENS['production']}"}}
    httpx.post(f"{accounts['production'][1]}/api/v2/groups", json=leak,
               headers={"Authorization": "Bearer x"}).raise_for_status()  # a credential pasted in the UI
    exported = cli("export", project / "export", "--provider", "zendesk", "--env", "production")
    assert exported.code == 0, exported.text
    assert "description: token is (sensitive)" in (project / "export" / "2-groups.yaml").read_text()
    outputs += [same.text, exported.text]
    written = "".join(p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file())
    for token in TOKENS.values():
        assert token not in "".join(outputs) and token not in written
