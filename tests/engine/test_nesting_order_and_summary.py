"""Objects nesting through a reference to their own kind are created parents first; deletes the
API performs another way are counted under that verb."""

from __future__ import annotations

from provisioner.kind import Kind
from provisioner.plan.dependencies import referenced_first
from provisioner.plan.model import Change, Plan
from provisioner.provider import Provider
from provisioner.references import Ref
from provisioner.render.plan_text import summary_line

FOLDERS = Kind(name="folders", block=8, natural_key="name", path="/folders", references=(Ref("parent_id", "folders"),))
TAGS = Kind(name="tags", block=8, natural_key="name", path="/tags")
PROVIDER = Provider(name="test", kinds=(FOLDERS, TAGS), connect=lambda env, t: None,  # type: ignore[arg-type,return-value]
                    make_emulator=lambda *a, **k: None, emulator_env={})  # type: ignore[arg-type,return-value]


def change(action: str, kind: str, key: str, parent: str | None = None) -> Change:
    after = None if action == "delete" else {"name": key, **({"parent_id": parent} if parent else {})}
    return Change(action=action, kind=kind, key=key, block=8, after=after, id=None if action == "create" else 1)


def keys(changes: list[Change]) -> list[str]:
    return [c.key for c in changes]


def test_a_child_listed_before_its_new_parent_is_created_after_it() -> None:
    changes = [change("create", "folders", "Install", "Start"), change("create", "folders", "Deep", "Install"),
               change("create", "folders", "Start"), change("create", "tags", "x")]
    assert keys(referenced_first(PROVIDER, changes)) == ["Start", "Install", "Deep", "x"]


def test_an_update_moving_an_object_under_a_new_parent_waits_for_it() -> None:
    changes = [change("update", "folders", "Old", "New"), change("create", "folders", "Other"),
               change("create", "folders", "New"), change("delete", "folders", "Gone")]
    assert keys(referenced_first(PROVIDER, changes)) == ["New", "Old", "Other", "Gone"]


def test_summary_counts_deletes_the_api_performs_another_way_under_that_verb() -> None:
    archive = change("delete", "folders", "a").model_copy(update={"note": "archive"})
    plan = Plan(tool_version="0", provider="test", account="acct", desired_digest="d",
                changes=[archive, change("delete", "tags", "b"), change("create", "tags", "c")])
    assert summary_line(plan) == "Plan: 1 to create, 0 to update, 1 to delete, 1 to archive, 0 to replace, 0 to reorder."
