"""Connect to an Intercom workspace from environment variables.

+ ``INTERCOM_ACCESS_TOKEN``: the access token of a private app (or an OAuth token), sent as
  ``Authorization: Bearer``.
+ ``INTERCOM_REGION``: ``us`` (default), ``eu`` or ``au``. A workspace lives in one region and
  only that region's host knows it: api.intercom.io, api.eu.intercom.io, api.au.intercom.io.
+ ``INTERCOM_URL``: any base URL instead (plain http only on loopback, for the served emulator).

Every request pins ``Intercom-Version`` (``api_version``), so the shapes the diff compares do
not depend on the app's settings in the Developer Hub.
"""

from __future__ import annotations

import time
from typing import Callable, Mapping

import httpx

from providers.common import credentials
from providers.common.http import BearerAuth, JsonHttp, checked_base_url
from providers.intercom.adapter import IntercomAdapter
from providers.intercom.api_version import API_VERSION
from providers.intercom.errors import error_detail
from providers.intercom.rate_limit import rate_headers
from provisioner.errors import UserError

CREDENTIAL_VARS = ("INTERCOM_ACCESS_TOKEN",)
EMULATOR_ENV = {"INTERCOM_URL": "https://emulator.intercom.invalid", "INTERCOM_ACCESS_TOKEN": "emulator-token"}
REGION_HOSTS = {"us": "https://api.intercom.io", "eu": "https://api.eu.intercom.io", "au": "https://api.au.intercom.io"}


def base_url_from(env: Mapping[str, str]) -> str:
    if env.get("INTERCOM_URL"):
        return checked_base_url(env["INTERCOM_URL"], "INTERCOM_URL")
    region = (env.get("INTERCOM_REGION") or "us").strip().lower()
    if region not in REGION_HOSTS:
        raise UserError("INTERCOM_REGION: expected us, eu or au (the region your workspace's data is hosted in)")
    return REGION_HOSTS[region]


def auth_from(env: Mapping[str, str]) -> httpx.Auth:
    token = credentials.secret(env, "INTERCOM_ACCESS_TOKEN")
    if not token:
        raise UserError("no Intercom credentials: set INTERCOM_ACCESS_TOKEN (Developer Hub → your app → "
                        "Authentication), or use --emulator")
    return BearerAuth(token)


def connect(env: Mapping[str, str], transport: httpx.BaseTransport | None = None, *,
            sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
            wall_clock: Callable[[], float] = time.time) -> IntercomAdapter:
    """The adapter for the workspace ``env`` names. ``sleep``/``clock``/``wall_clock`` are for
    tests that compress time (the emulator's rate window runs on ``wall_clock``)."""
    base = base_url_from(env)
    http = JsonHttp(base, auth_from(env), error_detail, transport=transport, rate_headers=rate_headers(wall_clock),
                    sleep=sleep, clock=clock,
                    headers={"Intercom-Version": API_VERSION,
                             "User-Agent": "provisioner (helpdesk configuration as code)"})
    return IntercomAdapter(http)
