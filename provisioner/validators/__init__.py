"""Plan-time checks of what the vendor would refuse, run before anything is written.

A validator is a function ``(ValidationContext) -> list[Diagnostic]``: it returns findings and
never raises. Providers register theirs by name in ``Provider.validators`` (one rule per file),
so a user can switch one off with ``--disable-validator NAME``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from provisioner.desired.state import DesiredState
from provisioner.live import LiveState
from provisioner.plan.model import Change, Diagnostic
from provisioner.provider import Provider


@dataclass(frozen=True)
class ValidationContext:
    provider: Provider
    desired: DesiredState
    live: LiveState
    changes: list[Change]

    def changes_of(self, kind: str, *actions: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind and (not actions or c.action in actions)]


Validator = Callable[[ValidationContext], list[Diagnostic]]


def run_validators(validators: Mapping[str, Validator], context: ValidationContext,
                   disabled: frozenset[str] = frozenset()) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for name, check in validators.items():
        if name in disabled:
            continue
        found += check(context)
    return found
