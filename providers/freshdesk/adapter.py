"""Freshdesk operations on any declared kind: page through lists, bare-JSON CRUD, positions.

Everything a plain kind needs comes from its declaration (``Kind.path`` and ``Kind.api``).
Freshdesk bodies have no envelope: a create sends ``{"name": ...}`` and gets the bare object
back; a list is a bare array. ``api`` keys understood here:

+ paging: "pages" (default: ``page``/``per_page`` following the ``Link`` header) or "none" for
  endpoints that refuse the parameters and answer everything (``admin/ticket_fields``).
+ per_page: the page size (100, the maximum; ``ticket-forms`` allows at most 50).
+ update_method: "PUT" (default; a partial update) or "PATCH" (skills).
+ position_field: the field that orders an ordered kind ("position", or "rank" for skills);
  Freshdesk has no bulk reorder, so a reorder moves objects one at a time.
+ field_kind: True for ticket, contact and company fields: a write to one makes the adapter
  read field names again (``field_names``).
+ operations: an object with any of read/create/update/delete/reorder methods that replace the
  standard ones for a kind with quirks (the kind's file defines it).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator
from urllib.parse import urlsplit

from providers.common.http import JsonHttp
from providers.common.shared_lists import SharedLists
from providers.common.writes import plain_write
from providers.freshdesk.field_names import FieldNames
from providers.freshdesk.read_cost import minimum_reads
from provisioner.errors import ApiError
from provisioner.kind import Doc, Kind
from provisioner.live import strip

MAX_PER_PAGE = 100
MAX_PAGES = 10_000  # a server that ignores ``page`` must not keep us reading forever


class FreshdeskAdapter:
    def __init__(self, http: JsonHttp, account: str) -> None:
        self.http = http
        self.account = account
        self.field_names = FieldNames(self)
        self.shared = SharedLists()  # lists fetched once per read_session

    def _custom(self, kind: Kind, verb: str) -> Any:
        operations = kind.api.get("operations")
        return getattr(operations, verb, None) if operations is not None else None

    # -- reading ---------------------------------------------------------------------------
    def read(self, kind: Kind) -> list[Doc]:
        custom = self._custom(kind, "read")
        if custom is not None:
            return custom(self, kind)
        return self.list_all(kind.path, paging=kind.api.get("paging", "pages"),
                             per_page=kind.api.get("per_page", MAX_PER_PAGE))

    def list_all(self, path: str, *, paging: str = "pages", per_page: int = MAX_PER_PAGE) -> list[Doc]:
        """Every item of a list endpoint.

        Follows ``Link: <...>; rel="next"`` while the server sends one; some lists send none, so a
        full page without a link is followed by the next page number until a short page comes
        back (research note 1.2). A link to another host is never followed: it would carry the
        API key elsewhere. Inside ``read_session`` a list already fetched is shared.
        """
        return self.shared.fetch((path, paging, per_page), lambda: self._list_all(path, paging, per_page))

    def _list_all(self, path: str, paging: str, per_page: int) -> list[Doc]:
        if paging == "none":
            return self._array("GET", path, None)
        items: list[Doc] = []
        url, params, page = path, {"page": 1, "per_page": per_page}, 1
        while page <= MAX_PAGES:
            response = self.http.request("GET", url, params=params)
            chunk = self._parse_array(response, path)
            items += chunk
            following = response.links.get("next", {}).get("url")
            if following and self._same_host(following):
                url, params = following, None
            elif len(chunk) >= per_page:
                url, params = path, {"page": page + 1, "per_page": per_page}
            else:
                return items
            page += 1
        raise ApiError("GET", path, 200, f"more than {MAX_PAGES} pages; the server seems to ignore 'page'")

    @contextmanager
    def read_session(self) -> Iterator[None]:
        """One read of the account (``provisioner.live.read_raw``): identical list requests are
        made once. Solution folders and articles walk the same categories and folders, and
        rules and skills name fields from the lists the field kinds read."""
        with self.shared.session():
            yield

    def minimum_reads(self, raw: dict[str, list[Doc]]) -> dict[str, int]:
        """The fewest requests the API allows for reading these objects, by kind (benchmarks)."""
        return minimum_reads(raw)

    def get(self, path: str) -> Doc:
        body = self.http.json("GET", path)
        return body if isinstance(body, dict) else {}

    def _array(self, method: str, path: str, params: dict | None) -> list[Doc]:
        return self._parse_array(self.http.request(method, path, params=params), path)

    @staticmethod
    def _parse_array(response: Any, path: str) -> list[Doc]:
        body = response.json() if response.content else []
        if not isinstance(body, list):
            raise ApiError("GET", path, response.status_code, "expected a JSON array")
        return body

    def _same_host(self, url: str) -> bool:
        parts = urlsplit(url)
        return not parts.netloc or parts.netloc == urlsplit(self.http.base_url).netloc

    def find_by_key(self, kind: Kind, key: str) -> Doc | None:
        for raw in self.read(kind):
            if kind.key_of(strip(kind, raw)) == key:
                return raw
        return None

    # -- writing ---------------------------------------------------------------------------
    def create(self, kind: Kind, body: Doc) -> Doc:
        self._wrote(kind)
        custom = self._custom(kind, "create")
        if custom is not None:
            return custom(self, kind, body)
        return self.http.json("POST", kind.path, json_body=body) or {}

    def update(self, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:
        self._wrote(kind)
        custom = self._custom(kind, "update")
        if custom is not None:
            return custom(self, kind, obj_id, body, before)
        method = kind.api.get("update_method", "PUT")
        return self.http.json(method, f"{kind.path}/{obj_id}", json_body=body) or {}

    def delete(self, kind: Kind, obj_id: Any) -> None:
        self._wrote(kind)
        custom = self._custom(kind, "delete")
        if custom is not None:
            custom(self, kind, obj_id)
            return
        self.http.request("DELETE", f"{kind.path}/{obj_id}", ok_statuses=(404,))

    def _wrote(self, kind: Kind) -> None:
        """A write to a field kind may add or rename a field rules name: read the names again."""
        if kind.api.get("field_kind"):
            self.field_names.forget()

    def reorder(self, kind: Kind, ids: list[Any]) -> None:
        """Give ``ids`` positions 1..n with as few writes as possible.

        Setting one object's position shifts the others (as in the admin UI), so objects are
        placed front to back; the local copy of the order is shifted the same way, and an object
        already in its place is not written.
        """
        custom = self._custom(kind, "reorder")
        if custom is not None:
            custom(self, kind, ids)
            return
        field = kind.api.get("position_field", "position")
        current = [str(raw[kind.id_field]) for raw in sorted(self.read(kind), key=lambda r: r.get(field) or 0)]
        for index, obj_id in enumerate(ids):
            wanted = str(obj_id)
            if index < len(current) and current[index] == wanted:
                continue
            self.update(kind, obj_id, {field: index + 1}, {})
            if wanted in current:
                current.remove(wanted)
            current.insert(index, wanted)

    def parallel_writes(self, kind: Kind, action: str) -> bool:
        """Whether apply may send ``action`` on several objects of ``kind`` at once."""
        return plain_write(kind, action)

    def close(self) -> None:
        self.http.close()
