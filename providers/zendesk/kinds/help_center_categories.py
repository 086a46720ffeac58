"""Help Center categories (Block 8): the top level of the knowledge base.

+ name: natural key (in the source locale). + description.
+ locale: the source locale (``en-us`` when left out). Immutable.
+ position: the place among categories (lower first).
+ translations: ``[{locale: es, name, description}]`` for the other locales the Help Center
  offers; the complete set when given (locales not listed are deleted), left alone when left out.
The Help Center is the one of the brand whose host the tool connects to (ZENDESK_SUBDOMAIN or
ZENDESK_URL); manage another brand's Help Center with a desired state and environment of its
own pointing at that brand's host. Deleting a category deletes its sections and articles.
"""

from __future__ import annotations

from typing import Any

from providers.zendesk.kinds._help_center import (HC, TranslatedObject, other_translations, read_with_translations,
                                                 sync_translations)
from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Doc, Kind

TEXT = {"title": "name", "body": "description"}


class CategoryText(Strict):
    locale: str
    name: str
    description: str | None = None


class HelpCenterCategory(TranslatedObject):
    name: str
    description: str | None = None
    locale: str | None = None
    position: int | None = None
    translations: list[CategoryText] | None = None


def normalize(doc: Doc) -> Doc:
    return {"name": doc.get("name"), "description": doc.get("description"), "locale": doc.get("source_locale"),
            "position": doc.get("position"), "translations": other_translations(doc, TEXT)}


def _wire(text: Doc) -> Doc:
    return {"title": text["name"], "body": text.get("description") or ""}


class CategoryOperations:
    @staticmethod
    def read(adapter, kind: Kind) -> list[Doc]:  # type: ignore[no-untyped-def]
        return read_with_translations(adapter, f"{HC}/categories", "categories")

    @staticmethod
    def create(adapter, kind: Kind, body: Doc) -> Doc:  # type: ignore[no-untyped-def]
        fields = {k: body[k] for k in ("name", "description", "locale", "position") if body.get(k) is not None}
        category = adapter.http.json("POST", f"{HC}/categories", json_body={"category": fields})["category"]
        if body.get("translations"):
            sync_translations(adapter, "categories", category["id"], body["locale"], None, body["translations"], _wire)
        return category

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc:  # type: ignore[no-untyped-def]
        if "position" in body:
            adapter.http.json("PUT", f"{HC}/categories/{obj_id}", json_body={"category": {"position": body["position"]}})
        source = {wire: body[name] or "" for wire, name in TEXT.items() if name in body}
        if source or "translations" in body:
            sync_translations(adapter, "categories", obj_id, before["locale"], source, body.get("translations"), _wire)
        return {}


HELP_CENTER_CATEGORIES = Kind(
    name="help_center_categories", block=8, natural_key="name", path=f"{HC}/categories", envelope="category",
    list_key="categories", immutable=frozenset({"locale"}), model=HelpCenterCategory, normalize=normalize,
    api={"operations": CategoryOperations},
    summary="Help Center categories, with their translations.",
    example=("help_center_categories:\n  - name: Billing\n    description: Invoices, payments and refunds\n"
             "    translations:\n      - {locale: es, name: Facturación}\n"),
)
