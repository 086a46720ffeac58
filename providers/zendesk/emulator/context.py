"""Per-request helpers: query parameters, the wrapped JSON body and absolute URLs.

Zendesk builds every ``url`` and pagination link from the host the caller used, so the
emulator does the same: a client pointed at ``http://127.0.0.1:8123`` gets links back to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import httpx

from providers.common.emulation import read_json
from providers.zendesk.emulator.errors import ZendeskError, bad_request

if TYPE_CHECKING:
    from providers.zendesk.emulator.app import ZendeskEmulator

API_PREFIX = "/api/v2"
PAGE_PARAMS = frozenset({"page", "per_page", "page[size]", "page[after]", "page[before]"})
_MISSING = object()


class RequestContext:
    """What a handler needs from one request, plus a flag the app reads for list headers."""

    def __init__(self, request: httpx.Request, emulator: "ZendeskEmulator") -> None:
        self.request = request
        self.emulator = emulator
        self.store = emulator.store
        self.is_list = False
        self._body: Any = _MISSING

    # -- addresses -----------------------------------------------------------------------
    @property
    def base(self) -> str:
        url = self.request.url
        return f"{url.scheme}://{url.netloc.decode()}"

    def api_url(self, path: str, *, json_suffix: bool = True) -> str:
        """Absolute URL of an API path (``path`` starts after ``/api/v2``)."""
        return f"{self.base}{API_PREFIX}{path}{'.json' if json_suffix else ''}"

    def listing(self, name: str, compute: Callable[[], Any]) -> Any:
        """What a list endpoint answers before paging (filtered, sorted), computed once per
        account state and query (``ZendeskEmulator.memo``); only the page changes per request."""
        query = tuple(sorted((k, v) for k, v in self.request.url.params.multi_items() if k not in PAGE_PARAMS))
        return self.emulator.memo((name, self.request.url.path, query), compute)

    # -- query -----------------------------------------------------------------------------
    def query(self, name: str, default: str | None = None) -> str | None:
        return self.request.url.params.get(name, default)

    def query_list(self, name: str) -> list[str]:
        """A list parameter given as ``name[]=a&name[]=b``, ``name=a&name=b`` or ``name=a,b``."""
        params = self.request.url.params
        values = params.get_list(f"{name}[]") + params.get_list(name)
        out: list[str] = []
        for value in values:
            out.extend(part.strip() for part in value.split(",") if part.strip())
        return out

    def query_bool(self, name: str) -> bool | None:
        value = self.query(name)
        if value is None:
            return None
        return value.strip().lower() in {"true", "1", "yes"}

    def query_int(self, name: str) -> int | None:
        value = self.query(name)
        if value is None or value == "":
            return None
        try:
            return int(value)
        except ValueError:
            raise bad_request("InvalidParameter", f"{name} must be an integer") from None

    # -- body ------------------------------------------------------------------------------
    def body(self) -> Any:
        """The parsed JSON body (None when empty); malformed JSON is a 400 like Rails gives."""
        if self._body is _MISSING:
            try:
                self._body = read_json(self.request)
            except ValueError:
                raise ZendeskError(
                    400,
                    {"error": "Unprocessable Entity",
                     "description": "There was a problem parsing the JSON in the request body"},
                ) from None
        return self._body

    def wrapped(self, key: str) -> dict[str, Any]:
        """The object under the wrapper key (``{"group": {...}}``); missing → 400 like Rails'
        ``ParameterMissing``."""
        body = self.body()
        if not isinstance(body, dict) or not isinstance(body.get(key), dict):
            raise bad_request("ParameterMissing", f"param is missing or the value is empty: {key}")
        return body[key]

    def wrapped_list(self, key: str) -> list[Any]:
        body = self.body()
        if not isinstance(body, dict) or not isinstance(body.get(key), list):
            raise bad_request("ParameterMissing", f"param is missing or the value is empty: {key}")
        return body[key]
