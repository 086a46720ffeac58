"""The objects of a kind as the account will hold them once the plan is applied.

Several Zendesk rules are about the whole account, not one object (a tag may be used by one
field only); they must see the YAML's objects *and* the live objects the YAML leaves alone,
minus what the plan deletes.
"""

from __future__ import annotations

from typing import Iterator

from provisioner.kind import Doc
from provisioner.validators import ValidationContext


def objects_after(context: ValidationContext, kind: str) -> Iterator[tuple[str, Doc, bool]]:
    """(natural key, document, declared in the YAML) for every object of ``kind`` after the plan."""
    deleted = {c.key for c in context.changes_of(kind, "delete")}
    declared = set()
    for obj in context.desired.of(kind):
        declared.add(obj.key)
        yield obj.key, obj.doc, True
    for obj in context.live.of(kind):
        if obj.key not in declared and obj.key not in deleted:
            yield obj.key, obj.doc, False


def location(context: ValidationContext, kind: str, key: str) -> str:
    """`` (file:line)`` of a declared object, for a diagnostic's detail; "" for live ones."""
    found = context.desired.find(kind, key)
    return f" ({found.location})" if found is not None else ""
