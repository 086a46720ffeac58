"""``--env NAME``: run a command against an environment of ``provisioner.yaml``.

Every command takes one ``--env`` (``args.env``); ``compare`` takes two (``args.envs``, in the
order given) and says so with ``set_defaults(many_envs=True)``. Any other command given two is
refused, rather than silently using one of them.
"""

from __future__ import annotations

import argparse
from typing import Any, Sequence

from provisioner.errors import UsageError


class EnvAction(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[Any] | None, option_string: str | None = None) -> None:
        envs = [*getattr(namespace, "envs", []), str(values)]
        if len(envs) > 1 and not getattr(namespace, "many_envs", False):
            raise UsageError(f"--env given {len(envs)} times ({', '.join(envs)}); only 'compare' takes two")
        namespace.envs = envs
        namespace.env = str(values)


def add_env_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--env", action=EnvAction, default=argparse.SUPPRESS, metavar="NAME",
                        help="use environment NAME of provisioner.yaml (its account and variables); "
                             "see docs/environments.md")
