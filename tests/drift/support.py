"""Helpers for drift and audit tests: a copy of the example YAML to edit, and "the UI" — raw
HTTP requests to the same emulated account the CLI uses, as an admin clicking around would
make them (they reach the account through the persisted emulator, never through the tool)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import httpx

from provisioner.connect import load_emulator
from provisioner.provider import load_provider
from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "zendesk"

# The standard rules every new Zendesk account has, left alone by key so a test sees only the
# drift it makes (the rules themselves are tested: see test_ignore_rules.py).
IGNORE_STANDARD_RULES = """\
provider: zendesk

triggers:
  ignore: [{key: "Notify *"}]
automations:
  ignore: [{key: "Close ticket 4 days after status is set to solved"}, {key: "Pending notification 24 hours"}]
macros:
  ignore: [{key: "Close and redirect to topics"}, {key: "Downgrade and inform"}, {key: "Customer not responding"}]
views:
  ignore: [{key: "*tickets"}]
"""


def desired_copy(tmp_path: Path, name: str = "desired", extra: dict[str, str] | None = None,
                 replace: tuple[str, str] | None = None, ignore_standard: bool = True) -> Path:
    """The example desired state copied into ``tmp_path/name``, optionally edited."""
    folder = tmp_path / name
    shutil.copytree(EXAMPLE, folder)
    if ignore_standard:
        (folder / "9-ignore-standard-rules.yaml").write_text(IGNORE_STANDARD_RULES)
    for file_name, text in (extra or {}).items():
        (folder / file_name).write_text(text)
    if replace:
        for path in folder.glob("*.yaml"):
            path.write_text(path.read_text().replace(*replace))
    return folder


def ui(workdir: Path) -> httpx.Client:
    """An HTTP client on the account ``--emulator`` commands in ``workdir`` use; writes persist."""
    provider = load_provider("zendesk")
    emulator = load_emulator(provider, workdir)
    env = provider.emulator_env
    return httpx.Client(transport=httpx.MockTransport(emulator), base_url=env["ZENDESK_URL"],
                        headers={"Authorization": f"Bearer {env['ZENDESK_OAUTH_TOKEN']}"})


def live_id(client: httpx.Client, path: str, list_key: str, field: str, value: Any) -> Any:
    """The id of the live object whose ``field`` is ``value`` (first page is enough here)."""
    items = client.get(path, params={"page[size]": 100}).json()[list_key]
    return next(item["id"] for item in items if item.get(field) == value)


def edit_state(workdir: Path, collection: str, match: dict[str, Any], **changes: Any) -> None:
    """Change stored fields the API never lets a client set (``updated_at``): time passing."""
    path = workdir / ".provisioner" / "emulator" / "zendesk.json"
    state = json.loads(path.read_text())
    items = state["collections"][collection]["items"].values()
    hits = [item for item in items if all(item.get(k) == v for k, v in match.items())]
    assert hits, f"no {collection} matching {match}"
    for item in hits:
        item.update(changes)
    path.write_text(json.dumps(state))


def hand_adapter(workdir: Path, provider_name: str):  # type: ignore[no-untyped-def]
    """The provider's own client on the account ``--emulator`` commands in ``workdir`` use:
    out-of-band changes for any provider, made with requests the vendor's API accepts."""
    provider = load_provider(provider_name)
    return provider.connect(provider.emulator_env, httpx.MockTransport(load_emulator(provider, workdir)))
