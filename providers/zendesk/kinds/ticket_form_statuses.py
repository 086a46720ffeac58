"""Which custom statuses a ticket form offers (Block 4), one object per form.

+ ticket_form: natural key, the form's name.
+ custom_statuses: the statuses' agent labels, the complete set (any order). A form without
  this object offers every active status; declaring one limits the form to those listed.
Zendesk stores one association per form and status (``ticket_form_statuses``, string ids); the
operations below add and remove exactly the differences in one bulk call per form.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Doc, Kind
from provisioner.references import Ref

PATH = "/api/v2/ticket_form_statuses"


class TicketFormStatuses(Strict):
    ticket_form: str
    custom_statuses: list[str] = Field(min_length=1)


def normalize(doc: Doc) -> Doc:
    return {"ticket_form": doc.get("ticket_form"), "custom_statuses": list(doc.get("custom_status_ids") or [])}


def _form_path(form_id: Any) -> str:
    return f"/api/v2/ticket_forms/{form_id}/ticket_form_statuses"


class FormStatusOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[Doc]:  # type: ignore[no-untyped-def]
        forms = {f["id"]: f["name"] for f in adapter.list_all("/api/v2/ticket_forms", "ticket_forms")}
        body = adapter.http.json("GET", PATH) or {}
        by_form: dict[Any, Doc] = {}
        for link in body.get("ticket_form_statuses", []):
            if link["ticket_form_id"] not in forms:
                continue
            entry = by_form.setdefault(link["ticket_form_id"], {
                "id": link["ticket_form_id"], "ticket_form": forms[link["ticket_form_id"]],
                "custom_status_ids": [], "link_ids": {}})
            entry["custom_status_ids"].append(link["custom_status_id"])
            entry["link_ids"][str(link["custom_status_id"])] = link["id"]
        return list(by_form.values())

    @staticmethod
    def create(adapter, kind: Kind, body: Doc) -> Doc:  # type: ignore[no-untyped-def]
        entries = [{"custom_status_id": s} for s in body["custom_statuses"]]
        adapter.http.json("POST", _form_path(body["ticket_form"]), json_body={"ticket_form_status": entries})
        return {"id": body["ticket_form"]}

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:  # type: ignore[no-untyped-def]
        current = _links(adapter, obj_id)
        wanted = [s for s in body.get("custom_statuses") or []]
        entries = [{"id": link_id, "_destroy": "1"} for status, link_id in current.items()
                   if status not in {str(s) for s in wanted}]
        entries += [{"custom_status_id": s} for s in wanted if str(s) not in current]
        if entries:
            adapter.http.json("PUT", _form_path(obj_id), json_body={"ticket_form_status": entries})
        return {}

    @staticmethod
    def delete(adapter, kind: Kind, obj_id: Any) -> None:  # type: ignore[no-untyped-def]
        ids = list(_links(adapter, obj_id).values())
        if ids:
            adapter.http.request("DELETE", _form_path(obj_id), json_body={"id": ids}, ok_statuses=(404,))


def _links(adapter, form_id: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """status id (as text) -> association id, for one form."""
    body = adapter.http.json("GET", _form_path(form_id)) or {}
    return {str(link["custom_status_id"]): link["id"] for link in body.get("ticket_form_statuses", [])}


TICKET_FORM_STATUSES = Kind(
    name="ticket_form_statuses", block=4, natural_key="ticket_form", path=PATH,
    server_owned=frozenset({"id", "link_ids"}),
    references=(Ref("ticket_form", "ticket_forms"), Ref("custom_statuses", "custom_statuses")),
    unordered=frozenset({"custom_statuses"}), model=TicketFormStatuses, normalize=normalize,
    api={"operations": FormStatusOperations},
    summary="The custom statuses each ticket form offers.",
    example="ticket_form_statuses:\n  - ticket_form: Billing request\n    custom_statuses: [Open, Waiting on billing, Solved]\n",
)
