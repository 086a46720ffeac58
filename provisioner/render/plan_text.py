"""A plan as a person reviews it: grouped by block, one symbol per change, field-level diffs.

Updates show each changed field as ``before → after``; nested values (conditions, options) are
broken down with deepdiff into the paths that actually changed, so a one-word edit in a trigger
shows as one line, not two walls of JSON.
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape

from provisioner.interpolation import mask_references
from provisioner.plan.model import SYMBOLS, Change, Plan

BLOCK_NAMES = {
    1: "foundation", 2: "users and permissions", 3: "channels", 4: "ticket taxonomy",
    5: "routing and SLAs", 6: "automations and macros", 7: "integrations", 8: "help center", 9: "answer bot",
}
STYLES = {"create": "green", "update": "yellow", "delete": "red", "replace": "magenta", "reorder": "cyan"}
MAX_VALUE = 120


def short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = mask_references(text)  # ${env:NAME} values are sensitive: shown as (sensitive)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def field_lines(change: Change) -> list[str]:
    """``path: before → after`` lines for one update or replace."""
    lines: list[str] = []
    before, after = change.before or {}, change.after or {}
    for name in change.fields:
        old, new = before.get(name), after.get(name)
        if isinstance(old, (dict, list)) and isinstance(new, (dict, list)):
            lines += nested_lines(name, old, new)
        else:
            lines.append(f"{name}: {short(old)} → {short(new)}")
    return lines


# Fields that name an item of a list of objects (a ticket type's attributes by ``name``).
IDENTITY_KEYS = ("name", "title", "key", "label")


def aligned(old: Any, new: Any) -> tuple[Any, Any]:
    """``old`` and ``new`` as the diff compares them, for display: inside mappings only the
    fields ``new`` sets (the others are not managed), and a list of named objects keyed by that
    name, so that removing one item reads as one line instead of every later item shifting."""
    if isinstance(old, dict) and isinstance(new, dict):
        shared = [k for k in new if k in old]
        pairs = {k: aligned(old[k], new[k]) for k in shared}
        return ({k: p[0] for k, p in pairs.items()}, {**{k: new[k] for k in new if k not in old},
                                                      **{k: p[1] for k, p in pairs.items()}})
    identity = _identity(old, new)
    if identity is None:
        return old, new
    before = {str(item[identity]): item for item in old}
    after = {str(item[identity]): item for item in new}
    for key in set(before) & set(after):
        before[key], after[key] = aligned(before[key], after[key])
    return before, after


def _identity(old: Any, new: Any) -> str | None:
    if not (isinstance(old, list) and isinstance(new, list) and old and new):
        return None
    items = old + new
    if not all(isinstance(item, dict) for item in items):
        return None
    for key in IDENTITY_KEYS:
        if all(key in item for item in items) and all(
                len({str(i[key]) for i in side}) == len(side) for side in (old, new)):
            return key
    return None


def nested_lines(name: str, old: Any, new: Any) -> list[str]:
    # Imported here: deepdiff takes longer to import than a no-op plan of 4,000 objects takes
    # to diff, and only a plan that updates a nested field needs it.
    from deepdiff import DeepDiff

    old, new = aligned(old, new)
    diff = DeepDiff(old, new, ignore_order=False, verbose_level=2)
    lines = []
    for path, detail in diff.get("values_changed", {}).items():
        lines.append(f"{name}{_path(path)}: {short(detail['old_value'])} → {short(detail['new_value'])}")
    for path, detail in diff.get("type_changes", {}).items():
        lines.append(f"{name}{_path(path)}: {short(detail['old_value'])} → {short(detail['new_value'])}")
    for key in ("iterable_item_added", "dictionary_item_added"):
        for path, value in diff.get(key, {}).items():
            lines.append(f"{name}{_path(path)}: + {short(value)}")
    for key in ("iterable_item_removed", "dictionary_item_removed"):
        for path, value in diff.get(key, {}).items():
            lines.append(f"{name}{_path(path)}: - {short(value)}")
    return lines or [f"{name}: {short(old)} → {short(new)}"]


def _path(deepdiff_path: str) -> str:
    """``root[0]['value']`` -> ``[0].value``."""
    text = deepdiff_path.removeprefix("root")
    return text.replace("['", ".").replace("']", "")


def render_plan(plan: Plan, console: Console, *, show_unmanaged: bool = True) -> None:
    if not plan.changes and not plan.diagnostics:
        console.print(f"No changes. The account {escape(plan.account)} matches the desired state.")
        _unmanaged(plan, console, show_unmanaged)
        return
    block = None
    for change in plan.changes:
        if change.block != block:
            block = change.block
            console.print(f"\n[bold]Block {block} · {BLOCK_NAMES.get(block, '')}[/bold]")
        _change(change, console)
    if plan.diagnostics:
        console.print()
        for diag in plan.diagnostics:
            colour = "red" if diag.severity == "error" else "yellow"
            where = f" {diag.kind}[{diag.key!r}]" if diag.kind else ""
            console.print(f"[{colour}]{diag.severity}[/{colour}] {escape(diag.rule)}{escape(where)}: {escape(diag.summary)}")
            if diag.detail:
                console.print(f"    {escape(diag.detail)}")
    _unmanaged(plan, console, show_unmanaged)
    console.print()
    console.print(summary_line(plan))


def _change(change: Change, console: Console) -> None:
    style = STYLES[change.action]
    symbol = escape(SYMBOLS[change.action])
    if change.action == "reorder":
        console.print(f"  [{style}]{symbol}[/{style}] {change.kind}: reorder {len(change.order or [])} objects")
        console.print(f"      {escape(' › '.join(change.order or []))}")
        return
    verb = change.note if change.action == "delete" and change.note else change.action
    ident = f" (id {change.id})" if change.id is not None else " (id known after apply)"
    console.print(f"  [{style}]{symbol}[/{style}] {change.kind} {escape(repr(change.key))}{escape(ident)}"
                  + (f" [{style}]{escape(verb)}[/{style}]" if verb != change.action else ""))
    if change.action in {"update", "replace"}:
        for line in field_lines(change):
            console.print(f"      {escape(line)}")
    if change.action == "replace" and change.note:
        console.print(f"      [magenta]{escape(change.note)}[/magenta]")


def _unmanaged(plan: Plan, console: Console, show: bool) -> None:
    if not show or not plan.unmanaged:
        return
    by_kind: dict[str, list[str]] = {}
    for item in plan.unmanaged:
        by_kind.setdefault(item.kind, []).append(item.key)
    console.print("\n[dim]Unmanaged (live, not in the YAML; kept unless you opt in with prune or --allow-delete):[/dim]")
    for kind, keys in by_kind.items():
        listed = ", ".join(repr(k) for k in keys[:8]) + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")
        console.print(f"[dim]  {kind}: {escape(listed)}[/dim]")


def summary_line(plan: Plan) -> str:
    counts = plan.counts()
    # Deletes the API performs another way (``Capabilities.delete_means``) are counted under that verb.
    instead: dict[str, int] = {}
    for change in plan.changes:
        if change.action == "delete" and change.note:
            instead[change.note] = instead.get(change.note, 0) + 1
    deletes = f"{counts['delete'] - sum(instead.values())} to delete" + "".join(f", {n} to {verb}" for verb, n in instead.items())
    text = (f"Plan: {counts['create']} to create, {counts['update']} to update, "
            f"{deletes}, {counts['replace']} to replace, {counts['reorder']} to reorder.")
    if plan.errors:
        text += f" {len(plan.errors)} error(s): this plan cannot be applied."
    return text
