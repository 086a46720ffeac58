"""Detect drift: load the YAML, read every kind of the live account, plan, classify.

The same ``plan_path`` as ``plan`` (so drift and plan can never disagree), asked for every
difference (``DRIFT_REQUEST``), over all kinds so that unmanaged objects of any kind show.
The target carries ``--env`` (``provisioner.environments``), so the report names it.
"""

from __future__ import annotations

from pathlib import Path

from provisioner.drift.build import DRIFT_REQUEST, build_report
from provisioner.drift.model import DriftReport
from provisioner.workflow import Planned, Target, plan_path


def plan_for_drift(path: Path, target: Target) -> tuple[Planned, str | None]:
    """The plan drift is read from, and the environment's name; the caller closes the adapter."""
    target = target.at(path)
    return plan_path(path, target, DRIFT_REQUEST), target.settings.name


def detect_drift(path: Path, target: Target) -> DriftReport:
    planned, environment = plan_for_drift(path, target)
    try:
        return build_report(planned.plan, planned.state, planned.provider, planned.live, environment)
    finally:
        planned.adapter.close()
