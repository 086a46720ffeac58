"""Did a change sent without a clear answer land? Look at the account instead of guessing.

A write may land even when its answer never arrives (a timeout, a dropped connection, a 5xx
after the work was done, the process killed mid-request). Sending a create again then makes a
duplicate, so the account is asked first:

+ create: is there an object with this natural key? Its id is the create's result. The plan
  was refused if one existed already, so one there now is this change's.
+ replace (delete, then create): while the old object is still there, nothing landed; once it
  is gone, look for the new one by key.
+ update, delete, reorder: they set a state, so sending them again is safe and is the check
  (a delete that finds nothing is done).
"""

from __future__ import annotations

from typing import Any

from provisioner.kind import Kind
from provisioner.plan.model import Change
from provisioner.provider import Adapter
from provisioner.references import KeyTable


def landed(change: Change, kind: Kind, adapter: Adapter, table: KeyTable) -> tuple[bool, Any]:
    """(True, new id) when the change is already in the account (the id is recorded in
    ``table``); (False, None) when it must be sent."""
    if change.action == "replace" and any(str(raw.get(kind.id_field)) == str(change.id) for raw in adapter.read(kind)):
        return False, None
    if change.action not in {"create", "replace"}:
        return False, None
    found = adapter.find_by_key(kind, change.key)
    if found is None:
        return False, None
    new_id = found[kind.id_field]
    table.add(kind.name, change.key, new_id)
    return True, new_id
