"""Which changes of a plan may be written at the same time.

A plan is a sequence: referenced objects are created before their referrers, referrers are
changed before what they name is deleted, a list is reordered after its new members exist.
Sent one by one, a large apply spends most of its time waiting: on the network (a write to a
hosted helpdesk takes a few hundred milliseconds), and under faults on retry back-off. Sending
several independent changes at once hides that waiting; the rate-limit pacer
(``providers.common.pacing``) still keeps the whole run within the vendor's budget.

Only changes that cannot see each other go together, so the result is the same as the
sequence's. A batch is a run of consecutive changes that

+ share kind and action (create, update or delete; never a replace or a reorder);
+ are of a kind whose objects never name each other (no reference from the kind to itself,
  as a section's parent section) and, for creates and deletes, whose list has no order that
  creation could scramble;
+ the adapter says may be written side by side (``Adapter.parallel_writes``): a write that
  reads and rewrites a shared list, a singleton, or a custom sequence of requests may not;
+ do not name an object another change of the batch creates, changes or deletes.

Anything else is a batch of one, in plan order, exactly as before.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

from provisioner.kind import Kind
from provisioner.plan.model import Change

PARALLEL_ACTIONS = frozenset({"create", "update", "delete"})
DEFAULT_PARALLELISM = 4

Names = Callable[[Change], set[tuple[str, str]]]


def may_go_alongside(change: Change, kind: Kind, adapter: Any) -> bool:
    """Whether ``change`` could share a batch with other changes of its kind and action."""
    if change.action not in PARALLEL_ACTIONS or kind.singleton or kind.name in kind.targets:
        return False
    if kind.ordered and change.action != "update":
        return False
    allows = getattr(adapter, "parallel_writes", None)
    return bool(allows and allows(kind, change.action))


def batches(pending: list[tuple[int, Change]], kind_of: Callable[[str], Kind], adapter: Any,
            names: Names) -> Iterator[list[tuple[int, Change]]]:
    """``pending`` (plan index, change), in plan order, cut into batches whose changes may be
    written at once. A batch has no size limit: apply runs it through a pool of workers, so
    one slow write holds up only its own worker, not the rest of the batch."""
    batch: list[tuple[int, Change]] = []
    touched: set[tuple[str, str]] = set()
    for index, change in pending:
        joins = (
            batch
            and (change.kind, change.action) == (batch[0][1].kind, batch[0][1].action)
            and may_go_alongside(change, kind_of(change.kind), adapter)
            and not names(change) & touched
        )
        if batch and not joins:
            yield batch
            batch, touched = [], set()
        batch.append((index, change))
        touched.add((change.kind, change.key))
        if len(batch) == 1 and not may_go_alongside(change, kind_of(change.kind), adapter):
            yield batch
            batch, touched = [], set()
    if batch:
        yield batch
