"""``schema`` (JSON Schema of the YAML for editors) and ``kinds`` (the capability table)."""

from __future__ import annotations

import argparse
import json

from rich.table import Table

from provisioner.cli.context import CommandContext
from provisioner.desired.schema import desired_state_schema
from provisioner.docs_kinds import capability_rows, kinds_markdown
from provisioner.provider import KNOWN_PROVIDERS, load_provider


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    schema = commands.add_parser("schema", parents=[parent], help="print the JSON Schema of the YAML for editor completion")
    schema.add_argument("--provider", required=True, choices=KNOWN_PROVIDERS)
    schema.set_defaults(handler=run_schema)

    kinds = commands.add_parser("kinds", parents=[parent], help="list the kinds a provider manages and what the API allows")
    kinds.add_argument("--provider", required=True, choices=KNOWN_PROVIDERS)
    kinds.add_argument("--json", action="store_true")
    kinds.add_argument("--markdown", action="store_true",
                       help="the provider's reference page, as in docs/providers/NAME.md (generated from the declarations)")
    kinds.set_defaults(handler=run_kinds)


def run_schema(args: argparse.Namespace, ctx: CommandContext) -> int:
    print(json.dumps(desired_state_schema(load_provider(args.provider)), indent=2))
    return 0


VERBS = ("read", "create", "update", "delete", "reorder")


def run_kinds(args: argparse.Namespace, ctx: CommandContext) -> int:
    provider = load_provider(args.provider)
    if args.markdown:
        print(kinds_markdown(provider), end="")
        return 0
    rows = capability_rows(provider)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    table = Table(title=f"{provider.name}: {len(rows)} kinds")
    for column in ("kind", "block", "natural key", *VERBS, "notes"):
        table.add_column(column)
    for row in rows:
        marks = [row[v] if isinstance(row[v], str) else ("yes" if row[v] else "no") for v in VERBS]
        table.add_row(row["kind"], str(row["block"]), row["natural_key"], *marks, row["notes"])
    ctx.out.print(table)
    return 0
