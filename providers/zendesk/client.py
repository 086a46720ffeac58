"""Connect to a Zendesk account from environment variables.

Auth, in order of preference: ``ZENDESK_OAUTH_TOKEN`` (bearer; Zendesk retires API tokens during
2026-27), else ``ZENDESK_EMAIL`` + ``ZENDESK_API_TOKEN`` (basic ``email/token:TOKEN``). The
account is ``ZENDESK_SUBDOMAIN`` (https://SUB.zendesk.com) or ``ZENDESK_URL`` for any base URL
(plain http only on loopback, for the served emulator).
"""

from __future__ import annotations

from typing import Mapping
from urllib.parse import urlsplit

import httpx

from providers.common import credentials
from providers.common.http import BasicAuth, BearerAuth, JsonHttp, checked_base_url
from providers.zendesk.adapter import ZendeskAdapter
from providers.zendesk.errors import error_detail
from providers.zendesk.rate_limit import RATE_HEADERS
from provisioner import secrets
from provisioner.errors import UserError

CREDENTIAL_VARS = ("ZENDESK_OAUTH_TOKEN", "ZENDESK_API_TOKEN")
EMULATOR_ENV = {"ZENDESK_URL": "https://emulator.zendesk.invalid", "ZENDESK_OAUTH_TOKEN": "emulator-token"}


def base_url_from(env: Mapping[str, str]) -> str:
    if env.get("ZENDESK_URL"):
        return checked_base_url(env["ZENDESK_URL"], "ZENDESK_URL")
    subdomain = credentials.subdomain(env, "ZENDESK_SUBDOMAIN")
    if not subdomain:
        raise UserError("set ZENDESK_SUBDOMAIN (or ZENDESK_URL) to the account to manage, or use --emulator")
    return f"https://{subdomain}.zendesk.com"


def auth_from(env: Mapping[str, str]) -> httpx.Auth:
    oauth_token = credentials.secret(env, "ZENDESK_OAUTH_TOKEN")
    api_token = credentials.secret(env, "ZENDESK_API_TOKEN")
    email = credentials.secret(env, "ZENDESK_EMAIL", sensitive=False)
    if oauth_token:
        return BearerAuth(oauth_token)
    if email and api_token:
        secrets.register_basic(f"{email}/token", api_token)
        return BasicAuth(f"{email}/token", api_token)
    raise UserError("no Zendesk credentials: set ZENDESK_OAUTH_TOKEN, or ZENDESK_EMAIL and ZENDESK_API_TOKEN")


def connect(env: Mapping[str, str], transport: httpx.BaseTransport | None = None) -> ZendeskAdapter:
    base = base_url_from(env)
    http = JsonHttp(base, auth_from(env), error_detail, transport=transport, rate_headers=RATE_HEADERS,
                    headers={"User-Agent": "provisioner (helpdesk configuration as code)"})
    return ZendeskAdapter(http, account=urlsplit(base).netloc)
