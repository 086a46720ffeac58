"""The audit report: a versioned JSON document (``schema_version``; docs/drift.md documents it).

Drift is one check among the others (id ``drift``), and the full drift report is embedded as
``drift`` for tools that want the field-level detail.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from provisioner.drift.model import DriftReport

AUDIT_SCHEMA_VERSION = 1

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
Status = Literal["passed", "failed", "skipped", "disabled"]
FAILING = frozenset({"error", "warning"})
"""Severities that make ``audit`` exit 2; ``info`` findings are reported only."""


class ObjectRef(BaseModel):
    """An object a finding concerns, by natural key (and live id when it exists)."""

    kind: str
    key: str
    id: Any = None


class Finding(BaseModel):
    summary: str
    objects: list[ObjectRef] = Field(default_factory=list)
    fix: str = ""


class CheckResult(BaseModel):
    """+ status: passed | failed (findings) | skipped (the provider lacks its concept, or the data
    could not be read: ``note`` says which) | disabled (by configuration).
    + options: the values the check ran with (defaults merged with configuration)."""

    id: str
    title: str
    severity: Severity
    status: Status
    findings: list[Finding] = Field(default_factory=list)
    note: str = ""
    options: dict[str, Any] = Field(default_factory=dict)

    @property
    def fails(self) -> bool:
        return self.status == "failed" and self.severity in FAILING


class AuditReport(BaseModel):
    schema_version: int = AUDIT_SCHEMA_VERSION
    tool_version: str
    provider: str
    account: str
    environment: str | None = None
    generated_at: str
    passed: bool
    counts: dict[str, int] = Field(default_factory=dict)
    checks: list[CheckResult] = Field(default_factory=list)
    drift: DriftReport | None = None

    def check(self, check_id: str) -> CheckResult:
        return next(c for c in self.checks if c.id == check_id)
