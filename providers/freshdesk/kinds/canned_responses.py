"""Canned responses (Block 6): prepared replies agents insert into tickets.

+ title: natural key. + folder_id: the folder by name ("General" and "Personal" always exist).
+ content_html: the reply (placeholders such as ``{{ticket.requester.name}}`` stay as written).
  The server rewrites HTML (bare text comes back inside a ``<div>``); both sides are compared
  in that stored form, so the rewrite is never drift.
+ visibility: all_agents, personal (the API key's owner only) or groups, with
  group_ids: [group names] for groups.
There is no list endpoint (responses are read folder by folder) and **no delete**: a response
the YAML drops stays in the account, and a plan that prunes says so.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import field_validator

from providers.common.fan_out import fan_out
from providers.freshdesk.kinds._common import Strict, Words, canonical_html, pick
from provisioner.kind import Capabilities, Kind
from provisioner.references import Ref

FOLDERS_PATH = "/api/v2/canned_response_folders"
VISIBILITY = Words({0: "all_agents", 1: "personal", 2: "groups"})


class CannedResponse(Strict):
    title: str
    folder_id: str
    content_html: str
    visibility: Literal["all_agents", "personal", "groups"]
    group_ids: list[str] | None = None

    @field_validator("content_html")
    @classmethod
    def _stored_form(cls, value: str) -> str:
        return canonical_html(value)


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    doc = pick(doc, ("title", "folder_id", "content_html", "visibility", "group_ids"))
    doc["content_html"] = canonical_html(doc.get("content_html"))
    if doc.get("visibility") != 2:
        doc.pop("group_ids", None)
    return VISIBILITY.to_words(doc, "visibility")


def to_payload(doc: dict[str, Any]) -> dict[str, Any]:
    return VISIBILITY.to_numbers(dict(doc), "visibility")


class CannedResponseOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
        folders = [folder for folder in adapter.list_all(FOLDERS_PATH) if folder.get("responses_count", 1)]
        lists = fan_out(lambda folder: adapter.list_all(f"{FOLDERS_PATH}/{folder['id']}/responses"), folders)
        return [response for responses in lists for response in responses]


CANNED_RESPONSES = Kind(
    name="canned_responses", block=6, natural_key="title", path="/api/v2/canned_responses",
    server_owned=frozenset({"id", "created_at", "updated_at", "content", "attachments"}),
    references=(Ref("folder_id", "canned_response_folders"), Ref("group_ids", "groups")),
    unordered=frozenset({"group_ids"}), model=CannedResponse, normalize=normalize, to_payload=to_payload,
    capabilities=Capabilities(delete=False, why_not={
        "delete": "the Freshdesk API cannot delete canned responses; delete them in Admin → Canned Responses"}),
    api={"operations": CannedResponseOperations},
    summary="Canned responses in folders, by title (no delete in the API).",
    example=("canned_responses:\n  - title: Refund issued\n    folder_id: Billing replies\n    visibility: all_agents\n"
             "    content_html: <p>Hi {{ticket.requester.name}}, your refund is on its way.</p>\n"),
)
