"""The two lines apply commands need: where the history goes, and "record this apply"."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from provisioner.cli.context import CommandContext
from provisioner.history.location import add_history_option, history_dir
from provisioner.history.recorder import ApplyRecorder, recording
from provisioner.history.store import HistoryStore
from provisioner.plan.model import Plan
from provisioner.provider import Adapter, Provider

__all__ = ["add_history_option", "history_store", "recorded"]


def history_store(ctx: CommandContext, flag: Path | None) -> HistoryStore:
    return HistoryStore(history_dir(flag, os.environ, ctx.target.workdir))


@contextmanager
def recorded(plan: Plan, provider: Provider, adapter: Adapter, ctx: CommandContext,
             flag: Path | None) -> Iterator[ApplyRecorder]:
    """Record the apply run in the block; afterwards tell the user how to undo it."""
    with recording(plan, provider, adapter, history_store(ctx, flag)) as recorder:
        yield recorder
    if recorder.saved:
        ctx.print(f"Recorded as apply {recorder.apply_id}; undo it with: provisioner rollback {recorder.apply_id}")
