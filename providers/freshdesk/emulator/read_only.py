"""Read-only kinds: roles and business hours (list and view only).

The API has no role CRUD and cannot provision business hours (research note 1.5), so any write
on these paths answers 405 from the app's method check. Business hour ids are **JSON strings** on
a live account while every other id is a number; the seeded records keep them as strings.
Business hour names are not unique (the doc example has two calendars called "Default").
"""

from __future__ import annotations

from typing import Any

from providers.common.emulation import Router
from providers.freshdesk.emulator.context import RequestContext, ok, parse_id
from providers.freshdesk.emulator.paging import paged
from providers.freshdesk.emulator.records import by_id, find, public


def list_roles(ctx: RequestContext):
    return paged(ctx, [public(r) for r in by_id(ctx.store["roles"].values())])


def view_role(ctx: RequestContext, role_id: str):
    return ok(public(find(ctx.store, "roles", parse_id(role_id))))


def list_business_hours(ctx: RequestContext):
    return paged(ctx, [public(b) for b in by_id(ctx.store["business_hours"].values())])


def view_business_hour(ctx: RequestContext, business_hour_id: str):
    return ok(public(find(ctx.store, "business_hours", parse_id(business_hour_id))))


def register(router: Router, emulator: Any) -> None:
    router.add("GET", "/api/v2/roles", list_roles)
    router.add("GET", "/api/v2/roles/{role_id}", view_role)
    router.add("GET", "/api/v2/business_hours", list_business_hours)
    router.add("GET", "/api/v2/business_hours/{business_hour_id}", view_business_hour)
