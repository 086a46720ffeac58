"""Saving and loading plan files; a foreign, tampered or truncated file is refused."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import ValidationError

from provisioner import __version__
from provisioner.errors import UserError
from provisioner.plan.model import PLAN_FORMAT, Plan
from provisioner.provider import load_provider


def save_plan(plan: Plan, path: Path) -> None:
    """Atomically, owner-only from the first byte (a plan describes the account's setup)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(plan.model_dump_json(indent=2) + "\n")
    tmp.replace(path)


def load_plan(path: Path) -> Plan:
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError:
        raise UserError(f"{path}: no such plan file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: not a plan file (corrupt or truncated JSON: {exc})") from None
    if not isinstance(data, dict) or "format_version" not in data or "changes" not in data:
        raise UserError(f"{path}: not a provisioner plan file")
    if data["format_version"] != PLAN_FORMAT:
        raise UserError(f"{path}: plan format {data['format_version']} is not supported (this tool writes {PLAN_FORMAT})")
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise UserError(f"{path}: invalid plan file at {'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    if plan.checksum != plan.content_checksum():
        raise UserError(f"{path}: plan file was modified after it was saved (checksum mismatch); plan again")
    if plan.tool_version != __version__:
        raise UserError(f"{path}: plan was made by provisioner {plan.tool_version}, this is {__version__}; plan again")
    try:
        load_provider(plan.provider)
    except UserError as exc:
        raise UserError(f"{path}: {exc}") from None
    return plan
