"""Solution folders (Block 8): sections of a category, nested through subfolders.

+ name: natural key. Freshdesk keeps names unique only among siblings; the YAML needs them
  unique across the knowledge base (or a ``match_id`` pin) to tell folders apart.
+ category_id: the category by name (top-level folders); parent_folder_id: the parent folder by
  name (subfolders; the category follows the parent). Neither can change: the API cannot move a
  folder, and recreating one deletes its articles, so a move is refused unless replace is
  allowed. A subfolder may be listed before its parent; the parent is created first.
+ visibility: all_users, logged_in_users, agents, selected_companies (with company_ids) or bots;
  a subfolder inherits its parent's when left out.
+ description.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import model_validator

from providers.common.fan_out import fan_out
from providers.freshdesk.kinds._common import Strict, Words, pick
from provisioner.kind import Kind
from provisioner.references import Ref

CATEGORIES_PATH = "/api/v2/solutions/categories"
FOLDERS_PATH = "/api/v2/solutions/folders"
VISIBILITY = Words({1: "all_users", 2: "logged_in_users", 3: "agents", 4: "selected_companies", 5: "bots"})
PLACEMENT = ("category_id", "parent_folder_id")


class SolutionFolder(Strict):
    name: str
    category_id: str | None = None
    parent_folder_id: str | None = None
    description: str | None = None
    visibility: Literal["all_users", "logged_in_users", "agents", "selected_companies", "bots"] | None = None
    company_ids: list[int] | None = None

    @model_validator(mode="after")
    def _placed(self) -> "SolutionFolder":
        if self.category_id is None and self.parent_folder_id is None:
            raise ValueError("give category_id (a top-level folder) or parent_folder_id (a subfolder)")
        return self


def normalize(doc: dict[str, Any]) -> dict[str, Any]:
    doc = pick(doc, ("name", "category_id", "parent_folder_id", "description", "visibility", "company_ids"))
    if not doc.get("company_ids"):
        doc.pop("company_ids", None)
    if doc.get("parent_folder_id") is None:
        doc.pop("parent_folder_id", None)
    return VISIBILITY.to_words(doc, "visibility")


def to_payload(doc: dict[str, Any]) -> dict[str, Any]:
    return VISIBILITY.to_numbers(dict(doc), "visibility")


def read_folders(adapter) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Every folder of every category, parents before their subfolders: one level of the tree
    at a time, each level's lists fetched side by side. Solution folders and articles both call
    this within one read; the adapter's read session makes the requests once."""
    categories = adapter.list_all(CATEGORIES_PATH)
    level = [folder for folders in fan_out(lambda c: adapter.list_all(f"{CATEGORIES_PATH}/{c['id']}/folders"), categories)
             for folder in folders]
    found: list[dict[str, Any]] = []
    while level:
        found += level
        parents = [folder for folder in level if folder.get("sub_folders_count", 1)]
        level = [sub for subs in fan_out(lambda f: adapter.list_all(f"{FOLDERS_PATH}/{f['id']}/subfolders"), parents)
                 for sub in subs]
    return found


class FolderOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
        return read_folders(adapter)

    @staticmethod
    def create(adapter, kind: Kind, body: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        fields = {k: v for k, v in body.items() if k not in PLACEMENT}
        if body.get("parent_folder_id") is not None:
            return adapter.http.json("POST", f"{FOLDERS_PATH}/{body['parent_folder_id']}/subfolders", json_body=fields)
        return adapter.http.json("POST", f"{CATEGORIES_PATH}/{body['category_id']}/folders", json_body=fields)

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        fields = {k: v for k, v in body.items() if k not in PLACEMENT}
        return adapter.http.json("PUT", f"{FOLDERS_PATH}/{obj_id}", json_body=fields)


SOLUTION_FOLDERS = Kind(
    name="solution_folders", block=8, natural_key="name", path=FOLDERS_PATH,
    server_owned=frozenset({"id", "created_at", "updated_at", "hierarchy", "articles_count", "sub_folders_count"}),
    immutable=frozenset(PLACEMENT), model=SolutionFolder, normalize=normalize, to_payload=to_payload,
    references=(Ref("category_id", "solution_categories"), Ref("parent_folder_id", "solution_folders")),
    api={"operations": FolderOperations},
    summary="Knowledge base folders and subfolders.",
    example=("solution_folders:\n  - name: Installation\n    category_id: Getting started\n    visibility: all_users\n"
             "  - name: Windows\n    parent_folder_id: Installation\n"),
)
