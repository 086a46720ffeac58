"""Detect drift: load the YAML, read every kind of the live account, plan, classify.

The same ``plan_path`` as ``plan`` (so drift and plan can never disagree), asked for every
difference (``DRIFT_REQUEST``), over all kinds so that unmanaged objects of any kind show.
"""

from __future__ import annotations

from pathlib import Path

from provisioner.drift.build import DRIFT_REQUEST, build_report
from provisioner.drift.model import DriftReport
from provisioner.drift.target import target_for
from provisioner.workflow import Planned, Target, plan_path


def plan_for_drift(path: Path, target: Target, environment: str | None = None) -> tuple[Planned, str | None]:
    """The plan drift is read from, and the environment's name; the caller closes the adapter."""
    chosen, name = target_for(target, path, environment)
    return plan_path(path, chosen, DRIFT_REQUEST), name


def detect_drift(path: Path, target: Target, environment: str | None = None) -> DriftReport:
    planned, name = plan_for_drift(path, target, environment)
    try:
        return build_report(planned.plan, planned.state, planned.provider, planned.live, name)
    finally:
        planned.adapter.close()
