"""``IntercomEmulator``: an Intercom workspace as an ``httpx`` transport function.

The request pipeline mirrors what a client sees from api.intercom.io, in this order:
1. bearer auth — no/empty token: 401 ``unauthorized`` "Access Token Invalid", without rate-limit
   headers (Intercom only sends them on authenticated responses);
2. the 10-second rate window — over it: 429 ``rate_limit_exceeded`` (see ``rate_limit``);
3. ``Intercom-Version`` — unknown value: 400 ``intercom_version_invalid``; a 2.16-only resource
   asked for with an older version: the same code, "not available in current API version";
4. routing — unknown path or method: 404 ``not_found`` "Resource Not Found";
5. the resource handler, whose ``ApiError`` becomes the ``error.list`` envelope.
Every authenticated response carries ``X-RateLimit-*`` and echoes the ``Intercom-Version`` used.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

import httpx

from providers.common.emulation import LoggedRequest, Router, Store

from . import (articles, collections, conversation_attributes, data_attributes, help_centers, macros,
               news, office_hours, segments, tags, teams_admins, ticket_type_attributes, ticket_types)
from .errors import ApiError, error_response, from_exception, invalid
from .rate_limit import IntercomRateLimit
from .seed import seed_workspace
from .ui import WorkspaceUI
from .version import API_VERSION, UNAVAILABLE_MESSAGE, UNKNOWN_VERSION_MESSAGE, is_known, resource_available

RESOURCE_MODULES = (data_attributes, tags, ticket_types, ticket_type_attributes, collections, articles,
                    news, office_hours, conversation_attributes, teams_admins, macros, help_centers, segments)


class IntercomEmulator:
    """An in-memory Intercom workspace speaking REST API 2.16.

    Options: ``workspace_id`` (default ``"emu0wksp"``) and ``help_center_locales`` (default
    ``["en", "fr", "de"]``; the first is the default locale). A single locale makes the help
    center single-language, where Intercom ignores ``translated_content`` on writes and leaves it
    out of responses.
    """

    def __init__(self, state: dict | None = None, *, rpm: int | None = None,
                 clock: Callable[[], float] | None = None, **options: Any) -> None:
        self.clock = clock or time.time
        # One request at a time, as a served emulator answers them: the store and its caches are
        # not thread-safe, and the engine reads kinds (and apply writes) from several threads.
        self._one_at_a_time = threading.RLock()
        self.rate_limit = IntercomRateLimit(rpm, self.clock)
        self.request_log: list[LoggedRequest] = []
        self.store = Store(state)
        if state is None:
            locales = list(options.get("help_center_locales") or ["en", "fr", "de"])
            seed_workspace(self.store, now=self.now(), workspace_id=options.get("workspace_id", "emu0wksp"),
                           locales=locales)
        self.ui = WorkspaceUI(self)
        self.router = Router()
        for module in RESOURCE_MODULES:
            module.register(self.router, self)

    # -- workspace facts shared by the resource modules ------------------------------------
    def now(self) -> int:
        return int(self.clock())

    @property
    def workspace_id(self) -> str:
        return self.store.extra["workspace_id"]

    @property
    def owner_admin_id(self) -> str:
        """The teammate the access token belongs to (``/me``)."""
        return self.store.extra["owner_admin_id"]

    def default_help_center(self) -> dict[str, Any]:
        return next(hc for hc in self.store["help_centers"].values() if hc.get("default"))

    @property
    def locales(self) -> list[str]:
        return list(self.default_help_center()["locales"])

    @property
    def default_locale(self) -> str:
        return self.locales[0]

    @property
    def multilingual(self) -> bool:
        return len(self.locales) > 1

    def require_admin(self, value: Any, field: str) -> int:
        """Ids that must name a teammate (article author, news sender); returns the int id."""
        if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit():
            raise invalid(f"{field} must be an integer")
        if self.store["admins"].get(str(value)) is None:
            raise invalid(f"{field} must be the id of a teammate in this workspace")
        return int(value)

    # -- transport --------------------------------------------------------------------------
    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._one_at_a_time:
            return self._answer(request)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        response = self._handle(request)
        duration = (time.perf_counter() - started) * 1000
        self.request_log.append(LoggedRequest(request.method, request.url.path, response.status_code, duration))
        return response

    def _handle(self, request: httpx.Request) -> httpx.Response:
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return error_response(401, "unauthorized", "Access Token Invalid")
        allowed, limit_headers = self.rate_limit.take()
        if not allowed:
            response = error_response(429, "rate_limit_exceeded", self.rate_limit.exceeded_message())
        else:
            version = request.headers.get("intercom-version") or API_VERSION
            response = self._dispatch(request, version)
            if is_known(version):
                response.headers["Intercom-Version"] = version
        response.headers.update(limit_headers)
        return response

    def _dispatch(self, request: httpx.Request, version: str) -> httpx.Response:
        if not is_known(version):
            return error_response(400, "intercom_version_invalid", UNKNOWN_VERSION_MESSAGE)
        path = request.url.path
        found = self.router.match(request.method, path)
        if found is None:
            return error_response(404, "not_found", "Resource Not Found")
        if not resource_available(version, path):
            return error_response(400, "intercom_version_invalid", UNAVAILABLE_MESSAGE)
        handler, params = found
        try:
            return handler(request, **params)
        except ApiError as exc:
            return from_exception(exc)

    def dump(self) -> dict:
        return self.store.dump()
