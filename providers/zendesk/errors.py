"""Zendesk's two error envelopes, turned into one readable line.

Classic endpoints answer ``{"error": "RecordInvalid", "description": ..., "details": {field:
[{"description": ...}]}}``; newer ones (trigger categories, webhooks) answer JSON:API style
``{"errors": [{"code", "title", "detail"}]}``; Help Center answers ``{"errors": {field:
["message"]}}``. A 429 may come as plain text.
"""

from __future__ import annotations

import httpx


def error_detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        text = response.text.strip().splitlines()
        return text[0][:200] if text else response.reason_phrase
    if isinstance(body, dict) and isinstance(body.get("errors"), list):
        parts = []
        for item in body["errors"]:
            if isinstance(item, dict):
                where = item.get("source", {}).get("pointer") if isinstance(item.get("source"), dict) else None
                text = item.get("detail") or item.get("title") or item.get("code") or ""
                parts.append(f"{where}: {text}" if where else str(text))
        return "; ".join(parts) or response.reason_phrase
    if isinstance(body, dict) and isinstance(body.get("errors"), dict) and body["errors"]:
        return "; ".join(f"{field}: {message}" for field, messages in body["errors"].items()
                         for message in (messages if isinstance(messages, list) else [messages]))
    if isinstance(body, dict):
        details = body.get("details")
        if isinstance(details, dict) and details:
            parts = []
            for field, problems in details.items():
                for problem in problems if isinstance(problems, list) else [problems]:
                    text = problem.get("description") if isinstance(problem, dict) else str(problem)
                    parts.append(f"{field}: {text}")
            return "; ".join(parts)
        error = body.get("error")
        if isinstance(error, dict):
            return str(error.get("message") or error.get("title") or error)
        description = body.get("description")
        if error and description:
            return f"{error}: {description}"
        if error or description:
            return str(error or description)
    return response.reason_phrase
