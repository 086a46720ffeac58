"""The SLA policy document: one table per policy, in words a customer-facing team can use."""

from __future__ import annotations

from provisioner.docs.markdown import table
from provisioner.docs.model import SlaPolicy

TITLE = "SLA policies"


def render(policies: list[SlaPolicy]) -> str:
    parts = [f"# {TITLE}", ""]
    if not policies:
        return "\n".join(parts + ["This desired state declares no SLA policy.", ""])
    parts += ["The first policy whose conditions a ticket meets applies to it; policies are listed in that order.", ""]
    for policy in policies:
        parts += [f"## {policy.title}", ""]
        if policy.description:
            parts += [policy.description, ""]
        applies = "; ".join(policy.applies_to) if policy.applies_to else "every ticket"
        parts += [f"**Applies to:** {applies}.", ""]
        rows = [[t.priority, t.first_reply, t.next_reply, t.resolution, t.hours] for t in policy.targets]
        parts += [table(["Priority", "First reply", "Next reply", "Resolution", "Measured in"], rows), ""]
    return "\n".join(parts)


def duration(minutes: int | float | None) -> str:
    """60 -> "1 h", 90 -> "1 h 30 min", 2880 -> "48 h" (support teams count SLAs in hours)."""
    if minutes is None:
        return "—"
    minutes = int(minutes)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")
