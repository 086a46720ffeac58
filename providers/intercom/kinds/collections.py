"""Help Center collections (Block 8), and sections: a section is a collection with a parent.

+ name: natural key. + description.
+ parent_id: the parent collection's *name* (top level when left out: an object moved into
  another collection in the UI shows as drift). Parents are created before their children.
+ translated_content: ``{<locale>: {name, description}}`` for the help center's other locales
  (the default locale's content is ``name`` and ``description`` themselves). A single-language
  help center ignores translations.
Collections go to the workspace's default help center. Deleting a collection deletes the
collections nested in it; its articles become standalone.
"""

from __future__ import annotations

from typing import Any

from providers.intercom.kinds._common import Strict, other_translations
from provisioner.kind import Capabilities, Doc, Kind
from provisioner.references import Ref


class CollectionContent(Strict):
    name: str | None = None
    description: str | None = None


class Collection(Strict):
    name: str
    description: str | None = None
    parent_id: str | None = None
    translated_content: dict[str, CollectionContent] | None = None


def normalize(doc: Doc) -> Doc:
    other_translations(doc, lambda content: {k: v for k, v in content.items() if k in ("name", "description")})
    return doc


def parents_first(items: list[Doc]) -> list[Doc]:
    """Collections ordered so that every parent comes before its children (then by id), which
    is also the order ``export`` writes them in and apply creates them in."""
    by_id = {str(c["id"]): c for c in items}

    def depth(collection: Doc) -> int:
        level, seen, parent = 0, set(), collection.get("parent_id")
        while parent is not None and str(parent) in by_id and str(parent) not in seen:
            seen.add(str(parent))
            level += 1
            parent = by_id[str(parent)].get("parent_id")
        return level

    return sorted(items, key=lambda c: (depth(c), int(c["id"]) if str(c["id"]).isdigit() else 0, str(c["id"])))


class CollectionOperations:
    def read(self, adapter: Any, kind: Kind) -> list[Doc]:
        return parents_first(adapter.list_all(kind))


COLLECTIONS = Kind(
    name="collections", block=8, natural_key="name", path="/help_center/collections", list_key="data",
    server_owned=frozenset({"id", "type", "workspace_id", "url", "order", "created_at", "updated_at", "icon",
                            "help_center_id"}),
    model=Collection, normalize=normalize, defaults={"parent_id": None},
    references=(Ref("parent_id", "collections"),),
    capabilities=Capabilities(),
    api={"paging": "pages", "operations": CollectionOperations()},
    summary="Help Center collections; sections are collections nested with parent_id.",
    example=("collections:\n  - name: Getting started\n    description: First steps\n"
             "  - name: Installing the app\n    parent_id: Getting started\n"),
)
