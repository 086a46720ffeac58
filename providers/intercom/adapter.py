"""Intercom operations on any declared kind: lists in three paging styles, unwrapped CRUD, archive.

Everything a plain kind needs comes from its declaration (``Kind.path``, ``list_key`` and
``api``). ``api`` keys understood here:

+ paging: "none" (default), "pages" (page numbers) or "cursor" (``starting_after``); see ``paging``.
+ list_params: extra query parameters for the list (``include_archived=true``).
+ archive: "put" when the API has no DELETE and ``PUT {"archived": true}`` takes its place
  (data attributes, ticket types). Archived objects stay listed with ``archived: true``; one
  whose name an active object has taken since is history, not a second object, and is left out.
+ operations: an object with any of read/create/update/delete methods that replace the
  standard ones for a kind with quirks (nested sub-resources; a kind file defines it).

A change of the plan may take several requests here (a ticket type, then its attributes). The
engine settles a write that got no clear answer by looking the object up by natural key, which
cannot tell whether the nested writes landed; so those settle themselves: ``create_once``
looks the parent up, and ``until_settled`` repeats a nested sync, which reads the account
before writing and so never writes twice.

Intercom bodies have no wrapper key: a create answers the object itself.
"""

from __future__ import annotations

import threading
import typing
from typing import Any, Callable, TypeVar
from urllib.parse import urlsplit

from providers.common.http import JsonHttp
from providers.common.writes import plain_write
from providers.intercom.paging import read_list
from providers.intercom.read_cost import minimum_reads
from provisioner.errors import OutcomeUnknown
from provisioner.kind import Doc, Kind
from provisioner.live import strip

T = TypeVar("T")
SYNC_ATTEMPTS = 3


class IntercomAdapter:
    def __init__(self, http: JsonHttp) -> None:
        self.http = http
        self._account: str | None = None
        self._lock = threading.Lock()

    @property
    def account(self) -> str:
        """``host/workspace``: every US workspace shares api.intercom.io, so the host alone would
        let a plan made for one workspace be applied to another. Asked of ``/me`` once."""
        with self._lock:
            if self._account is None:
                me = self.http.json("GET", "/me") or {}
                workspace = (me.get("app") or {}).get("id_code") or "unknown-workspace"
                self._account = f"{urlsplit(self.http.base_url).netloc}/{workspace}"
            return self._account

    # -- reading ---------------------------------------------------------------------------
    def read(self, kind: Kind) -> list[Doc]:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "read"):
            return custom.read(self, kind)
        return self.list_all(kind)

    def list_all(self, kind: Kind) -> list[Doc]:
        items = read_list(self.http, kind.path, kind.api.get("paging", "none"), kind.list_key or "data",
                          kind.api.get("list_params"))
        return without_archived_twins(kind, items) if kind.api.get("archive") else items

    def minimum_reads(self, raw: dict[str, list[Doc]]) -> dict[str, int]:
        """The fewest requests the API allows for reading these objects, by kind (benchmarks)."""
        from providers.intercom.kinds import KINDS

        least = minimum_reads(raw, {kind.name: kind.api.get("paging", "none") for kind in KINDS})
        if self._account is not None:
            least["workspace (GET /me)"] = 1  # names the account a plan is bound to; asked once
        return least

    def find_by_key(self, kind: Kind, key: str) -> Doc | None:
        found = [raw for raw in self.read(kind) if kind.key_of(strip(kind, raw)) == key]
        active = [raw for raw in found if not raw.get("archived")]
        return (active or found or [None])[0]

    # -- writing ---------------------------------------------------------------------------
    def create(self, kind: Kind, body: Doc) -> Doc:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "create"):
            return custom.create(self, kind, body)
        archived = bool(body.pop("archived", False)) if kind.api.get("archive") else False
        answer = self.http.json("POST", kind.path, json_body=body)
        if archived:  # created to be kept archived: the create endpoints take no such flag
            answer = self.http.json("PUT", f"{kind.path}/{answer[kind.id_field]}", json_body={"archived": True})
        return answer

    def create_once(self, kind: Kind, body: Doc) -> Doc:
        """POST the object; when no clear answer comes, the one now holding its natural key."""
        try:
            return self.http.json("POST", kind.path, json_body=body)
        except OutcomeUnknown as unclear:
            if unclear.exhausted:
                raise
            found = self.find_by_key(kind, kind.key_of(body))
            if found is None:
                raise
            return found

    def until_settled(self, step: Callable[[], T]) -> T:
        """Run a read-then-write ``step`` again when one of its writes got no clear answer."""
        for attempt in range(1, SYNC_ATTEMPTS + 1):
            try:
                return step()
            except OutcomeUnknown as unclear:
                if unclear.exhausted or attempt == SYNC_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def update(self, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:
        body = cleared_text(kind, body)
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "update"):
            return custom.update(self, kind, obj_id, body, before)
        return self.http.json("PUT", f"{kind.path}/{obj_id}", json_body=body) or {}

    def delete(self, kind: Kind, obj_id: Any) -> None:
        custom = kind.api.get("operations")
        if custom is not None and hasattr(custom, "delete"):
            custom.delete(self, kind, obj_id)
        elif kind.api.get("archive") == "put":
            self.http.json("PUT", f"{kind.path}/{obj_id}", json_body={"archived": True})
        else:
            self.http.request("DELETE", f"{kind.path}/{obj_id}", ok_statuses=(404,))

    def reorder(self, kind: Kind, ids: list[Any]) -> None:
        raise NotImplementedError(f"Intercom has no reorder endpoint for {kind.name}")

    def parallel_writes(self, kind: Kind, action: str) -> bool:
        """Whether apply may send ``action`` on several objects of ``kind`` at once."""
        return plain_write(kind, action)

    def close(self) -> None:
        self.http.close()


def cleared_text(kind: Kind, body: Doc) -> Doc:
    """Intercom reads ``null`` as "not given" and keeps the old text, so a text field being
    cleared (a rollback removing a description an apply added) is sent as ``""``. References
    keep ``null``: for them it means "none" (an article with no collection)."""
    model = kind.model
    fields = getattr(model, "model_fields", {})
    references = {ref.path for ref in kind.references}
    texts = {name for name, info in fields.items() if name not in references and _is_text(info.annotation)}
    return {k: ("" if v is None and k in texts else v) for k, v in body.items()}


def _is_text(annotation: Any) -> bool:
    return annotation is str or str in typing.get_args(annotation)


def without_archived_twins(kind: Kind, items: list[Doc]) -> list[Doc]:
    """Archived objects whose natural key an active object holds are left out: Intercom keeps
    every archived ticket type, so archiving one and creating another of the same name must not
    read as two objects sharing a name."""
    active = {kind.key_of(strip(kind, raw)) for raw in items if not raw.get("archived")}
    return [raw for raw in items if not raw.get("archived") or kind.key_of(strip(kind, raw)) not in active]
