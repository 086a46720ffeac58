"""What user fields and organization fields share: the same shape, rules and reorder endpoint.

+ key: natural key and immutable: placeholders (``{{ticket.requester.custom_fields.plan}}``),
  rules (``requester.custom_fields.plan``) and integrations name the field by it.
+ type: text, textarea, checkbox, date, integer, decimal, regexp, dropdown, lookup, multiselect.
  Immutable: changing it is refused unless replacing is allowed, because recreating a field
  destroys its values on every user or organization.
+ title, description, active, regexp_for_validation, tag (checkbox: the tag it adds).
+ custom_field_options (dropdown, multiselect): ``[{name, value}]``, the complete list in
  display order; ``value`` is the tag and is unique among the fields of the kind.
The YAML order is the display order, set through the kind's reorder endpoint.
"""

from __future__ import annotations

from typing import Any, Literal

from providers.zendesk.kinds._rules import Strict
from provisioner.kind import Capabilities, Doc, Kind

FieldType = Literal["text", "textarea", "checkbox", "date", "integer", "decimal", "regexp", "dropdown", "lookup",
                    "multiselect"]


class Option(Strict):
    name: str
    value: str


class CustomerField(Strict):
    key: str
    title: str
    type: FieldType
    description: str | None = None
    active: bool | None = None
    regexp_for_validation: str | None = None
    tag: str | None = None
    custom_field_options: list[Option] | None = None


def normalize(doc: Doc) -> Doc:
    """Options compare by name (the raw one, with any placeholder) and value only."""
    options = doc.get("custom_field_options")
    if options:
        doc["custom_field_options"] = [{"name": o.get("raw_name", o.get("name")), "value": o.get("value")}
                                       for o in options]
    return doc


def customer_fields_kind(name: str, singular: str, what: str, model: type, example: str) -> Kind:
    return Kind(
        name=name, block=4, natural_key="key", path=f"/api/v2/{name}", envelope=singular, list_key=name,
        server_owned=frozenset({"id", "url", "created_at", "updated_at", "system"}),
        immutable=frozenset({"key", "type"}), ordered=True, model=model, normalize=normalize,
        defaults={"active": True}, is_system=lambda raw: bool(raw.get("system")),
        capabilities=Capabilities(reorder=True),
        api={"reorder": {"path": f"/api/v2/{name}/reorder", "body_key": f"{singular}_ids"}},
        summary=f"Custom {what} fields (with drop-down options), in display order.",
        example=example,
    )


def option_tags(doc: dict[str, Any]) -> list[str]:
    """Every tag a field owns: its options' values, or a checkbox's tag."""
    tags = [str(o.get("value")) for o in doc.get("custom_field_options") or [] if isinstance(o, dict)]
    if doc.get("type") == "checkbox" and doc.get("tag"):
        tags.append(str(doc["tag"]))
    return tags
