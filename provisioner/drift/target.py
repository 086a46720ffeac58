"""The account a drift or audit run checks: ``--env NAME`` of the project file, or the process
environment. Environments themselves are ``provisioner.environments``; this only adapts the
selected one to a ``Target``, resolving its connection when the provider is known (which of
its variables are credentials depends on the provider the YAML names)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from provisioner.environments import Environment, select_environment
from provisioner.provider import Adapter, Provider
from provisioner.workflow import Target


@dataclass
class EnvironmentTarget(Target):
    environment: Environment = field(default_factory=Environment)

    def connect(self, provider: Provider) -> Adapter:
        if self.emulator:
            return Target(emulator=True, workdir=self.workdir, env=self.env).connect(provider)
        env = self.environment.connection_env(self.env, provider.credential_vars)
        return Target(emulator=False, workdir=self.workdir, env=env).connect(provider)


def target_for(base: Target, desired_path: Path, name: str | None) -> tuple[Target, str | None]:
    """The target for ``--env name`` (or the project's default environment) and its name."""
    environment = select_environment(desired_path, name, base.env)
    if environment.name is None:
        return base, None
    target = EnvironmentTarget(emulator=base.emulator, workdir=base.workdir, env=base.env, environment=environment)
    return target, environment.name
