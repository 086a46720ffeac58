"""Helpers for drift and audit tests: a stable desired state to edit, and "the UI" — raw HTTP
requests to the same emulated account the CLI uses, as an admin clicking around would make
them (they reach the account through the persisted emulator, never through the tool).

The desired state is ``fixtures/zendesk`` (the walking skeleton's example, frozen), so that
these tests do not move when the blueprint example grows. What a new emulated account already
holds (the vendor's standard rules, roles, categories) is left alone with generated ignore
rules, as a team adopting an account would do, so each test sees only the drift it makes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import httpx

from provisioner.connect import load_emulator
from provisioner.provider import load_provider

FIXTURE = Path(__file__).parent / "fixtures" / "zendesk"
SEEDED_IGNORES = "9-ignore-seeded.yaml"


def desired_copy(tmp_path: Path, name: str = "desired", extra: dict[str, str] | None = None,
                 replace: tuple[str, str] | None = None, source: Path = FIXTURE) -> Path:
    """The fixture desired state copied into ``tmp_path/name``, optionally edited."""
    folder = tmp_path / name
    shutil.copytree(source, folder)
    for file_name, text in (extra or {}).items():
        (folder / file_name).write_text(text)
    if replace:
        for path in folder.glob("*.yaml"):
            path.write_text(path.read_text().replace(*replace))
    return folder


def ignore_seeded(cli, folder: Path, *args: str) -> dict[str, list[str]]:
    """Write ignore rules for every live object the YAML does not declare (what the account had
    before the team started); returns them by kind. ``args`` select the account (``--emulator``)."""
    result = cli("drift", folder, "--format", "json", *args)
    assert result.code in {0, 2}, result.text
    report = json.loads(result.out)
    provider = report["provider"]
    seeded: dict[str, list[str]] = {}
    for item in report["drift"]:
        assert item["type"] == "unmanaged", f"a fresh apply left drift: {item}"
        seeded.setdefault(item["kind"], []).append(item["key"])
    lines = [f"provider: {provider}", ""]
    for kind, keys in seeded.items():
        lines += [f"{kind}:", "  ignore:"] + [f"    - {{key: {json.dumps(key)}}}" for key in keys]
    (folder / SEEDED_IGNORES).write_text("\n".join(lines) + "\n")
    return seeded


def ui(workdir: Path) -> httpx.Client:
    """An HTTP client on the account ``--emulator`` commands in ``workdir`` use; writes persist."""
    provider = load_provider("zendesk")
    emulator = load_emulator(provider, workdir)
    env = provider.emulator_env
    return httpx.Client(transport=httpx.MockTransport(emulator), base_url=env["ZENDESK_URL"],
                        headers={"Authorization": f"Bearer {env['ZENDESK_OAUTH_TOKEN']}"})


def hand_adapter(workdir: Path, provider_name: str):  # type: ignore[no-untyped-def]
    """The provider's own client on the account ``--emulator`` commands in ``workdir`` use:
    out-of-band changes for any provider, made with requests the vendor's API accepts."""
    provider = load_provider(provider_name)
    return provider.connect(provider.emulator_env, httpx.MockTransport(load_emulator(provider, workdir)))


def live_id(client: httpx.Client, path: str, list_key: str, field: str, value: Any) -> Any:
    """The id of the live object whose ``field`` is ``value`` (first page is enough here)."""
    items = client.get(path, params={"page[size]": 100}).json()[list_key]
    return next(item["id"] for item in items if item.get(field) == value)


def _state_path(workdir: Path, provider: str) -> Path:
    return workdir / ".provisioner" / "emulator" / f"{provider}.json"


def edit_state(workdir: Path, collection: str, match: dict[str, Any], provider: str = "zendesk", **changes: Any) -> None:
    """Change stored fields the API never lets a client set (``updated_at``): time passing."""
    path = _state_path(workdir, provider)
    state = json.loads(path.read_text())
    items = state["collections"][collection]["items"].values()
    hits = [item for item in items if all(item.get(k) == v for k, v in match.items())]
    assert hits, f"no {collection} matching {match}"
    for item in hits:
        item.update(changes)
    path.write_text(json.dumps(state))


def add_to_state(workdir: Path, collection: str, obj: dict[str, Any], provider: str) -> None:
    """Put an object into the account that only the vendor's UI can create (a custom role where
    the API has none to create)."""
    path = _state_path(workdir, provider)
    state = json.loads(path.read_text())
    state["collections"][collection]["items"][str(obj["id"])] = obj
    path.write_text(json.dumps(state))
