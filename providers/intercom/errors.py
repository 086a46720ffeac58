"""Intercom's one error envelope, turned into one readable line.

Every failure is ``{"type": "error.list", "request_id": ..., "errors": [{"code", "message",
"field"?}]}``; clients are told to key on ``code``, so the line leads with it:
``parameter_invalid: Data Type isn't an option``. A gateway may still answer plain text.
"""

from __future__ import annotations

import httpx


def error_detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        text = response.text.strip().splitlines()
        return text[0][:200] if text else response.reason_phrase
    errors = body.get("errors") if isinstance(body, dict) else None
    if isinstance(errors, list) and errors:
        parts = []
        for error in errors:
            if not isinstance(error, dict):
                parts.append(str(error))
                continue
            code, message, field = error.get("code"), error.get("message"), error.get("field")
            text = ": ".join(str(p) for p in (code, message) if p)
            parts.append(f"{text} (field {field})" if field else text)
        return "; ".join(p for p in parts if p) or response.reason_phrase
    return response.reason_phrase
