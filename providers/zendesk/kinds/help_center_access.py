"""Who may edit and who may read Help Center articles (Block 8, read-only here).

+ help_center_permission_groups: Guide permission groups (``name``), who may edit and publish;
  every article names one. "Admins" exists in every Help Center.
+ help_center_user_segments: user segments (``name``), who may read; an article names one or
  none (everyone). "Signed-in users" and "Agents and admins" exist in every Help Center.
The tool reads both so articles can name them; create and change them in Guide admin.
"""

from __future__ import annotations

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Capabilities, Doc, Kind

WHY = "managed in Guide admin (Settings → Permissions, User segments); the tool reads them so articles can name them"


class PermissionGroup(Strict):
    name: str


class UserSegment(Strict):
    name: str
    user_type: str | None = None


def _name_only(doc: Doc) -> Doc:
    return {"name": doc.get("name")}


def _segment(doc: Doc) -> Doc:
    return {"name": doc.get("name"), "user_type": doc.get("user_type")}


READ_ONLY = Capabilities(create=False, update=False, delete=False, why_not={"create": WHY, "update": WHY, "delete": WHY})

HELP_CENTER_PERMISSION_GROUPS = Kind(
    name="help_center_permission_groups", block=8, natural_key="name", path="/api/v2/guide/permission_groups",
    list_key="permission_groups", model=PermissionGroup, normalize=_name_only, builtin=frozenset({"Admins"}),
    is_system=lambda raw: bool(raw.get("built_in")), capabilities=READ_ONLY, api={"paging": "none"},
    summary="Guide permission groups (read-only): articles name who may edit them.",
    example="help_center_permission_groups:\n  - name: Admins\n",
)

HELP_CENTER_USER_SEGMENTS = Kind(
    name="help_center_user_segments", block=8, natural_key="name", path="/api/v2/help_center/user_segments",
    list_key="user_segments", model=UserSegment, normalize=_segment,
    builtin=frozenset({"Signed-in users", "Agents and admins"}), is_system=lambda raw: bool(raw.get("built_in")),
    capabilities=READ_ONLY, api={"paging": "none"},
    summary="Help Center user segments (read-only): articles name who may read them.",
    example="help_center_user_segments:\n  - name: Signed-in users\n",
)
