"""Small Markdown helpers: tables, anchors, escaping. GitHub and GitLab render both the same."""

from __future__ import annotations

import re


def cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def anchor(*parts: str) -> str:
    """The anchor GitHub derives from a heading: lowercase, punctuation dropped, spaces to dashes."""
    text = " ".join(parts).lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def mermaid_label(text: str) -> str:
    return text.replace('"', "'")
