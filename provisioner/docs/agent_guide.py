"""The agent quick reference: macros by category, escalation paths, views, SLA expectations."""

from __future__ import annotations

from provisioner.docs.markdown import table
from provisioner.docs.model import MacroDescription, RoutingRule, SlaPolicy, ViewDescription

TITLE = "Agent quick reference"


def render(macros: list[MacroDescription], views: list[ViewDescription], rules: list[RoutingRule],
           policies: list[SlaPolicy]) -> str:
    parts = [f"# {TITLE}", ""]
    parts += ["## Macros", ""]
    if not macros:
        parts += ["No shared macros are declared.", ""]
    for category in sorted({m.category for m in macros}):
        parts += [f"### {category}", ""]
        rows = [[m.title, "; ".join(m.sets) or "—", m.reply or "—", m.note or "—", m.available_to]
                for m in macros if m.category == category]
        parts += [table(["Macro", "Sets", "Reply it inserts", "Internal note", "Available to"], rows), ""]
    parts += ["## Escalation paths", ""]
    paths = [[f"macro: {m.title}", m.moves_to] for m in macros if m.moves_to]
    paths += [[f"rule: {r.title}", ", ".join(r.destinations)] for r in rules if r.destinations and r.active]
    parts += [table(["How", "Moves the ticket to"], paths) if paths else "No escalation path is declared.", ""]
    parts += ["## Views to work from", ""]
    rows = [[v.title, "; ".join(v.shows)] for v in views]
    parts += [table(["View", "Shows tickets where"], rows) if rows else "No shared views are declared.", ""]
    parts += ["## SLA expectations", ""]
    rows = [[p.title, t.priority, t.first_reply, t.resolution] for p in policies for t in p.targets]
    parts += [table(["Policy", "Priority", "First reply within", "Resolve within"], rows) if rows
              else "No SLA policy is declared.", ""]
    return "\n".join(parts)
