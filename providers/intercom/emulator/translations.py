"""``translated_content`` for collections and articles, shared rules.

- Locale keys must be among the codes Intercom supports (the ``*_translated_content`` schemas);
  others answer 400 ``parameter_invalid`` "Unknown locale".
- On a single-language help center Intercom ignores ``translated_content`` on writes and leaves
  it (and ``default_locale``) out of responses — the 2.16 article-create example sends a French
  translation and gets neither back. On a multilingual one the default locale's content is the
  top-level fields, so both spellings write the same data.
- Only locales enabled on the help center are kept; content for a supported but disabled locale
  is dropped, the same way the single-language case drops everything.
"""

from __future__ import annotations

from typing import Any

from .errors import invalid

SUPPORTED_LOCALES = frozenset({
    "ar", "bg", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hr", "hu",
    "id", "it", "ja", "ko", "lt", "lv", "mn", "nb", "nl", "pl", "pt", "ro", "ru", "sl", "sr", "sv",
    "tr", "vi", "pt-BR", "zh-CN", "zh-TW",
})


def requested_translations(emu: Any, body: dict[str, Any], fields: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Per enabled locale, the subset of ``fields`` the request sets (validated shapes only)."""
    raw = body.get("translated_content")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise invalid("translated_content must be an object")
    result: dict[str, dict[str, Any]] = {}
    for locale, content in raw.items():
        if locale == "type":
            continue
        if locale not in SUPPORTED_LOCALES:
            raise invalid("Unknown locale")
        if content is None:
            continue
        if not isinstance(content, dict):
            raise invalid(f"translated_content.{locale} must be an object")
        if emu.multilingual and locale in emu.locales:
            result[locale] = {k: v for k, v in content.items() if k in fields}
    return result
