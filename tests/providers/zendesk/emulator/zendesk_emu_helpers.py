"""Shared helpers for the Zendesk emulator tests: an authenticated client and the vendor
OpenAPI schemas as jsonschema validators."""

from __future__ import annotations

import base64
import copy
import functools
from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema import Draft202012Validator

from providers.zendesk.emulator import ZendeskEmulator

BASE_URL = "https://acme.zendesk.com"
SPECS = Path("/work/shared/vendor-specs/zendesk")
TOKEN_AUTH = "Basic " + base64.b64encode(b"admin@acme.com/token:abc123").decode()

# Places where the vendored Support OAS is narrower than what Zendesk really sends, each with
# the reason: (schema, property) -> (why, replacement schema for that property).
KNOWN_SPEC_GAPS = {
    ("ViewObject", "restriction"): (
        "unrestricted views answer restriction: null (MacroCommonObject.restriction is nullable, "
        "ViewObject's is not)",
        {"type": "object", "additionalProperties": True, "nullable": True}),
    ("ActionObject", "value"): (
        "notification actions in automations and macros carry a list value "
        "([recipient, subject, body]), as TriggerActionObject already allows",
        {"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "array"}]}),
    ("TicketFormStatusesResponse", "ticket_form_statuses"): (
        "the spec caps the list at maxItems: 1, yet its own bulk-create example links two "
        "statuses to one form",
        {"type": "array", "items": {"$ref": "#/components/schemas/TicketFormStatusObject"}}),
}


def client_for(emulator: ZendeskEmulator, *, auth: str | None = "Bearer test-token",
               base_url: str = BASE_URL) -> httpx.Client:
    headers = {"Authorization": auth} if auth else {}
    return httpx.Client(transport=httpx.MockTransport(emulator), base_url=base_url, headers=headers)


class _Loader(yaml.CSafeLoader):
    """The Support spec has unquoted ``=`` scalars (YAML 1.1 'value' tag); read them as text."""


_Loader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))


def _nullable_to_json_schema(node: Any) -> Any:
    """OAS 3.0 ``nullable: true`` → JSON Schema ``null`` alternative, recursively."""
    if isinstance(node, list):
        return [_nullable_to_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _nullable_to_json_schema(v) for k, v in node.items()}
    if out.pop("nullable", False):
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = [*out["enum"], None]
        if "$ref" in out or "allOf" in out or "oneOf" in out or "anyOf" in out:
            return {"anyOf": [{k: v for k, v in out.items()}, {"type": "null"}]}
    return out


@functools.lru_cache(maxsize=None)
def _components(spec_file: str) -> dict[str, Any]:
    with open(SPECS / spec_file, encoding="utf-8") as handle:
        spec = yaml.load(handle, Loader=_Loader)
    components = copy.deepcopy(spec["components"])
    for (schema, prop), (_why, replacement) in KNOWN_SPEC_GAPS.items():
        if spec_file != "support-oas.yaml":
            break
        properties = components["schemas"][schema]["properties"]
        assert prop in properties, f"spec gap {schema}.{prop} no longer exists"
        properties[prop] = replacement
    return _nullable_to_json_schema(components)


def validator(schema_name: str, spec_file: str = "support-oas.yaml") -> Draft202012Validator:
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": _components(spec_file)}
    return Draft202012Validator(schema)


def assert_matches_schema(body: Any, schema_name: str, spec_file: str = "support-oas.yaml") -> None:
    errors = sorted(validator(schema_name, spec_file).iter_errors(body), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def all_pages(client: httpx.Client, path: str, key: str) -> list[dict[str, Any]]:
    """Follow cursor links the way a client should: until ``meta.has_more`` is false."""
    items: list[dict[str, Any]] = []
    url: str | None = path
    while url:
        body = client.get(url).json()
        items.extend(body[key])
        url = body["links"]["next"] if body["meta"]["has_more"] else None
    return items
