"""The routing map: how a new ticket travels, as a Mermaid flowchart and the same as a table."""

from __future__ import annotations

from provisioner.docs.markdown import mermaid_label, table
from provisioner.docs.model import RoutingRule

TITLE = "Routing map"


def render(rules: list[RoutingRule]) -> str:
    parts = [f"# {TITLE}", ""]
    if not rules:
        return "\n".join(parts + ["This desired state declares no routing rule.", ""])
    parts += ["Rules run in this order on every new or updated ticket; each one whose conditions hold acts.", ""]
    parts += ["```mermaid", *flowchart(rules), "```", ""]
    rows = []
    for rule in rules:
        when = " and ".join(rule.when_all)
        if rule.when_any:
            when = (f"{when} and " if when else "") + "any of: " + "; ".join(rule.when_any)
        then = [f"→ {d}" for d in rule.destinations] + rule.effects + [f"notifies {n}" for n in rule.notifies]
        rows.append([str(rule.order), rule.title + ("" if rule.active else " (inactive)"), rule.category or "—",
                     when or "always", "; ".join(then) or "—"])
    parts += [table(["#", "Rule", "Category", "When", "Then"], rows), ""]
    return "\n".join(parts)


def flowchart(rules: list[RoutingRule]) -> list[str]:
    """Nodes: the ticket, each rule in order, each destination; edges: ticket → rule → destination."""
    lines = ["flowchart LR", '  ticket(["New or updated ticket"])']
    destinations: dict[str, str] = {}
    for rule in rules:
        node = f"r{rule.order}"
        label = mermaid_label(f"{rule.order}. {rule.title}" + ("" if rule.active else " (inactive)"))
        lines.append(f'  {node}["{label}"]')
        lines.append(f"  ticket --> {node}")
        for target in rule.destinations + [f"notify {n}" for n in rule.notifies]:
            if target not in destinations:
                destinations[target] = f"d{len(destinations) + 1}"
                lines.append(f'  {destinations[target]}[("{mermaid_label(target)}")]')
            lines.append(f"  {node} --> {destinations[target]}")
    return lines
