"""Newsfeeds (Block 8, read-only): the feeds news items are published to.

+ name: natural key. Feeds are set up in the Intercom UI; the API only lists them, so news items
  name them and the YAML declares the ones it names (a missing one is a plan error).
"""

from __future__ import annotations

from providers.intercom.kinds._common import Strict
from provisioner.kind import Capabilities, Kind

UI_ONLY = "newsfeeds are created and edited in the Intercom UI; the API only lists them"


class Newsfeed(Strict):
    name: str


NEWSFEEDS = Kind(
    name="newsfeeds", block=8, natural_key="name", path="/news/newsfeeds", list_key="data", model=Newsfeed,
    server_owned=frozenset({"id", "type", "created_at", "updated_at"}),
    capabilities=Capabilities(create=False, update=False, delete=False,
                              why_not={"create": UI_ONLY, "update": UI_ONLY, "delete": UI_ONLY}),
    api={"paging": "pages"},
    summary="News feeds (read-only): declared so that news items can name them.",
    example="newsfeeds:\n  - name: Visitor Feed\n",
)
