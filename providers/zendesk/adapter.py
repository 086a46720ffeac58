"""Zendesk operations on any declared kind: list with paging, CRUD in envelopes, reorder.

Everything a plain kind needs comes from its declaration (``Kind.path``, ``envelope``,
``list_key`` and ``api``). ``api`` keys understood here:

+ paging: "cursor" (default; ``page[size]=100`` following ``links.next``) or "none".
+ list_params: extra query parameters for the list (``exclude_deleted=true``).
+ update_method: "PUT" (default) or "PATCH".
+ reorder: {"path": ..., "body_key": ...} for id-list reorder endpoints, plus
  "style": "update_many" for endpoints that take ``[{id, position}]``.
+ operations: an object with any of read/create/update/delete/reorder methods that replace the
  standard ones for a kind with quirks (a kind file defines it).
"""

from __future__ import annotations

from typing import Any

from providers.common.http import JsonHttp
from provisioner.kind import Doc, Kind
from provisioner.live import strip

PAGE_SIZE = 100


class ZendeskAdapter:
    def __init__(self, http: JsonHttp, account: str) -> None:
        self.http = http
        self.account = account

    # -- reading ---------------------------------------------------------------------------
    def read(self, kind: Kind) -> list[Doc]:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "read"):
            return custom.read(self, kind)
        return self.list_all(kind.path, kind.list_key or kind.name, kind.api.get("paging", "cursor"),
                             kind.api.get("list_params"))

    def list_all(self, path: str, list_key: str, paging: str = "cursor", params: dict | None = None) -> list[Doc]:
        """Every item of a list endpoint, following cursor pages at the largest page size."""
        query: dict[str, Any] = dict(params or {})
        if paging == "none":
            body = self.http.json("GET", path, params=query or None)
            return list(body.get(list_key, []))
        query["page[size]"] = PAGE_SIZE
        items: list[Doc] = []
        url: str | None = path
        while url:
            body = self.http.json("GET", url, params=query)
            items += body.get(list_key, [])
            meta, links = body.get("meta") or {}, body.get("links") or {}
            url, query = (links.get("next"), None) if meta.get("has_more") and links.get("next") else (None, None)
        return items

    def find_by_key(self, kind: Kind, key: str) -> Doc | None:
        for raw in self.read(kind):
            if kind.key_of(strip(kind, raw)) == key:
                return raw
        return None

    # -- writing ---------------------------------------------------------------------------
    def create(self, kind: Kind, body: Doc) -> Doc:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "create"):
            return custom.create(self, kind, body)
        answer = self.http.json("POST", kind.path, json_body={kind.envelope: body})
        return answer[kind.envelope]

    def update(self, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "update"):
            return custom.update(self, kind, obj_id, body, before)
        method = kind.api.get("update_method", "PUT")
        path = f"{kind.path}/{obj_id}" if not kind.singleton else kind.path
        answer = self.http.json(method, path, json_body={kind.envelope: body})
        return answer[kind.envelope] if answer else {}

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

    def close(self) -> None:
        self.http.close()
