"""The drift report as plain text for a terminal or a CI log: one line per drifted object,
then its differing fields as ``path: YAML value → live value``."""

from __future__ import annotations

from provisioner.drift.model import DriftItem, DriftReport, FieldDrift
from provisioner.render.plan_text import short

SYMBOLS = {"modified": "~", "missing": "!", "unmanaged": "?", "order_changed": "↕", "duplicate": "="}
LABELS = {"modified": "modified", "missing": "missing", "unmanaged": "unmanaged",
          "order_changed": "order changed", "duplicate": "duplicate"}


def field_line(field: FieldDrift) -> str:
    if field.change == "removed":
        return f"{field.path}: {short(field.desired)} (YAML) → absent in the account"
    if field.change == "added":
        return f"{field.path}: absent in the YAML → {short(field.live)} added in the account"
    return f"{field.path}: {short(field.desired)} → {short(field.live)}"


def identity(item: DriftItem) -> str:
    bits = []
    if item.id is not None:
        bits.append(f"id {item.id}")
    if item.ids:
        bits.append("ids " + ", ".join(map(str, item.ids)))
    if item.active is False:
        bits.append("inactive")
    return f" ({', '.join(bits)})" if bits else ""


def headline(report: DriftReport) -> str:
    where = f"{report.provider} account {report.account}" + (f" ({report.environment})" if report.environment else "")
    if not report.has_drift:
        return f"No drift: {where} matches the desired state ({len(report.managed)} managed objects checked)."
    counts = ", ".join(f"{n} {LABELS[t]}" for t, n in report.counts.items() if n)
    return f"Drift in {where}: {counts}."


def item_lines(item: DriftItem) -> list[str]:
    symbol = SYMBOLS[item.type]
    if item.type == "order_changed":
        return [f"  {symbol} {item.kind}: order changed",
                f"      YAML: {' › '.join(item.desired_order or [])}",
                f"      live: {' › '.join(item.live_order or [])}"]
    where = f" — {item.source}" if item.source else ""
    lines = [f"  {symbol} {item.kind} {item.key!r}{identity(item)} {LABELS[item.type]}{where}"]
    lines += [f"      {field_line(f)}" for f in item.fields]
    if item.note:
        lines.append(f"      note: {item.note}")
    return lines


def render_text(report: DriftReport) -> str:
    lines = [headline(report)]
    if report.drift:
        lines.append("")
        for item in report.drift:
            lines += item_lines(item)
        lines += ["", "Legend: ~ modified (YAML → live), ! missing from the account, ? unmanaged (live, not in the "
                  "YAML), ↕ order changed, = duplicate natural key."]
    stale = [rule for rule in report.ignored if rule.key is not None and not rule.matched]
    if stale:
        lines.append("")
        lines += [f"Ignore rule {r.kind} {r.key!r} ({r.source}) matches no live object; remove it if it is stale."
                  for r in stale]
    if report.notes:
        lines.append("")
        lines += [f"{n.severity} {n.rule}" + (f" {n.kind}[{n.key!r}]" if n.kind else "") + f": {n.summary}"
                  for n in report.notes]
    return "\n".join(lines) + "\n"
