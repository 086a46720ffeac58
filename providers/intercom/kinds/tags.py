"""Tags (Block 4): the labels conversations, contacts and companies are tagged with.

+ name: natural key; Intercom matches tag names case-insensitively.
A tag is only its name. ``POST /tags {"name"}`` creates (or returns the existing tag of that
name); ``POST /tags {"id", "name"}`` renames, which the plan does for a tag pinned with
``match_id`` whose name changed. Deleting a tag a segment filters on is refused by Intercom
(``tag_has_dependent_objects``).
"""

from __future__ import annotations

from typing import Any

from providers.intercom.kinds._common import Strict
from provisioner.kind import Capabilities, Doc, Kind


class Tag(Strict):
    name: str


class TagOperations:
    """A rename is a POST naming the tag's id; there is no PUT on /tags."""

    def update(self, adapter: Any, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:
        if "name" not in body:
            return {}
        return adapter.http.json("POST", kind.path, json_body={"id": str(obj_id), "name": body["name"]}) or {}


TAGS = Kind(
    name="tags", block=4, natural_key="name", path="/tags", list_key="data", model=Tag,
    server_owned=frozenset({"id", "type", "applied_at", "applied_by"}),
    capabilities=Capabilities(),
    api={"paging": "none", "operations": TagOperations()},
    summary="Tags for conversations, contacts and companies.",
    example="tags:\n  - name: vip\n  - name: churn-risk\n",
)
