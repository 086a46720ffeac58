"""The integration map: webhooks, apps and targets, which rules use each, which credentials."""

from __future__ import annotations

from provisioner.docs.markdown import table
from provisioner.docs.model import Integration

TITLE = "Integration map"


def render(integrations: list[Integration]) -> str:
    parts = [f"# {TITLE}", ""]
    if not integrations:
        return "\n".join(parts + ["This desired state declares no integration.", ""])
    rows = [[i.name, i.kind, i.endpoint or "—", ", ".join(i.used_by) or ("—" if i.kind == "app" else "no rule uses it"),
             ", ".join(f"`{c}`" for c in i.credentials) or "none"] for i in integrations]
    parts += [table(["Integration", "Kind", "Endpoint", "Used by", "Credentials (environment variables)"], rows), ""]
    parts += ["Credential values are never written here: only the names of the variables that supply them.", ""]
    return "\n".join(parts)
