"""Audit settings: which checks run, at which severity, with which options.

From the ``audit:`` section of the project file (``provisioner.yaml``, see ``provisioner.environments``) and ``--disable CHECK``:

    audit:
      disable: [unused-custom-roles]          # check ids that do not run
      checks:
        stale-inactive-rules: {days: 60}      # a check's options
        too-many-automations: {max: 40, severity: info}

Unknown ids and options, and values of the wrong type, are one-line errors naming file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from provisioner.audit.checks import BY_ID
from provisioner.audit.model import SEVERITIES, Severity
from provisioner.errors import InputError, UserError
from provisioner.environments import Project
from provisioner.suggest import did_you_mean

DRIFT_CHECK = "drift"
SECTION_KEYS = {"disable", "checks"}


@dataclass
class CheckSettings:
    severity: Severity
    options: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True


def known_ids() -> list[str]:
    return [DRIFT_CHECK, *BY_ID]


def defaults() -> dict[str, CheckSettings]:
    settings = {DRIFT_CHECK: CheckSettings(severity="error")}
    for check in BY_ID.values():
        settings[check.id] = CheckSettings(severity=check.severity, options=dict(check.options))
    return settings


def load_config(project: Project | None, disabled: list[str] | tuple[str, ...] = ()) -> dict[str, CheckSettings]:
    """Defaults, then the project file's ``audit:`` section, then ``--disable``."""
    settings = defaults()
    section = project.spec.audit if project is not None else None
    if project is not None and section is not None:
        _apply_section(project, section, settings)
    for check_id in disabled:
        if check_id not in settings:
            raise UserError(f"--disable {check_id}: unknown check{did_you_mean(check_id, known_ids())}; "
                            f"checks: {', '.join(known_ids())}")
        settings[check_id].enabled = False
    return settings


def _apply_section(project: Project, section: Any, settings: dict[str, CheckSettings]) -> None:
    if not isinstance(section, dict):
        raise InputError(project.where("audit"), "audit", "must be a mapping with 'disable' and/or 'checks'")
    for key in section:
        if key not in SECTION_KEYS:
            raise InputError(project.where("audit", key), f"audit.{key}", f"unknown option{did_you_mean(str(key), sorted(SECTION_KEYS))}")
    disable = section.get("disable", [])
    if not isinstance(disable, list):
        raise InputError(project.where("audit", "disable"), "audit.disable", "must be a list of check ids")
    for index, check_id in enumerate(disable):
        _known(project, check_id, ("audit", "disable", index), "audit.disable")
        settings[check_id].enabled = False
    checks = section.get("checks", {})
    if not isinstance(checks, dict):
        raise InputError(project.where("audit", "checks"), "audit.checks", "must map check ids to their options")
    for check_id, options in checks.items():
        _known(project, check_id, ("audit", "checks", check_id), "audit.checks")
        where = ("audit", "checks", check_id)
        if not isinstance(options, dict):
            raise InputError(project.where(*where), f"audit.checks.{check_id}", "must be a mapping of options")
        for name, value in options.items():
            _set(project, settings[check_id], check_id, name, value, where + (name,))


def _known(project: Project, check_id: Any, where: tuple, field: str) -> None:
    if check_id not in known_ids():
        raise InputError(project.where(*where), field, f"unknown check {check_id!r}{did_you_mean(str(check_id), known_ids())}")


def _set(project: Project, settings: CheckSettings, check_id: str, name: str, value: Any, where: tuple) -> None:
    field = f"audit.checks.{check_id}.{name}"
    if name == "severity":
        if value not in SEVERITIES:
            raise InputError(project.where(*where), field, f"must be one of {', '.join(SEVERITIES)}")
        settings.severity = value
        return
    if name not in settings.options:
        choices = sorted(settings.options) + ["severity"]
        raise InputError(project.where(*where), field, f"unknown option{did_you_mean(str(name), choices)}; "
                         f"{check_id} takes {', '.join(choices)}")
    default = settings.options[name]
    if not _same_type(default, value):
        raise InputError(project.where(*where), field, f"must be {_type_name(default)}, like the default {default!r}")
    settings.options[name] = value


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and value >= 0
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, type(default[0])) for v in value) if default else isinstance(value, list)
    return isinstance(value, type(default))


def _type_name(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        return "a whole number ≥ 0"
    if isinstance(default, list):
        return "a list"
    return type(default).__name__
