"""Contact and company fields work the same way: one base model and one factory declare both.

Differences from ticket fields: only plain dropdowns (no nesting, no sections), the generated
``name`` has no ``cf_`` prefix, and the customer-facing flags differ per kind (each kind's model
adds its own). Built-in fields return ``choices`` in their own shapes (a time-zone map, a list
of industries), kept as they are.
"""

from __future__ import annotations

from typing import Any

from pydantic import field_validator

from providers.freshdesk.kinds import _choices
from providers.freshdesk.kinds._choices import Choice, WithChoices
from providers.freshdesk.kinds._common import model_fields, pick
from provisioner.kind import Kind

CUSTOM_TYPES = ("custom_text", "custom_paragraph", "custom_checkbox", "custom_number", "custom_dropdown",
                "custom_phone_number", "custom_url", "custom_date")


class CustomerField(WithChoices):
    label: str
    type: str
    choices: list[Choice] | dict[str, Any] | None = None

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in CUSTOM_TYPES and not value.startswith("default_"):
            raise ValueError(f"must be one of {', '.join(CUSTOM_TYPES)} (or a built-in field's default_* type)")
        return value


class CustomerFieldOperations:
    """Dropdown choices go out as positions on create and as a merge on update."""

    @staticmethod
    def create(adapter, kind: Kind, body: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        body = dict(body)
        for name in kind.api.get("label_defaults", ()):  # required by the API; the label is the obvious value
            body.setdefault(name, body.get("label"))
        if isinstance(body.get("choices"), list):
            body["choices"] = _choices.for_create(body["choices"])
        return adapter.http.json("POST", kind.path, json_body=body)

    @staticmethod
    def update(adapter, kind: Kind, obj_id: Any, body: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        if isinstance(body.get("choices"), list):
            current = adapter.get(f"{kind.path}/{obj_id}")
            body = {**body, "choices": _choices.for_update(current.get("choices") or [], body["choices"], nested=False)}
        return adapter.http.json("PUT", f"{kind.path}/{obj_id}", json_body=body)


def customer_field_kind(*, name: str, path: str, model: type[CustomerField], summary: str, example: str,
                        label_defaults: tuple[str, ...] = ()) -> Kind:
    """``label_defaults``: fields the API requires on create that default to the label."""
    fields = model_fields(model)

    def normalize(doc: dict[str, Any]) -> dict[str, Any]:
        doc = pick(doc, fields)
        if "choices" in doc:
            doc["choices"] = _choices.from_live(doc["choices"])
        return doc

    return Kind(
        name=name, block=4, natural_key="label", path=path,
        server_owned=frozenset({"id", "created_at", "updated_at", "name", "default", "position"}),
        immutable=frozenset({"type"}), model=model, normalize=normalize,
        is_system=lambda raw: bool(raw.get("default")),
        api={"field_kind": True, "operations": CustomerFieldOperations, "label_defaults": label_defaults},
        summary=summary, example=example,
    )
