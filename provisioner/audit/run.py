"""Run the audit: settings first (a bad ``audit:`` section fails before any request), then one
read of the account (the drift plan's), drift, every check."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from provisioner import __version__
from provisioner.audit.check import Check, SkipCheck
from provisioner.audit.checks import CHECKS
from provisioner.audit.config import DRIFT_CHECK, CheckSettings, load_config
from provisioner.audit.model import AuditReport, CheckResult, Finding, ObjectRef
from provisioner.audit.profile import EMPTY_PROFILE, AuditProfile
from provisioner.audit.snapshot import Snapshot
from provisioner.drift.build import build_report
from provisioner.drift.model import DriftItem, DriftReport
from provisioner.drift.render_text import LABELS, field_line
from provisioner.drift.run import plan_for_drift
from provisioner.environments import find_project, load_project
from provisioner.workflow import Target

DRIFT_FIX = {
    "modified": "apply the YAML to undo the change, or write the change into the YAML if it is wanted",
    "missing": "apply to recreate it, or remove it from the YAML",
    "unmanaged": "add it to the YAML, delete it, or leave it alone with an ignore rule {key: ...} on its kind",
    "order_changed": "apply to restore the YAML order, or reorder the YAML to match",
    "duplicate": "rename or delete the extra live objects",
}


def drift_finding(item: DriftItem) -> Finding:
    details = "; ".join(field_line(f) for f in item.fields[:5]) + (" …" if len(item.fields) > 5 else "")
    state = " (inactive)" if item.active is False else ""
    name = f"{item.kind} order" if item.type == "order_changed" else f"{item.kind} {item.key!r}{state}"
    summary = f"{name}: {LABELS[item.type]}" + (f" — {details}" if details else "")
    objects = [] if item.type == "order_changed" else [ObjectRef(kind=item.kind, key=item.key, id=item.id)]
    return Finding(summary=summary, objects=objects, fix=DRIFT_FIX[item.type])


def drift_result(report: DriftReport, settings: CheckSettings) -> CheckResult:
    base = dict(id=DRIFT_CHECK, title="The account matches the reviewed YAML", severity=settings.severity)
    if not settings.enabled:
        return CheckResult(**base, status="disabled")
    findings = [drift_finding(item) for item in report.drift]
    return CheckResult(**base, status="failed" if findings else "passed", findings=findings)


def run_check(check: Check, snapshot: Snapshot, settings: CheckSettings) -> CheckResult:
    base = dict(id=check.id, title=check.title, severity=settings.severity, options=dict(settings.options))
    if not settings.enabled:
        return CheckResult(**base, status="disabled")
    needed = check.needs(snapshot.profile)
    why_not = f"{snapshot.provider.name}: {needed}" if isinstance(needed, str) else snapshot.missing(needed)
    if why_not:
        return CheckResult(**base, status="skipped", note=why_not)
    try:
        findings = check.run(snapshot, settings.options)
    except SkipCheck as skip:
        return CheckResult(**base, status="skipped", note=str(skip))
    return CheckResult(**base, status="failed" if findings else "passed", findings=findings)


def audit_settings(path: Path, disabled: list[str]) -> dict[str, CheckSettings]:
    found = find_project(path)
    return load_config(load_project(found) if found else None, disabled)


def run_audit(path: Path, target: Target, disabled: list[str] | None = None, now: datetime | None = None) -> AuditReport:
    settings = audit_settings(path, disabled or [])
    planned, env_name = plan_for_drift(path, target)
    try:
        provider = planned.provider
        profile: AuditProfile = provider.audit_profile or EMPTY_PROFILE
        drift = build_report(planned.plan, planned.state, provider, planned.live, env_name)
    finally:
        planned.adapter.close()
    hands_off = {kind: tuple(rule for rule in options.ignore_objects if rule.whole_object)
                 for kind, options in planned.state.options.items()}
    snapshot = Snapshot(provider, profile, planned.live, planned.raw, now or datetime.now(timezone.utc), hands_off)
    results = [drift_result(drift, settings[DRIFT_CHECK])]
    results += [run_check(check, snapshot, settings[check.id]) for check in CHECKS]
    counts = {status: sum(1 for r in results if r.status == status) for status in ("passed", "failed", "skipped", "disabled")}
    return AuditReport(
        tool_version=__version__, provider=provider.name, account=drift.account, environment=env_name,
        generated_at=drift.generated_at, passed=not any(r.fails for r in results), counts=counts,
        checks=results, drift=drift,
    )
