"""Compare HTML bodies the way Intercom stores them, not the way they were sent.

Intercom rewrites an article body on the way in: plain text is wrapped in a paragraph and bare
``<p>`` tags gain ``class="no-margin"`` (the 2.16 examples send ``Body of the Article`` and read
back ``<p class="no-margin">Body of the Article</p>``). Compared raw, every body would show as
drift forever. Both sides are brought to one canonical form instead: surrounding whitespace
dropped, plain text wrapped in ``<p>``, and the class Intercom adds removed again. The YAML may
therefore hold either plain text or HTML.
"""

from __future__ import annotations

import re

_ADDED_CLASS = re.compile(r'<p class="no-margin">', re.IGNORECASE)


def canonical_html(body: str) -> str:
    text = body.strip()
    if not text:
        return ""
    if not text.startswith("<"):
        text = f"<p>{text}</p>"
    return _ADDED_CLASS.sub("<p>", text)
