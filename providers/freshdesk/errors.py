"""Freshdesk's two error shapes, turned into one readable line.

Validation failures answer ``{"description": "Validation failed", "errors": [{field, message,
code}]}`` (every problem at once); most other failures a flat ``{"code", "message"}`` (research
note 1.4: a client has to handle both). Each problem becomes ``field: message (code)`` so the
user sees which attribute the API refused and why.
"""

from __future__ import annotations

import httpx


def error_detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        lines = response.text.strip().splitlines()
        return lines[0][:200] if lines else response.reason_phrase
    if not isinstance(body, dict):
        return response.reason_phrase
    problems = body.get("errors")
    if isinstance(problems, list) and problems:
        parts = []
        for item in problems:
            if not isinstance(item, dict):
                continue
            text = str(item.get("message") or item.get("code") or "invalid")
            code = item.get("code")
            line = f"{item['field']}: {text}" if item.get("field") else text
            parts.append(f"{line} ({code})" if code and code != text else line)
        if parts:
            return "; ".join(parts)
    message, code = body.get("message"), body.get("code")
    if message and code:
        return f"{message} ({code})"
    return str(message or code or body.get("description") or response.reason_phrase)
