"""Helpers for export and environment tests: emulated accounts the CLI's ``--emulator`` uses.

The CLI keeps an embedded emulator's account in ``.provisioner/emulator/[ENV/]PROVIDER.json``
under its working folder; these helpers build such accounts (seeded, or from a dump) and make
out-of-band edits to them through the provider's real client, as an admin in the UI would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from provisioner.connect import emulator_state_path, load_emulator, write_private
from provisioner.provider import Provider, load_provider

# Values Zendesk requires to be unique account-wide: tags (of options and of checkboxes), brand
# subdomains.
ZENDESK_RECIPE_UNIQUE = {kind: ("custom_field_options[].value", "tag")
                         for kind in ("ticket_fields", "user_fields", "organization_fields")}
ZENDESK_RECIPE_UNIQUE["brands"] = ("subdomain",)


def available(name: str) -> Provider:
    """The provider; every known provider ships in this build, so a missing one fails the test."""
    return load_provider(name)


def adapter(workdir: Path, provider: Provider, environment: str | None = None) -> Any:
    """The real client on the embedded account a CLI run in ``workdir`` (with --env) uses."""
    emulator = load_emulator(provider, workdir, environment)
    return provider.connect(provider.emulator_env, httpx.MockTransport(emulator))


def raw(workdir: Path, provider: Provider, environment: str | None = None) -> httpx.Client:
    """A plain HTTP client on that account, for out-of-band edits."""
    return adapter(workdir, provider, environment).http.client


def save_account(dump: dict[str, Any], workdir: Path, provider: str, environment: str | None = None) -> None:
    write_private(emulator_state_path(workdir, provider, environment), json.dumps(dump))


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}
