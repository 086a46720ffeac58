"""A view shows at most 10 columns (Zendesk refuses more)."""

from __future__ import annotations

from providers.zendesk.validators._account_after import location
from provisioner.plan.model import Diagnostic
from provisioner.validators import ValidationContext

MAX_COLUMNS = 10


def check(context: ValidationContext) -> list[Diagnostic]:
    found = []
    for obj in context.desired.of("views"):
        columns = (obj.doc.get("execution") or {}).get("columns") or []
        if len(columns) > MAX_COLUMNS:
            found.append(Diagnostic(
                severity="error", rule="view_columns", kind="views", key=obj.key,
                summary=f"{len(columns)} columns; a view shows at most {MAX_COLUMNS}",
                detail=f"drop some columns{location(context, 'views', obj.key)}"))
    return found
