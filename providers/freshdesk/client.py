"""Connect to a Freshdesk account from environment variables.

Auth is HTTP Basic with the API key as the user name and ``X`` as the password (the key carries
the permissions of the agent who owns it, so configuration needs an admin's key). The account is
``FRESHDESK_DOMAIN`` (``acme`` for https://acme.freshdesk.com; the full host name is accepted
too) or ``FRESHDESK_URL`` for any base URL (plain http only on loopback, for the served
emulator). Paths in the kinds carry the ``/api/v2`` prefix, so a URL given with it is trimmed.
"""

from __future__ import annotations

from typing import Mapping
from urllib.parse import urlsplit

import httpx

from providers.common import credentials
from providers.common.http import BasicAuth, JsonHttp, checked_base_url
from providers.freshdesk.adapter import FreshdeskAdapter
from providers.freshdesk.errors import error_detail
from providers.freshdesk.rate_limit import RATE_HEADERS
from provisioner import secrets
from provisioner.errors import UserError

CREDENTIAL_VARS = ("FRESHDESK_API_KEY",)
EMULATOR_ENV = {"FRESHDESK_URL": "https://emulator.freshdesk.invalid", "FRESHDESK_API_KEY": "emulator-api-key"}
HOST_SUFFIX = ".freshdesk.com"
API_PREFIX = "/api/v2"


def base_url_from(env: Mapping[str, str]) -> str:
    if env.get("FRESHDESK_URL"):
        base = checked_base_url(env["FRESHDESK_URL"], "FRESHDESK_URL")
        return base[: -len(API_PREFIX)] if base.endswith(API_PREFIX) else base
    raw = (env.get("FRESHDESK_DOMAIN") or "").strip().lower()
    if raw.endswith(HOST_SUFFIX):
        raw = raw[: -len(HOST_SUFFIX)]
    domain = credentials.subdomain({"FRESHDESK_DOMAIN": raw}, "FRESHDESK_DOMAIN")
    if not domain:
        raise UserError("set FRESHDESK_DOMAIN (or FRESHDESK_URL) to the account to manage, or use --emulator")
    return f"https://{domain}{HOST_SUFFIX}"


def auth_from(env: Mapping[str, str]) -> httpx.Auth:
    api_key = credentials.secret(env, "FRESHDESK_API_KEY")
    if not api_key:
        raise UserError("no Freshdesk credentials: set FRESHDESK_API_KEY to an administrator's API key")
    secrets.register_basic(api_key, "X")
    return BasicAuth(api_key, "X")


def connect(env: Mapping[str, str], transport: httpx.BaseTransport | None = None) -> FreshdeskAdapter:
    base = base_url_from(env)
    http = JsonHttp(base, auth_from(env), error_detail, transport=transport, rate_headers=RATE_HEADERS,
                    headers={"User-Agent": "provisioner (helpdesk configuration as code)"})
    return FreshdeskAdapter(http, account=urlsplit(base).netloc)
