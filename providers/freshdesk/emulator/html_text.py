"""The server-side HTML handling behind canned responses and solution articles.

Freshdesk stores rich text as HTML and derives a plain-text twin (``content`` from
``content_html`` on canned responses, ``description_text`` from ``description`` on articles);
both twins are read-only. It also **rewrites the HTML it is given** (research note 1.5, [L]), so a
client must not expect to read back byte-for-byte what it sent. The emulator reproduces a mild,
predictable form of that: text that is not wrapped in an element comes back wrapped in a
``<div>``, as the doc example ``"<div>This is a sample canned response</div>"`` shows.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "pre"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, blank lines collapsed."""
    collector = _TextCollector()
    collector.feed(html or "")
    collector.close()
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in "".join(collector.parts).split("\n")]
    return "\n".join(line for line in lines if line)


def rewrite(html: str) -> str:
    """What the server stores for submitted HTML: bare text gets wrapped in a ``<div>``."""
    stripped = (html or "").strip()
    if stripped and not stripped.startswith("<"):
        return f"<div>{stripped}</div>"
    return stripped
