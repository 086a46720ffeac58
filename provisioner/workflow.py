"""The steps commands share: load the desired state, connect, read live, build a plan."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from provisioner import secrets
from provisioner.connect import open_adapter
from provisioner.desired.load import load_desired
from provisioner.desired.state import DesiredState
from provisioner.live import LiveState, read_live
from provisioner.plan.build import PlanRequest, build_plan, selected_kinds
from provisioner.plan.model import Plan
from provisioner.provider import Adapter, Provider


@dataclass
class Target:
    """Where a command works: the embedded emulator or a real account from the environment."""

    emulator: bool = False
    workdir: Path = Path(".")
    env: Mapping[str, str] = field(default_factory=lambda: os.environ)

    def connect(self, provider: Provider) -> Adapter:
        secrets.register_env(self.env, provider.credential_vars)
        return open_adapter(provider, emulator=self.emulator, env=self.env, workdir=self.workdir)


@dataclass
class Planned:
    plan: Plan
    state: DesiredState
    provider: Provider
    live: LiveState
    adapter: Adapter


def plan_path(path: Path, target: Target, request: PlanRequest) -> Planned:
    """Load and check the YAML (no request made if it is invalid), then read live and diff."""
    state, provider = load_desired(path)
    adapter = target.connect(provider)
    kinds = selected_kinds(provider, request.blocks)
    live = read_live(adapter, _with_reference_targets(provider, kinds))
    return Planned(build_plan(state, provider, live, request), state, provider, live, adapter)


def _with_reference_targets(provider: Provider, kinds: list) -> list:
    """The selected kinds plus every kind they refer to (their ids are needed to resolve names)."""
    names = {k.name for k in kinds}
    for kind in kinds:
        names |= kind.targets
    return [k for k in provider.kinds if k.name in names]
