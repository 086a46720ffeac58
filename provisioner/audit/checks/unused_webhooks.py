"""Webhooks that no rule uses.

An unused webhook still holds credentials to another system and still counts against the
account's webhook limit; usually it is left over from an integration that was replaced.
"""

from __future__ import annotations

from typing import Any, Mapping

from provisioner.audit.check import Check, SkipCheck, not_declared
from provisioner.audit.model import Finding
from provisioner.audit.profile import AuditProfile
from provisioner.audit.references import references
from provisioner.audit.snapshot import Snapshot


def needs(profile: AuditProfile) -> tuple[str, ...] | str:
    return (profile.webhooks.kind,) if profile.webhooks else not_declared("webhooks")


def referrers(snapshot: Snapshot, webhook_kind: str) -> list[str]:
    return [k.name for k in snapshot.provider.kinds if any(r.target == webhook_kind for r in k.references)]


def run(snapshot: Snapshot, options: Mapping[str, Any]) -> list[Finding]:
    concept = snapshot.profile.webhooks
    assert concept is not None
    kinds = referrers(snapshot, concept.kind)
    if not kinds:
        raise SkipCheck(f"no {snapshot.provider.name} kind declares a reference to {concept.kind}")
    used = {ref.target_id for ref in references(snapshot, kinds, {concept.kind})}
    findings = []
    for hook in snapshot.of(concept.kind):
        ref = snapshot.ref(concept.kind, hook)
        if str(ref.id) in used or concept.used_outside_rules(hook):
            continue
        findings.append(Finding(summary=f"webhook {ref.key!r} is used by no rule", objects=[ref], fix=CHECK.fix))
    return findings


CHECK = Check(
    id="unused-webhooks", title="Every webhook is used by a rule",
    severity="warning", needs=needs, run=run,
    fix="delete the webhook (and rotate its credentials), or add the rule that should call it",
    why="an unused webhook keeps credentials to another system alive for nothing",
)
