"""News items (Block 8): announcements in the Messenger's news feeds.

+ title: natural key. + body (HTML or plain text, compared like article bodies).
+ sender_id: the sending teammate's email. + state: draft or live.
+ labels (compared as a set: Intercom sorts them), reactions (emoji; ``[]`` turns them off;
  left out, the item keeps Intercom's four default reactions), deliver_silently.
+ newsfeed_assignments: ``[{newsfeed_id: <newsfeed name>}]``. Intercom stamps ``published_at``
  when an item goes live; it is the server's and not compared.
"""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from providers.intercom.html_body import canonical_html
from providers.intercom.kinds._common import Strict, as_int, refuse_duplicates
from provisioner.kind import Capabilities, Doc, Kind
from provisioner.references import Ref


DEFAULT_REACTIONS = [None, None, None, None]


class Assignment(Strict):
    newsfeed_id: str


class NewsItem(Strict):
    title: str
    body: str | None = None
    sender_id: str
    state: Literal["draft", "live"] | None = None
    labels: list[str] | None = None
    reactions: list[str | None] | None = None
    deliver_silently: bool | None = None
    newsfeed_assignments: list[Assignment] | None = None

    @field_validator("body")
    @classmethod
    def _canonical(cls, body: str | None) -> str | None:
        return None if body is None else canonical_html(body)

    @field_validator("labels")
    @classmethod
    def _distinct(cls, labels: list[str] | None) -> list[str] | None:
        refuse_duplicates(labels or [], lambda label: label, "label")
        return labels


def normalize(doc: Doc) -> Doc:
    doc["body"] = canonical_html(doc.get("body") or "")
    doc["labels"] = list(doc.get("labels") or [])
    if doc.get("reactions") == DEFAULT_REACTIONS:
        doc.pop("reactions")  # the four default slots: what an item has when the YAML says nothing
    doc["newsfeed_assignments"] = [{"newsfeed_id": a.get("newsfeed_id")} for a in doc.get("newsfeed_assignments") or []]
    return doc


def to_payload(doc: Doc) -> Doc:
    body = dict(doc)
    if "sender_id" in body:
        body["sender_id"] = as_int(body["sender_id"])
    if body.get("newsfeed_assignments") is not None:
        body["newsfeed_assignments"] = [{"newsfeed_id": as_int(a["newsfeed_id"])} for a in body["newsfeed_assignments"]]
    return body


NEWS_ITEMS = Kind(
    name="news_items", block=8, natural_key="title", path="/news/news_items", list_key="data",
    server_owned=frozenset({"id", "type", "workspace_id", "created_at", "updated_at", "cover_image_url"}),
    model=NewsItem, normalize=normalize, to_payload=to_payload, unordered=frozenset({"labels"}),
    references=(Ref("sender_id", "admins"), Ref("newsfeed_assignments[].newsfeed_id", "newsfeeds")),
    capabilities=Capabilities(),
    api={"paging": "pages"},
    summary="News items published to the Messenger's news feeds.",
    example=("news_items:\n  - title: Dark mode is here\n    sender_id: ada@example.com\n    state: live\n"
             "    labels: [Product]\n    body: <p>Switch it on in Settings.</p>\n"
             "    newsfeed_assignments:\n      - {newsfeed_id: Visitor Feed}\n"),
)
