"""The engine never imports a specific provider: every provider plugs in through its declarations."""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "provisioner"
SPECIFIC = ("zendesk", "freshdesk", "intercom")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_engine_module_imports_a_specific_provider() -> None:
    offenders = [
        f"{path.relative_to(ENGINE.parent)} imports {module}"
        for path in ENGINE.rglob("*.py")
        for module in imported_modules(path)
        if module.startswith("providers.") and module.split(".")[1] in SPECIFIC
    ]
    assert offenders == []


def test_the_check_would_catch_an_offender(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from providers.zendesk.kinds import KINDS\nimport providers.intercom.client\n")
    assert imported_modules(sample) == ["providers.zendesk.kinds", "providers.intercom.client"]
