"""``history``: the applies recorded in the history folder, newest first; ``history APPLY_ID``
shows what one of them did to each object. Also the two hooks apply commands use: where the
history goes (``history_store``) and "record this apply" (``recorded``)."""

from __future__ import annotations

import argparse
import json
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from rich.markup import escape

from provisioner.cli.context import CommandContext
from provisioner.history.location import add_history_option, history_dir
from provisioner.history.model import ApplyRecord
from provisioner.history.recorder import ApplyRecorder, recording
from provisioner.history.store import HistoryStore
from provisioner.plan.model import SYMBOLS, Plan
from provisioner.provider import Adapter, Provider

__all__ = ["add_history_option", "history_store", "recorded", "register"]


def history_store(ctx: CommandContext, flag: Path | None) -> HistoryStore:
    return HistoryStore(history_dir(flag, ctx.target.env, ctx.target.workdir))


@contextmanager
def recorded(plan: Plan, provider: Provider, adapter: Adapter, ctx: CommandContext,
             flag: Path | None) -> Iterator[ApplyRecorder]:
    """Record the apply run in the block; afterwards tell the user how to undo it."""
    with recording(plan, provider, adapter, history_store(ctx, flag), ctx.target.resolver()) as recorder:
        yield recorder
    if recorder.saved:
        ctx.print(f"Recorded as apply {recorder.apply_id}; undo it with: provisioner rollback {recorder.apply_id}")


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    history = commands.add_parser("history", parents=[parent], help="list recorded applies, newest first")
    history.add_argument("apply_id", nargs="?", metavar="APPLY_ID", help="show one apply's changes (id or unique prefix)")
    history.add_argument("--json", action="store_true", help="print the records as JSON")
    add_history_option(history)
    history.set_defaults(handler=run_history)


def when(stamp: str) -> str:
    """``2025-01-31T14:25:01.123456Z`` -> ``2025-01-31 14:25:01Z``."""
    return stamp[:19].replace("T", " ") + "Z"


def change_counts(record: ApplyRecord) -> str:
    counts = record.counts()
    text = " ".join(f"{SYMBOLS[action]}{counts[action]}" for action in SYMBOLS if counts.get(action))
    return text or "none"


def outcome(record: ApplyRecord) -> str:
    done = sum(1 for c in record.changes if c.status == "done")
    text = "unfinished (running, or killed)" if record.outcome == "in progress" else record.outcome
    if record.outcome != "complete":
        text += f" ({done} of {len(record.changes)} done)"
    if record.undoes:
        first, _, last = record.undoes.partition("..")
        text += f"; rollback of {first}" + (f" to {last}" if last != first else "")
    return text


def run_history(args: argparse.Namespace, ctx: CommandContext) -> int:
    store = history_store(ctx, args.history_dir)
    if args.apply_id:
        return show_one(store.find(args.apply_id), args, ctx)
    records = list(reversed(store.records()))
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in records], indent=2))
        return 0
    if not records:
        ctx.print(f"No applies recorded in {store.root}.")
        return 0
    rows = [("APPLY ID", "STARTED (UTC)", "ACCOUNT", "DONE", "OUTCOME")]
    rows += [(r.id, when(r.started_at), f"{r.provider} {r.account}", change_counts(r), outcome(r)) for r in records]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    ctx.print(f"{len(records)} apply(s) recorded in {escape(str(store.root))}, newest first:")
    for row in rows:
        ctx.print(escape("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4]))
    ctx.print("Undo one and everything after it with: provisioner rollback APPLY_ID")
    return 0


def show_one(record: ApplyRecord, args: argparse.Namespace, ctx: CommandContext) -> int:
    if args.json:
        print(record.model_dump_json(indent=2))
        return 0
    ctx.print(f"Apply {record.id} on {record.provider} {record.account}, started {when(record.started_at)}: {escape(outcome(record))}")
    ctx.print(f"Plan checksum {record.plan_checksum}")
    for change in record.changes:
        ids = f" id {change.id}" if change.id is not None else ""
        ids += f" → {change.new_id}" if change.new_id is not None else ""
        line = f"  {SYMBOLS.get(change.action, '?')} {change.kind} {change.key!r}{ids}: {change.status}"
        ctx.print(escape(line + (f": {change.error}" if change.error else "")))
    return 0
