"""Read-only kinds: teams, admins, /me, macros (cursor paging, placeholders, visibility), help centers."""

from __future__ import annotations

import base64
import json

import pytest

from intercom_emu_support import OWNER_ID, error_codes, ok


def test_teams_and_admins_are_seeded_with_cross_references(client):
    teams = ok(client.get("/teams"))
    admins = ok(client.get("/admins"))
    assert teams["type"] == "team.list" and admins["type"] == "admin.list"
    assert all(a["email"] and "@" in a["email"] for a in admins["admins"])
    admin_ids = {int(a["id"]) for a in admins["admins"]}
    for team in teams["teams"]:
        assert set(team["admin_ids"]) <= admin_ids
        for admin_id in team["admin_ids"]:
            assert int(team["id"]) in ok(client.get(f"/admins/{admin_id}"))["team_ids"]


def test_me_is_the_token_owner(client):
    me = ok(client.get("/me"))
    assert int(me["id"]) == OWNER_ID and me["app"]["id_code"] == "emu0wksp"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_teams_admins_and_macros_cannot_be_written(client, method):
    for path in ("/teams", "/admins", "/macros", "/teams/991267901", "/admins/991267401", "/macros/201"):
        assert client.request(method, path, json=None).status_code == 404


def test_unknown_team_and_admin_codes(client):
    assert error_codes(client.get("/teams/1")) == ["team_not_found"]
    assert error_codes(client.get("/admins/1")) == ["admin_not_found"]


def test_display_avatar_adds_the_avatar(client):
    with_avatar = ok(client.get("/admins", params={"display_avatar": "true"}))["admins"]
    assert all(a["avatar"].startswith("https://") for a in with_avatar)
    assert all("avatar" not in a for a in ok(client.get("/admins"))["admins"])


def test_macro_placeholders_are_rewritten_in_body_and_kept_in_body_text(emulator, client):
    macro = emulator.ui.add_macro("Greeting", "<p>Hi {{user.name | fallback: 'there & welcome'}}, I'm {{teammate.name}}.</p>")
    fetched = ok(client.get(f"/macros/{macro['id']}"))
    assert fetched["body"] == ('<p>Hi <attribute key="user.name" default="there &amp; welcome"/>, '
                               'I\'m <attribute key="teammate.name"/>.</p>')
    assert fetched["body_text"] == 'Hi {{user.name|fallback:"there & welcome"}}, I\'m {{teammate.name}}.'
    assert fetched["created_at"].endswith(".000Z")


def test_macros_page_by_cursor_newest_first(emulator, client, clock):
    for index in range(5):
        emulator.ui.add_macro(f"M{index}", "<p>x</p>", updated_at=int(clock.now) + index)
    names, cursor, pages = [], None, 0
    while True:
        params = {"per_page": 3, **({"starting_after": cursor} if cursor else {})}
        page = ok(client.get("/macros", params=params))
        pages += 1
        assert page["pages"]["type"] == "pages" and page["pages"]["per_page"] == 3
        names += [m["name"] for m in page["data"]]
        if page["pages"]["next"] is None:
            break
        cursor = page["pages"]["next"]["starting_after"]
    assert names[:5] == ["M4", "M3", "M2", "M1", "M0"]
    assert len(names) == 8 and pages == 3  # plus the three seeded macros, older
    updated_at, macro_id = json.loads(base64.b64decode(
        ok(client.get("/macros", params={"per_page": 1}))["pages"]["next"]["starting_after"]))
    assert isinstance(updated_at, float) and macro_id.isdigit()


def test_macro_updated_since_filter_and_its_validation(emulator, client, clock):
    emulator.ui.add_macro("Fresh", "<p>x</p>", updated_at=int(clock.now) + 100)
    fresh = ok(client.get("/macros", params={"updated_since": int(clock.now) + 50}))
    assert [m["name"] for m in fresh["data"]] == ["Fresh"]
    bad = client.get("/macros", params={"updated_since": "yesterday"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["message"] == "Invalid updated_since timestamp"


@pytest.mark.parametrize("params", [{"per_page": 0}, {"per_page": 151}, {"starting_after": "not-a-cursor"}])
def test_macro_paging_parameters_are_validated(client, params):
    assert client.get("/macros", params=params).status_code == 400


def test_macro_limited_to_other_teams_is_hidden_from_the_token_owner(client):
    listed = ok(client.get("/macros"))["data"]
    billing_only = [m for m in listed if m["visible_to"] == "specific_teams"]
    assert billing_only, "the seed has a macro limited to the Billing team"
    response = client.get(f"/macros/{billing_only[0]['id']}")
    assert response.status_code == 404
    assert response.json()["errors"][0] == {"code": "not_found", "message": "Macro not found"}
    everyone = [m for m in listed if m["visible_to"] == "everyone"][0]
    assert ok(client.get(f"/macros/{everyone['id']}"))["name"] == everyone["name"]


def test_help_center_is_seeded_and_read_only(client):
    centers = ok(client.get("/help_center/help_centers"))["data"]
    assert [c["default"] for c in centers] == [True]
    assert ok(client.get(f"/help_center/help_centers/{centers[0]['id']}"))["locales"] == ["en", "fr", "de"]
    assert client.get("/help_center/help_centers/1").status_code == 404
