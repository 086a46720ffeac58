"""The build tracker: where each of the playbook's Blocks 1-9 stands in the live account.

Computed from an ordinary full plan, so it agrees with ``plan`` by construction: a block whose
declared objects all exist and match is in sync; one with nothing created yet is not started;
one with some objects missing is partly applied; one whose objects exist but differ is drifted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from provisioner.desired.state import DesiredState
from provisioner.plan.model import Plan
from provisioner.provider import Provider
from provisioner.references import collect
from provisioner.render.plan_text import BLOCK_NAMES

IN_SYNC, NOT_STARTED, PARTLY_APPLIED, DRIFTED, NOTHING_DECLARED = (
    "in sync", "not started", "partly applied", "drifted", "nothing declared")


@dataclass
class KindProgress:
    kind: str
    declared: int = 0
    missing: int = 0
    differing: int = 0
    order_differs: bool = False

    @property
    def in_sync(self) -> int:
        return self.declared - self.missing - self.differing


@dataclass
class BlockProgress:
    block: int
    name: str
    kinds: list[KindProgress] = field(default_factory=list)

    @property
    def status(self) -> str:
        declared = sum(k.declared for k in self.kinds)
        missing = sum(k.missing for k in self.kinds)
        differing = sum(k.differing for k in self.kinds) + sum(k.order_differs for k in self.kinds)
        if declared == 0:
            return NOTHING_DECLARED
        if missing == declared:
            return NOT_STARTED
        if missing:
            return PARTLY_APPLIED
        if differing:
            return DRIFTED
        return IN_SYNC


def block_progress(provider: Provider, state: DesiredState, plan: Plan) -> list[BlockProgress]:
    blocks = {n: BlockProgress(n, BLOCK_NAMES[n]) for n in range(1, 10)}
    for kind in provider.kinds:
        progress = KindProgress(kind.name, declared=len(state.of(kind.name)))
        for change in plan.changes:
            if change.kind != kind.name:
                continue
            if change.action == "create":
                progress.missing += 1
            elif change.action in {"update", "replace"}:
                progress.differing += 1
            elif change.action == "reorder":
                progress.order_differs = True
        blocks[kind.block].kinds.append(progress)
    return [blocks[n] for n in range(1, 10)]


def blocks_needed(provider: Provider, plan: Plan) -> dict[int, set[int]]:
    """For each block, the other blocks whose not-yet-created objects its changes name.

    A Block 5 trigger may notify a Block 7 webhook: ``plan --block 5`` alone cannot resolve it,
    so the tracker suggests building both together.
    """
    created = {(c.kind, c.key): c.block for c in plan.changes if c.action in {"create", "replace"}}
    needed: dict[int, set[int]] = {}
    for change in plan.changes:
        if change.after is None:
            continue
        for ref, value, _ in collect(change.after, provider.kind(change.kind).references):
            raw = str(value)
            if ref.key_prefix:
                if not raw.startswith(ref.key_prefix):
                    continue
                raw = raw[len(ref.key_prefix):]
            other = created.get((ref.target, raw))
            if other is not None and other != change.block:
                needed.setdefault(change.block, set()).add(other)
    return needed


def next_step(progress: list[BlockProgress], needed: dict[int, set[int]] | None = None) -> str:
    """What the user should do next: the first block that is not in sync (with what it needs)."""
    for block in progress:
        if block.status in {NOT_STARTED, PARTLY_APPLIED, DRIFTED}:
            verb = "build" if block.status == NOT_STARTED else ("finish" if block.status == PARTLY_APPLIED else "reconcile")
            together = sorted({block.block} | (needed or {}).get(block.block, set()))
            selector = ",".join(str(b) for b in together)
            also = (f" (it names objects of block {', '.join(str(b) for b in together if b != block.block)}, "
                    "so build them together)") if len(together) > 1 else ""
            return (f"Next: {verb} block {block.block} ({block.name}){also}: "
                    f"provisioner plan PATH --block {selector}, then apply the saved plan.")
    return "Every declared block is applied and in sync."
