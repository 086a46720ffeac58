"""Zendesk operations on any declared kind: list with paging, CRUD in envelopes, reorder.

Everything a plain kind needs comes from its declaration (``Kind.path``, ``envelope``,
``list_key`` and ``api``). ``api`` keys understood here:

+ paging: "cursor" (default; ``page[size]=100`` following ``links.next``) or "none".
+ list_params: extra query parameters for the list (``exclude_deleted=true``).
+ update_method: "PUT" (default) or "PATCH".
+ newest_first: the list takes ``sort_by=created_at&sort_order=desc`` (documented for macros,
  triggers, automations and views), so a create whose answer was lost is looked for on the
  newest page before the whole kind is read (``find_by_key``).
+ reorder: {"path": ..., "body_key": ...} for id-list reorder endpoints, plus
  "style": "update_many" for endpoints that take ``[{id, position}]``.
+ operations: an object with any of read/create/update/delete/reorder methods that replace the
  standard ones for a kind with quirks (a kind file defines it).

A kind without ``envelope`` is sent and answered unwrapped (app installations); an answer
without a body (a webhook PATCH answers 204) is taken as done: apply needs no answer to an update.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator

from providers.common.fan_out import CHILD_CONCURRENCY, fan_out
from providers.common.http import JsonHttp
from providers.common.shared_lists import SharedLists
from providers.common.writes import plain_write
from providers.zendesk.read_cost import longest_chain, minimum_reads
from provisioner.kind import Doc, Kind
from provisioner.live import strip

PAGE_SIZE = 100


class ZendeskAdapter:
    def __init__(self, http: JsonHttp, account: str) -> None:
        self.http = http
        self.account = account
        self.shared = SharedLists()  # lists fetched once per read_session

    # -- reading ---------------------------------------------------------------------------
    def read(self, kind: Kind) -> list[Doc]:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "read"):
            return custom.read(self, kind)
        return self.list_all(kind.path, kind.list_key or kind.name, kind.api.get("paging", "cursor"),
                             kind.api.get("list_params"))

    def list_all(self, path: str, list_key: str, paging: str = "cursor", params: dict | None = None) -> list[Doc]:
        """Every item of a list endpoint, following cursor pages at the largest page size.

        Inside ``read_session`` a list already fetched (or being fetched by another thread)
        is shared instead of requested again; callers get their own list of the same dicts."""
        key = (path, list_key, paging, repr(sorted((params or {}).items())))
        return self.shared.fetch(key, lambda: [item for body in self.pages(path, paging, params)
                                               for item in body.get(list_key, [])])

    def pages(self, path: str, paging: str = "cursor", params: dict | None = None) -> Iterator[Doc]:
        """Every page body of a list endpoint (for sideloads, which sit beside the list)."""
        query: dict[str, Any] = dict(params or {})
        if paging == "none":
            yield self.http.json("GET", path, params=query or None)
            return
        query["page[size]"] = PAGE_SIZE
        url: str | None = path
        while url:
            body = self.http.json("GET", url, params=query)
            yield body
            meta, links = body.get("meta") or {}, body.get("links") or {}
            url, query = (links.get("next"), None) if meta.get("has_more") and links.get("next") else (None, None)

    @contextmanager
    def read_session(self) -> Iterator[None]:
        """One read of the account (``provisioner.live.read_raw``): identical list requests are
        made once. Group memberships and ticket form statuses name their group or form, so they
        need the very lists the groups and ticket_forms kinds read anyway."""
        with self.shared.session():
            yield

    def minimum_reads(self, raw: dict[str, list[Doc]]) -> dict[str, int]:
        """The fewest requests the API allows for reading these objects, by kind (benchmarks)."""
        return minimum_reads(raw)

    def longest_chain(self, raw: dict[str, list[Doc]]) -> int:
        """The most requests one kind's read must make one after another (benchmarks)."""
        return longest_chain(raw, CHILD_CONCURRENCY)

    def gather(self, fetch: Callable[[Doc], Any], parents: list[Doc]) -> list[Any]:
        """``fetch`` for every parent, ``CHILD_CONCURRENCY`` at a time: children the API lists
        only per parent (a schedule's holidays) then cost a few round trips, not one each."""
        return fan_out(fetch, parents, CHILD_CONCURRENCY)

    def find_by_key(self, kind: Kind, key: str) -> Doc | None:
        """The object of ``kind`` whose natural key is ``key``, or None (apply asks after a create
        got no clear answer). A create that landed is among the newest objects, so where the
        list sorts by creation the newest page is looked at first: one request instead of every
        page of the kind (under faults these lookups were half of an apply's requests). Only
        when it is not there is the whole kind read, so a miss is as certain as before."""
        if kind.api.get("newest_first"):
            params = {**(kind.api.get("list_params") or {}), "sort_by": "created_at", "sort_order": "desc",
                      "per_page": PAGE_SIZE}
            newest = self.http.json("GET", kind.path, params=params).get(kind.list_key or kind.name, [])
            found = _with_key(kind, key, newest)
            if found is not None:
                return found
        return _with_key(kind, key, self.read(kind))

    # -- writing ---------------------------------------------------------------------------
    def create(self, kind: Kind, body: Doc) -> Doc:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "create"):
            return custom.create(self, kind, body)
        answer = self.http.json("POST", kind.path, json_body=self.wrap(kind, body))
        return self.unwrap(kind, answer)

    def update(self, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "update"):
            return custom.update(self, kind, obj_id, body, before)
        method = kind.api.get("update_method", "PUT")
        path = f"{kind.path}/{obj_id}" if not kind.singleton else kind.path
        answer = self.http.json(method, path, json_body=self.wrap(kind, body))
        return self.unwrap(kind, answer) if answer else {}

    @staticmethod
    def wrap(kind: Kind, body: Doc) -> Doc:
        return {kind.envelope: body} if kind.envelope else body

    @staticmethod
    def unwrap(kind: Kind, answer: Any) -> Doc:
        return answer[kind.envelope] if kind.envelope else answer

    def get(self, path: str, envelope: str | None = None) -> Doc:
        """One object (``envelope`` unwraps it)."""
        answer = self.http.json("GET", path)
        return answer[envelope] if envelope else answer

    def delete(self, kind: Kind, obj_id: Any) -> None:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "delete"):
            custom.delete(self, kind, obj_id)
            return
        self.http.request("DELETE", f"{kind.path}/{obj_id}", ok_statuses=(404,))

    def reorder(self, kind: Kind, ids: list[Any]) -> None:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "reorder"):
            custom.reorder(self, kind, ids)
            return
        spec = kind.api["reorder"]
        if spec.get("style") == "update_many":
            items = [{"id": obj_id, "position": position} for position, obj_id in enumerate(ids, start=1)]
            self.http.json("PUT", spec["path"], json_body={spec["body_key"]: items})
        else:
            self.http.json("PUT", spec["path"], json_body={spec["body_key"]: ids})

    def parallel_writes(self, kind: Kind, action: str) -> bool:
        """Whether apply may send ``action`` on several objects of ``kind`` at once."""
        return plain_write(kind, action)

    def close(self) -> None:
        self.http.close()


def _with_key(kind: Kind, key: str, raws: list[Doc]) -> Doc | None:
    return next((raw for raw in raws if kind.key_of(strip(kind, raw)) == key), None)
