"""Zendesk plan-time validators, one rule per file, registered by name."""

from __future__ import annotations

VALIDATORS: dict = {}
