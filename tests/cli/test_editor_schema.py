"""The editor JSON Schema accepts every example and blueprint file, and rejects a wrong field."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from tests.conftest import EXAMPLES

PROVIDERS = ("zendesk", "freshdesk", "intercom")


@pytest.mark.parametrize("provider", PROVIDERS)
def test_schema_accepts_the_examples_and_rejects_typos(cli, provider: str) -> None:
    schema = json.loads(cli("schema", "--provider", provider).out)
    validator = jsonschema.Draft202012Validator(schema)
    files = [p for p in sorted((EXAMPLES / provider).glob("*.yaml")) + sorted((EXAMPLES / provider / "standard").glob("*.yaml"))
             if p.name != "provisioner.yaml"]
    assert files
    for path in files:
        errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text()))]
        assert errors == [], f"{path.name}: {errors[:3]}"
    first_kind = next(k for k in schema["properties"] if k != "provider")
    assert list(validator.iter_errors({"provider": provider, first_kind: [{"no_such_field": 1}]}))
