"""What one audit check declares: an id, a severity, the concepts it needs, options, a fix hint.

``needs(profile)`` returns the kinds the check reads, or a string saying which
concept the provider does not declare; either way a check that cannot run is skipped with a
note, never failed. ``run(snapshot, options)`` returns findings; an empty list is a pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from provisioner.audit.model import Finding, Severity
from provisioner.audit.profile import AuditProfile
from provisioner.audit.snapshot import Snapshot

Needs = Callable[[AuditProfile], "tuple[str, ...] | str"]
Run = Callable[[Snapshot, Mapping[str, Any]], list[Finding]]


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    severity: Severity
    needs: Needs
    run: Run
    fix: str
    options: Mapping[str, Any] = field(default_factory=dict)
    why: str = ""


def not_declared(concept: str) -> str:
    """The skip note of a check whose concept the provider's audit profile does not map."""
    return f"no kind maps to {concept} (the provider's API has none, or its audit profile does not declare them)"


class SkipCheck(Exception):
    """Raised by a running check that finds it cannot judge this account; the message says why."""
