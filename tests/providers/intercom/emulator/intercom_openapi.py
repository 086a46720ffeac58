"""Validate emulator responses against Intercom's own OpenAPI 2.16 description.

OpenAPI 3.0 schemas are not JSON Schema: ``nullable: true`` must become "or null", and refs point
at ``#/components/schemas``. ``json_schema`` rewrites both (refs to ``#/definitions``) so that
``jsonschema.Draft7Validator`` can check a body against the schema the spec declares for an
operation's status code. Responses declared without content (office hours errors) fall back to
the spec's ``error`` schema.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jsonschema
import yaml

SPEC_PATH = Path(__file__).resolve().parents[4].parent / "shared" / "vendor-specs" / "intercom" / "api.intercom.io.2.16.yaml"


@functools.lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(SPEC_PATH, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def json_schema(node: Any) -> Any:
    """OpenAPI 3.0 schema -> JSON Schema (nullable, refs); other keywords pass through."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: json_schema(value) for key, value in node.items() if key not in ("nullable", "discriminator")}
    if "$ref" in converted:
        converted = {"$ref": converted["$ref"].replace("#/components/schemas/", "#/definitions/")}
    if node.get("nullable") is True:
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@functools.lru_cache(maxsize=1)
def definitions() -> dict[str, Any]:
    return {name: json_schema(schema) for name, schema in spec()["components"]["schemas"].items()}


def _normalise(template: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", template)


def spec_operation(method: str, template: str) -> dict[str, Any] | None:
    wanted = _normalise(template)
    for path, operations in spec()["paths"].items():
        if _normalise(path) == wanted and method.lower() in operations:
            return operations[method.lower()]
    return None


def response_schema(method: str, template: str, status: int) -> dict[str, Any] | None:
    """The declared JSON schema for that response, the error schema for bare error responses,
    or None when the spec declares no body (e.g. ``DELETE /tags/{id}`` 200)."""
    operation = spec_operation(method, template)
    assert operation is not None, f"{method} {template} is not in the 2.16 description"
    response = operation["responses"].get(str(status))
    assert response is not None, f"{method} {template} does not document status {status}"
    if "$ref" in response:
        response = spec()["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    schema = (response.get("content") or {}).get("application/json", {}).get("schema")
    if schema is None:
        return {"$ref": "#/components/schemas/error"} if status >= 400 else None
    return schema


def validate(body: Any, schema: dict[str, Any]) -> None:
    root = {**json_schema(schema), "definitions": definitions()}
    jsonschema.Draft7Validator(root).validate(body)


def validate_response(method: str, template: str, status: int, body: Any) -> None:
    schema = response_schema(method, template, status)
    if schema is None:
        assert body is None, f"{method} {template} {status} documents no body"
        return
    validate(body, schema)


def declared_properties(schema_name: str) -> set[str]:
    """Top-level property names a component schema declares, through allOf/oneOf/anyOf."""
    found: set[str] = set()

    def walk(node: dict[str, Any]) -> None:
        if "$ref" in node:
            walk(spec()["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]])
            return
        found.update(node.get("properties", {}))
        for key in ("allOf", "oneOf", "anyOf"):
            for part in node.get(key, []):
                walk(part)

    walk(spec()["components"]["schemas"][schema_name])
    return found
