"""What a rollback cannot put back exactly, said in the plan rather than glossed over.

- A re-created object gets a new id; every reference in the account is pointed at it, but links
  from outside (bookmarks, API scripts, other tools) keep the old one.
- Data the server keeps about an object (usage counts, view counts, votes, generated keys) is
  lost with it: the server-owned fields that held a value in the snapshot are named.
- Secret fields (webhook credentials) are never read back, so they cannot be restored; nor can
  a value that was a registered secret (masked in the snapshot) unless the plan that set it named
  it as ``${env:NAME}``, which the snapshot keeps and apply resolves again.
- Where the API has no delete, undoing a create is the kind's ``delete_means`` (archive,
  deactivate), and the object stays visible in that state.
"""

from __future__ import annotations

from typing import Any

from provisioner import secrets
from provisioner.history.model import ObjectState
from provisioner.live import canonical_json
from provisioner.kind import Kind
from provisioner.plan.model import Diagnostic

NOT_DATA = frozenset({"id", "url", "created_at", "updated_at", "position"})
RULE = "not_exactly_restorable"


def _is_data(name: str, value: Any, doc: dict[str, Any]) -> bool:
    """A value the server accumulated: counts, texts, lists. Flags (``removable``) and the
    source of a field the object keeps (``raw_title`` of ``title``) come back with the object."""
    if value is None or isinstance(value, bool) or value in ("", [], {}, 0):
        return False
    return not (name.startswith("raw_") and doc.get(name[4:]) == value)


def lost_server_data(kind: Kind, state: ObjectState) -> list[str]:
    """Server-owned fields of the old object that held data (they start over when re-created)."""
    raw = state.raw or {}
    skip = NOT_DATA | {kind.id_field}
    return sorted(name for name in kind.server_owned - skip if _is_data(name, raw.get(name), state.doc))


def recreate_notes(kind: Kind, state: ObjectState) -> list[str]:
    notes = [f"re-created with a new id (old id {state.id}); references in the account follow it, links from outside do not"]
    lost = lost_server_data(kind, state)
    if lost:
        notes.append(f"server-kept data starts over: {', '.join(lost)}")
    if kind.secret_fields:
        notes.append(f"secret fields are not restored ({', '.join(sorted(kind.secret_fields))}): the API never returns them; set them again")
    return notes


def secret_notes(kind: Kind, fields: list[str]) -> list[str]:
    """For an update that the undone apply made to a secret: its earlier value is unknown."""
    secret = sorted(s for s in kind.secret_fields if s.split(".")[0] in fields)
    if not secret:
        return []
    return [f"{', '.join(secret)}: the earlier secret value was never readable and is not restored"]


def masked_fields(doc: dict[str, Any]) -> list[str]:
    """Top-level fields whose recorded value hides a secret: the history never kept it."""
    return [name for name, value in doc.items() if secrets.MASK in canonical_json(value)]


def masked_notes(fields: list[str]) -> list[str]:
    if not fields:
        return []
    return [f"{', '.join(fields)}: held a secret value, which the history does not keep; not restored, set it again"]


def undo_create_note(kind: Kind) -> str:
    means = kind.capabilities.delete_means
    if means:
        return f"{means} (the API cannot delete {kind.name}): it stays in the account, {means}d"
    return ""


def as_diagnostics(kind: str, key: str, notes: list[str]) -> list[Diagnostic]:
    """One warning per object, all its notes in it: a review reads one line per object."""
    if not notes:
        return []
    return [Diagnostic(severity="warning", rule=RULE, kind=kind, key=key, summary="; ".join(notes))]
