"""Canned response folders (Block 6): how agents find prepared replies.

+ name: natural key (Freshdesk allows duplicates; pin one with ``match_id`` if you have them).
The "General" folder and each agent's "Personal" folder exist in every account: responses may
name them without declaring them, and they are never listed as unmanaged. The API has **no
delete** for folders: a folder the YAML drops stays in the account, and a plan that prunes says
so (delete it in Admin → Canned Responses). Folders are created on the plural path; the
documented singular ``/canned_response_folder`` answers 404 on a live account.
"""

from __future__ import annotations

from typing import Any

from providers.freshdesk.kinds._common import Strict
from provisioner.kind import Capabilities, Kind

BUILT_IN_FOLDERS = frozenset({"General", "Personal"})


class CannedResponseFolder(Strict):
    name: str


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    return {"name": doc.get("name")}


CANNED_RESPONSE_FOLDERS = Kind(
    name="canned_response_folders", block=6, natural_key="name", path="/api/v2/canned_response_folders",
    server_owned=frozenset({"id", "created_at", "updated_at", "personal", "responses_count", "canned_responses"}),
    builtin=BUILT_IN_FOLDERS, model=CannedResponseFolder, normalize=normalize,
    is_system=lambda raw: bool(raw.get("personal")) or raw.get("name") == "General",
    capabilities=Capabilities(delete=False, why_not={
        "delete": "the Freshdesk API cannot delete canned response folders; delete them in Admin → Canned Responses"}),
    summary="Canned response folders (no delete in the API).",
    example="canned_response_folders:\n  - name: Billing replies\n",
)
