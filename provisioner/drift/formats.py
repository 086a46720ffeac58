"""Report formats, by name, for drift and audit alike: a renderer per format, one writer.

Every byte goes through ``secrets.redact`` before it leaves the process, whatever the format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from provisioner import secrets
from provisioner.drift.model import DriftReport
from provisioner.drift.render_junit import render_junit
from provisioner.drift.render_markdown import render_markdown
from provisioner.drift.render_text import render_text

FORMATS = ("text", "json", "markdown", "junit")


def render_json(report: DriftReport) -> str:
    return report.model_dump_json(indent=2) + "\n"


DRIFT_RENDERERS: dict[str, Callable[[DriftReport], str]] = {
    "text": render_text, "json": render_json, "markdown": render_markdown, "junit": render_junit,
}


def write_report(text: str, output: Path | None) -> str | None:
    """Redact, then write to ``output`` (atomically: a CI step never uploads half a report), or
    return the text for stdout when there is no ``output``."""
    text = secrets.redact(text)
    if output is None:
        return text
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(output)
    return None
