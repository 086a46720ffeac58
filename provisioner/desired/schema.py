"""JSON Schema of a provider's YAML, built from the kinds' pydantic models, for editors.

Point an editor at it (``# yaml-language-server: $schema=zendesk.schema.json``) to get field
completion and type checks as you type.
"""

from __future__ import annotations

from typing import Any

from provisioner.provider import Provider


# A field name, or a per-object rule (``provisioner.desired.ignore``).
IGNORE_SCHEMA: dict[str, Any] = {"type": "array", "items": {"anyOf": [
    {"type": "string"},
    {"type": "object", "additionalProperties": False, "required": ["key"], "properties": {
        "key": {"type": "string"}, "fields": {"type": "array", "items": {"type": "string"}}}},
]}}


def desired_state_schema(provider: Provider) -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    properties: dict[str, Any] = {"provider": {"const": provider.name}}
    for kind in provider.kinds:
        if kind.model is None:
            continue
        # Nested models of different kinds may share a class name ("Option"): each kind's
        # definitions live under its own prefix so none overwrites another's.
        prefix = f"{kind.name}.".replace("/", "_")
        schema = kind.model.model_json_schema(ref_template=f"#/$defs/{prefix}{{model}}")  # type: ignore[attr-defined]
        definitions.update({f"{prefix}{key}": value for key, value in schema.pop("$defs", {}).items()})
        name = f"{prefix}{schema.get('title', kind.name)}"
        if not kind.singleton:  # the engine's pin to one live object (docs/export.md)
            schema.setdefault("properties", {})["match_id"] = {
                "type": ["integer", "string"], "description": "the live id this object is pinned to, in one account"}
        definitions[name] = schema
        item = {"$ref": f"#/$defs/{name}"}
        items = {"type": "array", "items": item}
        if kind.singleton:
            properties[kind.name] = item
            continue
        properties[kind.name] = {
            "description": kind.summary,
            "oneOf": [items, {"type": "object", "additionalProperties": False, "properties": {
                "prune": {"type": "boolean"}, "ignore": IGNORE_SCHEMA, "items": items}}],
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"provisioner desired state for {provider.name}",
        "type": "object",
        "required": ["provider"],
        "additionalProperties": False,
        "properties": properties,
        "$defs": definitions,
    }
