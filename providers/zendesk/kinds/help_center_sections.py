"""Help Center sections (Block 8): groups of articles inside a category, possibly nested.

+ name: natural key (in the source locale); keep section names distinct across categories.
+ category_id: the category, by name; changing it moves the section (and its articles).
+ parent_section_id: the parent section, by name, for a subsection (same category).
+ description, position, sorting (manual, title, creation_desc, creation_asc).
+ locale: the source locale (``en-us`` when left out). Immutable.
+ translations: ``[{locale, name, description}]``, as for categories.
Deleting a section deletes its subsections and articles.
"""

from __future__ import annotations

from typing import Any, Literal

from providers.zendesk.kinds._help_center import (HC, TranslatedObject, other_translations, read_with_translations,
                                                 sync_translations)
from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Doc, Kind
from provisioner.references import Ref

TEXT = {"title": "name", "body": "description"}
METADATA = ("position", "sorting", "category_id", "parent_section_id")


class SectionText(Strict):
    locale: str
    name: str
    description: str | None = None


class HelpCenterSection(TranslatedObject):
    name: str
    category_id: str
    parent_section_id: str | None = None
    description: str | None = None
    locale: str | None = None
    position: int | None = None
    sorting: Literal["manual", "title", "creation_desc", "creation_asc"] | None = None
    translations: list[SectionText] | None = None


def normalize(doc: Doc) -> Doc:
    return {"name": doc.get("name"), "category_id": doc.get("category_id"),
            "parent_section_id": doc.get("parent_section_id"), "description": doc.get("description"),
            "locale": doc.get("source_locale"), "position": doc.get("position"), "sorting": doc.get("sorting"),
            "translations": other_translations(doc, TEXT)}


def _wire(text: Doc) -> Doc:
    return {"title": text["name"], "body": text.get("description") or ""}


class SectionOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[Doc]:  # type: ignore[no-untyped-def]
        return read_with_translations(adapter, f"{HC}/sections", "sections")

    @staticmethod
    def create(adapter, kind: Kind, body: Doc) -> Doc:  # type: ignore[no-untyped-def]
        fields = {k: body[k] for k in ("name", "description", "locale", "position", "sorting", "parent_section_id")
                  if body.get(k) is not None}
        path = f"{HC}/categories/{body['category_id']}/sections"
        section = adapter.http.json("POST", path, json_body={"section": fields})["section"]
        if body.get("translations"):
            sync_translations(adapter, "sections", section["id"], body["locale"], None, body["translations"], _wire)
        return section

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:  # type: ignore[no-untyped-def]
        metadata = {k: body[k] for k in METADATA if k in body}
        if metadata:
            adapter.http.json("PUT", f"{HC}/sections/{obj_id}", json_body={"section": metadata})
        source = {wire: body[name] or "" for wire, name in TEXT.items() if name in body}
        if source or "translations" in body:
            sync_translations(adapter, "sections", obj_id, before["locale"], source, body.get("translations"), _wire)
        return {}


HELP_CENTER_SECTIONS = Kind(
    name="help_center_sections", block=8, natural_key="name", path=f"{HC}/sections", envelope="section",
    list_key="sections", immutable=frozenset({"locale"}), model=HelpCenterSection, normalize=normalize,
    references=(Ref("category_id", "help_center_categories"), Ref("parent_section_id", "help_center_sections")),
    defaults={"parent_section_id": None},
    api={"operations": SectionOperations},
    summary="Help Center sections (and subsections) inside categories.",
    example="help_center_sections:\n  - name: Invoices\n    category_id: Billing\n",
)
