"""The steps commands share: load the desired state, connect, read live, build a plan."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping

from provisioner import secrets
from provisioner.connect import open_adapter
from provisioner.desired.load import load_desired
from provisioner.desired.state import DesiredState
from provisioner.environments import PROJECT_FILE, Environment, select_environment
from provisioner.errors import UserError
from provisioner.interpolation import Interpolator, env_names, make_resolver
from provisioner.kind import Doc
from provisioner.live import LiveState, build_live, read_raw
from provisioner.plan.build import PlanRequest, build_plan, selected_kinds
from provisioner.plan.model import Plan
from provisioner.provider import Adapter, Provider


@dataclass
class Target:
    """Where a command works: the embedded emulator or a real account from the environment.

    ``environment`` is ``--env NAME``: an environment of ``provisioner.yaml``, found next to the
    desired state (``at(path)``) or the working folder. It decides the account's connection
    variables, the ``${var.NAME}`` values and the fallback user (``provisioner.environments``);
    ``${env:NAME}`` always reads the process environment ``env``.
    """

    emulator: bool = False
    workdir: Path = Path(".")
    env: Mapping[str, str] = field(default_factory=lambda: os.environ)
    environment: str | None = None
    chosen: Environment | None = None

    def at(self, path: Path) -> "Target":
        """This target with its environment looked up next to ``path`` (the desired state)."""
        if self.chosen is not None:
            return self
        return replace(self, chosen=select_environment(path, self.environment, self.env))

    @property
    def settings(self) -> Environment:
        if self.chosen is None:
            self.chosen = select_environment(self.workdir, self.environment, self.env)
        return self.chosen

    def connect(self, provider: Provider) -> Adapter:
        settings = self.settings
        if self.emulator:  # one embedded account per environment; no credentials needed
            adapter = open_adapter(provider, emulator=True, env=self.env, workdir=self.workdir,
                                   environment=settings.name)
            if settings.name:
                adapter.account = f"{settings.name}.{adapter.account}"  # plans name the environment
            return adapter
        env = settings.connection_env(self.env, provider.credential_vars)
        secrets.register_env(env, provider.credential_vars)
        return open_adapter(provider, emulator=False, env=env, workdir=self.workdir)

    def interpolator(self, *, require_env: bool) -> Interpolator:
        """The ``load_desired`` hook for ``${var.NAME}``/``${env:NAME}`` in this environment."""
        source = str(self.settings.source) if self.settings.source else PROJECT_FILE
        return Interpolator(self.settings.variables, self.env, require_env=require_env, source=source)

    def resolver(self, plan: Plan | None = None) -> Callable[[Any], Any]:
        """Resolves ``${env:NAME}`` from the process environment (diff and apply); with a plan,
        first checks that every variable its changes use is set, so apply writes nothing
        rather than stopping half way."""
        if plan is not None:
            missing = sorted(name for change in plan.changes for name in env_names(change.after)
                             if name not in self.env)
            if missing:
                raise UserError(f"the plan uses ${{env:{missing[0]}}}, which is not set in this environment; "
                                "set it and apply again (nothing was applied)")
        return make_resolver(self.env)

    def plan_request(self, request: PlanRequest) -> PlanRequest:
        """``request`` with this environment's secret resolution and fallback user."""
        return replace(request, resolve=request.resolve or self.resolver(),
                       fallback_user=request.fallback_user or self.settings.fallback_user)


def load_path(path: Path, target: Target, *, require_env: bool = False) -> tuple[DesiredState, Provider]:
    """Load and check the YAML at ``path`` with the variables of ``target``'s environment."""
    return load_desired(path, target.at(path).interpolator(require_env=require_env))


@dataclass
class Planned:
    plan: Plan
    state: DesiredState
    provider: Provider
    live: LiveState
    adapter: Adapter
    # The live objects as the API returned them, by kind (audit checks read ``updated_at`` etc.).
    raw: dict[str, list[Doc]] = field(default_factory=dict)


def plan_path(path: Path, target: Target, request: PlanRequest) -> Planned:
    """Load and check the YAML (no request made if it is invalid), then read live and diff."""
    target = target.at(path)
    state, provider = load_path(path, target, require_env=True)
    request = target.plan_request(request)
    adapter = target.connect(provider)
    try:
        kinds = selected_kinds(provider, request.blocks)
        to_read = with_reference_targets(provider, kinds)
        raw = read_raw(adapter, to_read)
        live = build_live(adapter.account, to_read, raw)
        return Planned(build_plan(state, provider, live, request), state, provider, live, adapter, raw)
    except BaseException:
        adapter.close()  # the caller only gets the adapter (to close) when planning succeeded
        raise


def with_reference_targets(provider: Provider, kinds: list) -> list:
    """The selected kinds plus every kind they refer to (their ids are needed to resolve names)."""
    names = {k.name for k in kinds}
    for kind in kinds:
        names |= kind.targets
    return [k for k in provider.kinds if k.name in names]
