"""The drift report as JUnit XML: one test case per managed object, so CI dashboards show drift
as failed tests and keep a history per object.

Suites are kinds (``zendesk.triggers``). Each declared object is a test case (failed when
modified, missing or duplicated); each ordered kind with managed objects has an ``(order)``
case; each unmanaged live object is a failed case named ``<key> (unmanaged)``, since nobody
reviewed it. ``junit_xml`` is shared with the audit report.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from provisioner.drift.model import DriftItem, DriftReport
from provisioner.drift.render_text import LABELS, field_line

# Characters XML 1.0 cannot carry at all (control characters other than tab and newlines).
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Case:
    name: str
    classname: str
    failure: str | None = None  # the failure message (None: passed)
    failure_type: str = ""
    detail: str = ""
    skipped: str | None = None
    file: str | None = None
    output: str | None = None  # shown as <system-out>: findings that inform without failing


@dataclass
class Suite:
    name: str
    cases: list[Case] = field(default_factory=list)


def _clean(value: str) -> str:
    return INVALID_XML.sub("\ufffd", value)


def junit_xml(title: str, suites: list[Suite], timestamp: str) -> str:
    root = ET.Element("testsuites", name=_clean(title))
    total = failures = skipped = 0
    for suite in suites:
        node = ET.SubElement(root, "testsuite", name=_clean(suite.name), timestamp=timestamp)
        suite_failures = suite_skipped = 0
        for case in suite.cases:
            attrs = {"name": _clean(case.name), "classname": _clean(case.classname), "time": "0"}
            if case.file:
                attrs["file"] = _clean(case.file)
            element = ET.SubElement(node, "testcase", attrs)
            if case.failure is not None:
                suite_failures += 1
                fail = ET.SubElement(element, "failure", message=_clean(case.failure), type=_clean(case.failure_type))
                fail.text = _clean(case.detail or case.failure)
            elif case.skipped is not None:
                suite_skipped += 1
                ET.SubElement(element, "skipped", message=_clean(case.skipped))
            if case.output:
                ET.SubElement(element, "system-out").text = _clean(case.output)
        node.set("tests", str(len(suite.cases)))
        node.set("failures", str(suite_failures))
        node.set("errors", "0")
        node.set("skipped", str(suite_skipped))
        total, failures, skipped = total + len(suite.cases), failures + suite_failures, skipped + suite_skipped
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("skipped", str(skipped))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _failure(items: list[DriftItem]) -> tuple[str, str, str]:
    message = "; ".join(f"{LABELS[i.type]}" + (f": {', '.join(dict.fromkeys(f.path.split('[')[0].split('.')[0] for f in i.fields))}"
                                                if i.fields else "") for i in items)
    detail_lines: list[str] = []
    for item in items:
        detail_lines += [field_line(f) for f in item.fields]
        if item.source:
            detail_lines.append(f"declared at {item.source}")
        if item.note:
            detail_lines.append(item.note)
    return message, items[0].type, "\n".join(detail_lines)


def drift_suites(report: DriftReport) -> list[Suite]:
    suites: dict[str, Suite] = {}

    def suite(kind: str) -> Suite:
        return suites.setdefault(kind, Suite(f"{report.provider}.{kind}"))

    for obj in report.managed:
        classname = f"{report.provider}.{obj.kind}"
        items = report.for_object(obj.kind, obj.key)
        case = Case(name=obj.key, classname=classname, file=(obj.source or "").rsplit(":", 1)[0] or None)
        if items:
            case.failure, case.failure_type, case.detail = _failure(items)
        suite(obj.kind).cases.append(case)
    for kind in report.order_checked:
        case = Case(name="(order)", classname=f"{report.provider}.{kind}")
        for item in report.items("order_changed"):
            if item.kind == kind:
                case.failure, case.failure_type = "order changed", "order_changed"
                case.detail = f"YAML: {' › '.join(item.desired_order or [])}\nlive: {' › '.join(item.live_order or [])}"
        suite(kind).cases.append(case)
    for item in report.items("unmanaged"):
        state = " (inactive)" if item.active is False else ""
        suite(item.kind).cases.append(Case(
            name=f"{item.key} (unmanaged)", classname=f"{report.provider}.{item.kind}",
            failure=f"unmanaged{state}: live object not in the YAML", failure_type="unmanaged",
            detail=f"id {item.id}" + (f"\n{item.note}" if item.note else "")))
    return list(suites.values())


def render_junit(report: DriftReport) -> str:
    env = f" {report.environment}" if report.environment else ""
    return junit_xml(f"provisioner drift {report.provider} {report.account}{env}", drift_suites(report), report.generated_at)
