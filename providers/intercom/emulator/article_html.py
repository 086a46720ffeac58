"""How Intercom stores an article body: it rewrites what you send.

Observed in the 2.16 examples: ``"Body of the Article"`` comes back as
``<p class="no-margin">Body of the Article</p>`` and ``<p>New gifts…</p>`` as
``<p class="no-margin">New gifts…</p>``. So plain text is wrapped in a paragraph and bare ``<p>``
tags gain ``class="no-margin"``; an empty body stays empty. A provisioner must therefore compare
normalised HTML, never the raw string it sent.

``body_markdown`` (2.16) is turned into HTML by a deliberately small converter — headings,
paragraphs, bold, italics, inline code and links — enough to show that the stored body differs
from the markdown sent; it is not Intercom's renderer.
"""

from __future__ import annotations

import html
import re

_BARE_P = re.compile(r"<p>", re.IGNORECASE)


def normalise_body(body: str) -> str:
    stripped = body.strip()
    if not stripped:
        return ""
    if not stripped.startswith("<"):
        stripped = f"<p>{stripped}</p>"
    return _BARE_P.sub('<p class="no-margin">', stripped)


def markdown_to_html(markdown: str) -> str:
    blocks = [block.strip() for block in re.split(r"\n\s*\n", markdown.strip()) if block.strip()]
    parts = []
    for block in blocks:
        heading = re.match(r"^(#{1,6})\s+(.*)$", block)
        if heading and "\n" not in block:
            level = len(heading.group(1))
            parts.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        else:
            parts.append(f"<p>{_inline(' '.join(block.splitlines()))}</p>")
    return normalise_body("".join(parts))


def _inline(text: str) -> str:
    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)
    text = re.sub(r"`(.+?)`", r"<code>\1</code>", text)
    return re.sub(r"\[(.+?)\]\((\S+?)\)", r'<a href="\2">\1</a>', text)


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "untitled"
