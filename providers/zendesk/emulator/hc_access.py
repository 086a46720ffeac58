"""Who may edit and who may read Help Center articles: Guide permission groups
(``/guide/permission_groups``) and user segments (``/help_center/user_segments``).

Every Help Center starts with the built-in "Admins" permission group and the built-in
"Signed-in users" and "Agents and admins" segments; articles must name an existing permission
group and either no segment (``null`` = everyone) or existing ones. Both lists are read-only
here: a provisioner references them, it does not manage them.
"""

from __future__ import annotations

from providers.common.emulation import Router, Store, json_response
from providers.zendesk.emulator.context import RequestContext
from providers.zendesk.emulator.records import new_id, stamp_created

BUILT_IN_SEGMENTS = (("Signed-in users", "signed_in_users"), ("Agents and admins", "staff"))


def seed_access(store: Store) -> None:
    group = {"id": new_id(store, "hc_permission_groups"), "name": "Admins", "built_in": True,
             "edit": [], "publish": []}
    store["hc_permission_groups"].put(stamp_created(group))
    for name, user_type in BUILT_IN_SEGMENTS:
        segment = {"id": new_id(store, "hc_user_segments"), "name": name, "user_type": user_type,
                   "built_in": True, "tags": [], "or_tags": [], "group_ids": [], "organization_ids": [],
                   "added_user_ids": []}
        store["hc_user_segments"].put(stamp_created(segment))


def list_permission_groups(ctx: RequestContext):
    groups = sorted(ctx.store["hc_permission_groups"].values(), key=lambda g: g["id"])
    return json_response(200, {"permission_groups": groups, "next_page": None, "previous_page": None,
                               "count": len(groups)})


def list_user_segments(ctx: RequestContext):
    segments = sorted(ctx.store["hc_user_segments"].values(), key=lambda s: s["id"])
    built_in = ctx.query_bool("built_in")
    if built_in is not None:
        segments = [s for s in segments if s["built_in"] == built_in]
    return json_response(200, {"user_segments": segments})


def register(router: Router) -> None:
    router.add("GET", "/api/v2/guide/permission_groups", list_permission_groups)
    router.add("GET", "/api/v2/help_center/user_segments", list_user_segments)
