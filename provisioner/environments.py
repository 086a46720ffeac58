"""Environments: one desired state, several accounts (sandbox, production), named in a project file.

``provisioner.yaml`` sits next to the desired state (or in any folder above it)::

    variables:                      # shared by every environment
      escalation_group: Support Tier 2
    fallback_user: ops@acme.example # optional: stands in for a person missing from an account
    default_environment: sandbox    # optional: used when no --env is given
    environments:
      sandbox:
        env:                        # what the provider reads to connect, by variable NAME
          ZENDESK_SUBDOMAIN: acme-sandbox
          ZENDESK_OAUTH_TOKEN: ${env:SANDBOX_ZENDESK_TOKEN}
        variables:
          escalation_group: Tier 2 (test)

``--env NAME`` selects one. The selected environment's connection sees *only* the variables its
``env`` lists (so a stray ``ZENDESK_URL`` in the shell can never point a production run at the
wrong account); credentials must be ``${env:NAME}`` references, never literal secrets. Without a
project file, or without ``--env`` and a default, the process environment is used as it is: a
single-account user needs no project file at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from pydantic import BaseModel, ConfigDict, ValidationError

from provisioner import secrets
from provisioner.desired.load import read_text
from provisioner.suggest import did_you_mean
from provisioner.desired.yaml_lines import parse
from provisioner.errors import InputError, Location, UserError
from provisioner.interpolation import env_names, make_resolver
from provisioner.references import dotted

PROJECT_FILE = "provisioner.yaml"
ENV_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# Connection variables whose value is a credential whatever the provider: they must come from
# the process environment through ${env:NAME}, so the project file can be committed.
SECRET_NAME = re.compile(r"(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_KEY|CREDENTIALS?)$", re.IGNORECASE)
WHOLE_ENV_REFERENCE = re.compile(r"^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EnvironmentSpec(_Strict):
    env: dict[str, str] = {}
    variables: dict[str, Any] = {}
    fallback_user: str | None = None
    description: str | None = None


class ProjectSpec(_Strict):
    variables: dict[str, Any] = {}
    fallback_user: str | None = None
    default_environment: str | None = None
    environments: dict[str, EnvironmentSpec] = {}
    audit: dict[str, Any] | None = None  # settings of `provisioner audit` (provisioner.audit.config)


@dataclass(frozen=True)
class Project:
    path: Path
    spec: ProjectSpec
    lines: dict[tuple[Any, ...], Location]

    def where(self, *path: Any) -> Location:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return Location(str(self.path), 1)


@dataclass(frozen=True)
class Environment:
    """What a command needs from the selected environment.

    + name: the environment (None: no environment selected; the process environment is used).
    + variables: values for ``${var.NAME}``.
    + fallback_user: email standing in for a person the target account does not have.
    + connection: the variables the provider reads to connect (None: the process environment).
    + unset: one message per ``${env:NAME}`` in ``connection`` that is not set; connecting to a
      real account fails on the first, the embedded emulator does not need them.
    + credentials: (variable, location) of every connection value, to refuse literal secrets.
    """

    name: str | None = None
    variables: Mapping[str, Any] = field(default_factory=dict)
    fallback_user: str | None = None
    connection: Mapping[str, str] | None = None
    unset: tuple[str, ...] = ()
    source: Path | None = None
    literal: tuple[tuple[str, Location], ...] = ()

    def connection_env(self, process_env: Mapping[str, str], credential_vars: tuple[str, ...] = ()) -> Mapping[str, str]:
        """The mapping the provider's ``connect`` reads; refuses literal credentials and unset ones."""
        for name, where in self.literal:
            if name in credential_vars:
                raise InputError(where, f"env.{name}", "a credential must be written ${env:NAME}, never the secret itself")
        if self.connection is None:
            return process_env
        if self.unset:
            raise UserError(self.unset[0])
        return self.connection


def find_project(start: Path) -> Path | None:
    """The nearest ``provisioner.yaml`` in ``start``'s folder or any folder above it."""
    here = start.resolve()
    while not here.is_dir():
        if here.parent == here:
            return None
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / PROJECT_FILE
        if candidate.is_file():
            return candidate
    return None


def load_project(path: Path) -> Project:
    """Read and check a project file; every problem is an ``InputError`` at file:line."""
    data, lines = parse(read_text(path), str(path))
    project = Project(path, ProjectSpec(), lines)
    if data is None:
        return project
    if not isinstance(data, dict):
        raise InputError(project.where(), "", "a project file is a mapping (environments, variables)")
    try:
        spec = ProjectSpec.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            choices = sorted(EnvironmentSpec.model_fields if len(loc) > 2 else ProjectSpec.model_fields)
            message = f"unknown setting{did_you_mean(str(loc[-1]), choices)}"
        raise InputError(project.where(*loc), dotted(loc), message) from None
    project = Project(path, spec, lines)
    _check(project)
    return project


def _check(project: Project) -> None:
    spec = project.spec
    for name, env in spec.environments.items():
        if not ENV_NAME.match(str(name)):
            raise InputError(project.where("environments", name), f"environments.{name}",
                             "environment names are letters, digits, '-' and '_'")
        for var, value in env.env.items():
            where = project.where("environments", name, "env", var)
            if "${var." in value:
                raise InputError(where, f"environments.{name}.env.{var}", "connection values take ${env:NAME}, not variables")
            if SECRET_NAME.search(var) and not WHOLE_ENV_REFERENCE.match(value):
                raise InputError(where, f"environments.{name}.env.{var}",
                                 "a credential must be written ${env:NAME} (the variable holding it), never the secret itself")
    for scope, variables in [("variables", spec.variables)] + [
            (f"environments.{n}.variables", e.variables) for n, e in spec.environments.items()]:
        for var, value in variables.items():
            if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", str(var)):
                raise InputError(project.where(*scope.split("."), var), f"{scope}.{var}",
                                 "variable names are letters, digits and '_' (used as ${var.NAME})")
            if "${var." in str(value):
                raise InputError(project.where(*scope.split("."), var), f"{scope}.{var}",
                                 "a variable cannot refer to another variable")
    default = spec.default_environment
    if default is not None and default not in spec.environments:
        raise InputError(project.where("default_environment"), "default_environment",
                         f"no environment {default!r} under 'environments'")


def select_environment(start: Path, name: str | None, process_env: Mapping[str, str]) -> Environment:
    """The environment a command runs in: ``--env NAME`` from the project file next to ``start``."""
    found = find_project(start)
    if found is None:
        if name is not None:
            raise UserError(f"--env {name}: no {PROJECT_FILE} in {start} or the folders above it "
                            "(see docs/environments.md)")
        return Environment()
    project = load_project(found)
    spec = project.spec
    name = name if name is not None else spec.default_environment
    if name is None:
        return Environment(variables=dict(spec.variables), fallback_user=spec.fallback_user, source=found)
    if name not in spec.environments:
        known = ", ".join(sorted(spec.environments)) or "none"
        raise UserError(f"--env {name}: {found} defines no such environment (defined: {known})"
                        f"{did_you_mean(name, sorted(spec.environments))}")
    chosen = spec.environments[name]
    connection, unset, literal = _connection(project, name, chosen, process_env)
    return Environment(
        name=name,
        variables={**spec.variables, **chosen.variables},
        fallback_user=chosen.fallback_user or spec.fallback_user,
        connection=connection, unset=tuple(unset), source=found, literal=tuple(literal),
    )


def _connection(project: Project, name: str, chosen: EnvironmentSpec,
                process_env: Mapping[str, str]) -> tuple[dict[str, str], list[str], list[tuple[str, Location]]]:
    resolve = make_resolver(process_env)
    connection: dict[str, str] = {}
    unset: list[str] = []
    literal: list[tuple[str, Location]] = []
    for var, value in chosen.env.items():
        where = project.where("environments", name, "env", var)
        references = env_names(value)
        if not references:
            literal.append((var, where))
        missing = sorted(r for r in references if r not in process_env)
        if missing:
            unset.append(f"{where}: environments.{name}.env.{var}: ${{env:{missing[0]}}} is not set in the environment")
            continue
        connection[var] = resolve(value)
        if references:
            secrets.register([connection[var]])
    return connection, unset, literal
