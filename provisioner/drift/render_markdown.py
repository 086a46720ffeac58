"""The drift report as Markdown: a CI job summary or a merge-request comment.

A headline and a count table first (what a reviewer reads), then one section per drift type;
modified objects get a table of their fields (YAML → live). Long reports are cut to fit a
comment and point to the JSON report for the rest.
"""

from __future__ import annotations

from provisioner.drift.markdown_text import code, text, truncated
from provisioner.drift.model import DriftItem, DriftReport, FieldDrift
from provisioner.drift.render_text import LABELS

SECTIONS = (
    ("modified", "Modified in the account", "The account differs from the YAML; `apply` would put the YAML values back."),
    ("missing", "Missing from the account", "Declared in the YAML, not found live (deleted or renamed out of band)."),
    ("unmanaged", "Unmanaged", "Live, not in the YAML: add them, remove them, or ignore them by key."),
    ("order_changed", "Order changed", "The live order of managed objects differs from the YAML order."),
    ("duplicate", "Duplicate natural keys", "Several live objects share a key the YAML declares; rename or delete the extras."),
)


def _name(item: DriftItem) -> str:
    bits = [f"id {item.id}"] if item.id is not None else []
    if item.ids:
        bits.append("ids " + ", ".join(map(str, item.ids)))
    if item.active is False:
        bits.append("**inactive**")
    extra = f" ({', '.join(bits)})" if bits else ""
    return f"{text(item.kind)} · **{text(item.key)}**{extra}"


def _field_row(field: FieldDrift) -> str:
    desired = code(field.desired) if field.change != "added" else "_absent_"
    live = code(field.live) if field.change != "removed" else "_absent_"
    return f"| {code(field.path)} | {desired} | {live} |"


def _section(drift_type: str, items: list[DriftItem]) -> list[str]:
    lines: list[str] = []
    for item in items:
        if drift_type == "order_changed":
            lines += [f"- {text(item.kind)}", f"  - YAML: {' › '.join(text(k) for k in item.desired_order or [])}",
                      f"  - live: {' › '.join(text(k) for k in item.live_order or [])}"]
            continue
        where = f" — declared at {code(item.source)}" if item.source else ""
        lines.append(f"- {_name(item)}{where}")
        if item.note:
            lines.append(f"  - {text(item.note)}")
        if item.fields:
            lines += ["", "  | field | YAML | live |", "  |---|---|---|"] + [f"  {_field_row(f)}" for f in item.fields] + [""]
    return lines


def render_markdown(report: DriftReport) -> str:
    env = f" · {text(report.environment)}" if report.environment else ""
    title = f"## Drift: {text(report.provider)} · {text(report.account)}{env}"
    if not report.has_drift:
        body = [title, "", f"✅ **No drift.** The account matches the desired state "
                           f"({len(report.managed)} managed objects checked)."]
        return "\n".join(body + _footer(report)) + "\n"
    found = " · ".join(f"{n} {LABELS[t]}" for t, n in report.counts.items() if n)
    lines = [title, "", f"❌ **Drift found:** {found} ({len(report.managed)} managed objects checked).", "",
             "| drift | count |", "|---|---|"]
    lines += [f"| {LABELS[t]} | {n} |" for t, n in report.counts.items() if n]
    for drift_type, heading, explain in SECTIONS:
        items = report.items(drift_type)
        if items:
            lines += ["", f"### {heading} ({len(items)})", "", f"_{explain}_", ""] + _section(drift_type, items)
    return "\n".join(truncated(lines, tail=" The JSON report (--format json) has everything.") + _footer(report)) + "\n"


def _footer(report: DriftReport) -> list[str]:
    lines = [""]
    stale = [r for r in report.ignored if r.key is not None and not r.matched]
    covered = sum(len(r.matched) for r in report.ignored if r.key is not None and not r.fields)
    if covered:
        lines.append(f"_{covered} live object(s) left alone by ignore rules._")
    for rule in stale:
        lines.append(f"_Ignore rule {text(rule.kind)} {code(rule.key)} matches no live object; remove it if it is stale._")
    lines.append(f"<sub>provisioner {text(report.tool_version)} · {text(report.generated_at)} · "
                 f"desired state {code(report.desired_digest[:12])}</sub>")
    return lines
