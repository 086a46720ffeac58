"""Escaping for Markdown that GitHub and GitLab render the same way (comments, job summaries).

Names come from the account and may contain anything (``|`` breaks a table, ``<b>`` would be
HTML, a backtick ends a code span), so every value goes through ``text`` or ``code``.
"""

from __future__ import annotations

import json
import re
from typing import Any

SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
MAX_CELL = 160
# Comments on GitHub are capped at 65,536 characters; stop listing well before that.
MAX_CHARS = 60_000


def text(value: Any) -> str:
    """Plain text with Markdown and HTML specials escaped, on one line."""
    return SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def code(value: Any) -> str:
    """A value as inline code (JSON for non-strings), safe inside a table cell."""
    raw = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    raw = " ".join(raw.split())
    if len(raw) > MAX_CELL:
        raw = raw[: MAX_CELL - 1] + "…"
    raw = raw.replace("|", "\\|")
    return f"`` {raw} ``" if "`" in raw else f"`{raw}`"


def truncated(lines: list[str], budget: int = MAX_CHARS, tail: str = "") -> list[str]:
    """Keep whole lines within ``budget`` characters; say how many were left out."""
    kept: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        used += len(line) + 1
        if used > budget:
            kept.append(f"\n_… {len(lines) - index} more lines left out to fit a comment.{tail}_")
            break
        kept.append(line)
    return kept
