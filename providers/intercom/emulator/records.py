"""Stored records keep emulator-only bookkeeping under ``_``-prefixed keys (a macro's raw source,
the tags a segment filters on); ``public`` strips them before anything goes on the wire."""

from __future__ import annotations

from typing import Any


def public(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if not key.startswith("_")}


def by_numeric_id(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda record: int(record["id"]))
