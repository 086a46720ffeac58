"""The audit report as text, Markdown and JUnit (JSON is the model itself).

Every format leads with what failed; passed checks are one line each; skipped checks say why
(the provider lacks the concept, or the data could not be read), so "not checked" never reads
as "fine". The Markdown embeds the drift report in a collapsed section; the JUnit has one test
case per check plus the drift report's per-object cases.
"""

from __future__ import annotations

from provisioner.audit.model import AuditReport, CheckResult, Finding
from provisioner.drift.markdown_text import code, text, truncated
from provisioner.drift.render_junit import Case, Suite, drift_suites, junit_xml
from provisioner.drift.render_markdown import render_markdown as drift_markdown

MARKS = {"passed": "✓", "failed": "✗", "skipped": "–", "disabled": "·"}
ICONS = {"passed": "✅", "skipped": "⏭️", "disabled": "🚫"}
SEVERITY_ICONS = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}
MAX_OBJECTS = 10


def _objects(finding: Finding) -> str:
    names = [f"{o.kind} {o.key!r}" for o in finding.objects[:MAX_OBJECTS]]
    more = len(finding.objects) - MAX_OBJECTS
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def headline(report: AuditReport) -> str:
    env = f" ({report.environment})" if report.environment else ""
    counts = ", ".join(f"{n} {status}" for status, n in report.counts.items() if n)
    verdict = "passed" if report.passed else "found problems"
    return f"Audit of {report.provider} account {report.account}{env} {verdict}: {counts}."


def _status_word(check: CheckResult) -> str:
    return check.severity if check.status == "failed" else check.status


def render_text(report: AuditReport) -> str:
    lines = [headline(report), ""]
    for check in sorted(report.checks, key=_order):
        count = f" ({len(check.findings)} finding{'s' if len(check.findings) != 1 else ''})" if check.findings else ""
        lines.append(f"{MARKS[check.status]} {_status_word(check):<8} {check.id}: {check.title}{count}")
        if check.note:
            lines.append(f"      {check.note}")
        shared = _shared_fix(check)
        for finding in check.findings:
            lines.append(f"    - {finding.summary}")
            if finding.objects and len(finding.objects) > 1:
                lines.append(f"      objects: {_objects(finding)}")
            if finding.fix and not shared:
                lines.append(f"      fix: {finding.fix}")
        if shared:
            lines.append(f"    fix: {shared}")
    return "\n".join(lines) + "\n"


def _shared_fix(check: CheckResult) -> str:
    """The fix hint when every finding of a check has the same one (printed once, not N times)."""
    fixes = {f.fix for f in check.findings}
    return fixes.pop() if len(check.findings) > 1 and len(fixes) == 1 else ""


def _order(check: CheckResult) -> tuple[int, int]:
    rank = {"failed": 0, "passed": 1, "skipped": 2, "disabled": 3}
    severity = {"error": 0, "warning": 1, "info": 2}
    return rank[check.status], severity[check.severity] if check.status == "failed" else 0


def render_markdown(report: AuditReport) -> str:
    env = f" · {text(report.environment)}" if report.environment else ""
    verdict = "✅ **Audit passed.**" if report.passed else "❌ **Audit found problems.**"
    counts = " · ".join(f"{n} {status}" for status, n in report.counts.items() if n)
    lines = [f"## Platform audit: {text(report.provider)} · {text(report.account)}{env}", "", f"{verdict} {counts}", "",
             "| | check | severity | result |", "|---|---|---|---|"]
    for check in sorted(report.checks, key=_order):
        icon = SEVERITY_ICONS[check.severity] if check.status == "failed" else ICONS[check.status]
        result = (f"{len(check.findings)} finding(s)" if check.status == "failed"
                  else text(check.note) if check.note else check.status)
        lines.append(f"| {icon} | {code(check.id)} {text(check.title)} | {check.severity} | {result} |")
    for check in sorted(report.checks, key=_order):
        if check.status != "failed" or check.id == "drift":
            continue
        lines += ["", f"### {SEVERITY_ICONS[check.severity]} {code(check.id)} {text(check.title)}", ""]
        shared = _shared_fix(check)
        if shared:
            lines += [f"**Fix:** {text(shared)}", ""]
        for finding in check.findings:
            lines.append(f"- {text(finding.summary)}")
            if len(finding.objects) > 1:
                lines.append(f"  - objects: {text(_objects(finding))}")
            if finding.fix and not shared:
                lines.append(f"  - fix: {text(finding.fix)}")
    body = truncated(lines, budget=40_000, tail=" The JSON report (--format json) has everything.")
    if report.drift is not None and report.check("drift").status != "disabled":
        drift = drift_markdown(report.drift).replace("## Drift:", "### Drift:", 1)
        body += ["", "<details><summary>Drift report</summary>", "", *truncated(drift.splitlines(), budget=20_000), "", "</details>"]
    return "\n".join(body) + "\n"


def render_junit(report: AuditReport) -> str:
    checks = Suite(f"{report.provider}.audit")
    for check in report.checks:
        case = Case(name=f"{check.id}: {check.title}", classname=f"{report.provider}.audit")
        listing = "\n".join(f"- {f.summary}" + (f"\n  fix: {f.fix}" if f.fix else "") for f in check.findings)
        if check.fails:
            case.failure = f"{check.severity}: {len(check.findings)} finding(s)"
            case.failure_type, case.detail = check.severity, listing
        elif check.status in {"skipped", "disabled"}:
            case.skipped = check.note or check.status
        elif check.findings:
            case.output = listing
        checks.cases.append(case)
    suites = [checks]
    if report.drift is not None and report.check("drift").status != "disabled":
        suites += drift_suites(report.drift)
    env = f" {report.environment}" if report.environment else ""
    return junit_xml(f"provisioner audit {report.provider} {report.account}{env}", suites, report.generated_at)


def render_json(report: AuditReport) -> str:
    return report.model_dump_json(indent=2) + "\n"


AUDIT_RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown, "junit": render_junit}
